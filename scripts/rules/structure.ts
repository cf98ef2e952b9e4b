import { didYouMean } from "../lib/suggest.ts";
import type { Problem } from "../lib/problems.ts";
import { CHECKLIST_FILE, CLIENT_FILE, KIND_FILES, KIND_FOLDERS, notAName } from "../model/kinds.ts";
import type { LoadedClient } from "../model/types.ts";
import { printable } from "../lib/printable.ts";
import { problemAt } from "../lib/problem-at.ts";

export const RULE = "structure";

const START = { line: 1, column: 1 };
const KNOWN_TOP = [...KIND_FILES.keys(), CHECKLIST_FILE, ...KIND_FOLDERS.keys()];

/** What a client folder may hold: `client.md`, the kind folders, and `.md` records with safe names inside them. */
export function checkStructure(client: LoadedClient): Problem[] {
  const problems: Problem[] = [];
  const add = (file: string, message: string) => problems.push(problemAt(file, START, RULE, message));

  const badSlug = notAName(client.slug);
  if (badSlug) add(client.dir, `client folder name \`${printable(client.slug)}\` ${badSlug}, for example \`harbor-finch\``);
  if (!client.entries.some((entry) => entry.path === `${client.dir}/${CLIENT_FILE}` && entry.type === "file")) {
    add(client.dir, `missing \`${CLIENT_FILE}\`: every client folder starts with its client case (\`handover new\` scaffolds one)`);
  }
  for (const entry of client.entries) {
    const inner = entry.path.slice(client.dir.length + 1);
    const parts = inner.split("/");
    const name = parts[parts.length - 1] as string;
    if (entry.type === "symlink") {
      add(entry.path, "symbolic links are refused in client folders; replace the link with the file itself");
    } else if (entry.type === "other") {
      add(entry.path, "only files and folders may be in a client folder");
    } else if (parts.length === 1) {
      const expected = entry.type === "file" ? KIND_FILES.has(name) || name === CHECKLIST_FILE : KIND_FOLDERS.has(name);
      if (!expected) {
        const suggestion = didYouMean(name, KNOWN_TOP);
        const hint = suggestion ? ` — did you mean \`${suggestion}\`?` : `; a client folder holds ${KNOWN_TOP.map((known) => `\`${known}\``).join(", ")}`;
        add(entry.path, `unknown ${entry.type} \`${printable(name)}\`${hint}`);
      }
    } else if (entry.type === "directory") {
      add(entry.path, `folders are not allowed inside \`${parts[0]}/\`; keep its records directly in it`);
    } else if (!name.endsWith(".md")) {
      add(entry.path, `only Markdown records (\`.md\`) belong in \`${parts[0]}/\``);
    } else if (notAName(name.slice(0, -3))) {
      add(entry.path, `record file name \`${printable(name)}\`: its name before \`.md\` ${notAName(name.slice(0, -3))}, for example \`fw-01.md\``);
    }
  }
  return problems;
}
