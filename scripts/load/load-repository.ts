import { lstatSync } from "node:fs";
import { join, resolve } from "node:path";
import { didYouMean } from "../lib/suggest.ts";
import type { Problem } from "../lib/problems.ts";
import { UsageError } from "../lib/usage-error.ts";
import { printable } from "../lib/printable.ts";
import { problemAt } from "../lib/problem-at.ts";
import { CLIENTS_DIR, entryType, listDir } from "./load-client.ts";

export interface ClientList {
  root: string;
  /** Client folders found, sorted. */
  slugs: string[];
  /** Things in `clients/` that are not client folders. */
  problems: Problem[];
}

/** `<root>/clients/`, refused when it is missing, a symbolic link (never followed) or not a folder. */
export function clientsFolder(root: string): string {
  const clientsDir = join(root, CLIENTS_DIR);
  const stat = lstatSync(clientsDir, { throwIfNoEntry: false });
  if (!stat) throw new UsageError(`no \`${CLIENTS_DIR}/\` folder in ${root}; run the command in your handover repository or pass --root <dir>`);
  if (stat.isSymbolicLink()) throw new UsageError(`\`${CLIENTS_DIR}/\` in ${root} is a symbolic link; it must be a real folder`);
  if (!stat.isDirectory()) throw new UsageError(`\`${CLIENTS_DIR}/\` in ${root} is not a folder; it must be the folder that holds one folder per client`);
  return clientsDir;
}

/** Lists the client folders under `<root>/clients/` without following symlinks. */
export function listClients(rootOption: string): ClientList {
  const root = resolve(rootOption);
  const clientsDir = clientsFolder(root);
  const slugs: string[] = [];
  const problems: Problem[] = [];
  for (const dirent of listDir(clientsDir)) {
    const path = `${CLIENTS_DIR}/${dirent.name}`;
    const type = entryType(dirent);
    if (type === "directory") slugs.push(dirent.name);
    else if (type === "symlink") problems.push(problemAt(path, { line: 1, column: 1 }, "structure", "symbolic links are refused in `clients/`; move the client folder itself here"));
    else problems.push(problemAt(path, { line: 1, column: 1 }, "structure", `\`${printable(dirent.name)}\` is not a client folder; \`clients/\` holds one folder per client`));
  }
  return { root, slugs, problems };
}

/** The requested clients, or all of them; an unknown slug is a usage error with a suggestion. */
export function selectClients(list: ClientList, requested: readonly string[]): string[] {
  if (requested.length === 0) return list.slugs;
  for (const slug of requested) {
    if (!list.slugs.includes(slug)) {
      const suggestion = didYouMean(slug, list.slugs);
      throw new UsageError(`no client \`${printable(slug)}\` in ${CLIENTS_DIR}/${suggestion ? ` — did you mean \`${suggestion}\`?` : ""}`);
    }
  }
  return [...new Set(requested)].sort();
}
