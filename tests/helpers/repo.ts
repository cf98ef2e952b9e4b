import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll } from "vitest";
import { main } from "../../scripts/cli/main.ts";
import type { Io } from "../../scripts/cli/io.ts";
import { loadClient } from "../../scripts/load/load-client.ts";
import { validateClient } from "../../scripts/rules/index.ts";

const roots: string[] = [];

// Removed when the test file ends, so repositories made in beforeAll outlive each test.
afterAll(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A throwaway data repository holding exactly these files; removed after the test. */
export function makeRepo(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), "handover-test-"));
  roots.push(root);
  mkdirSync(join(root, "clients"), { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

export const CLIENT_MD = `---
name: Test Client
status: active
accountLead:
  name: Dana Lead
---
Body.
`;

/** A record file: frontmatter from `fields` (YAML text), then `body`. */
export function record(fields: string, body = ""): string {
  return `---\n${fields.trim()}\n---\n${body}`;
}

/** Loads and validates one client of a fresh repository built from `files` (paths inside `clients/t/`). */
export async function validateFiles(files: Record<string, string | Uint8Array>, { withClient = true } = {}) {
  const prefixed = Object.fromEntries(Object.entries(files).map(([path, content]) => [`clients/t/${path}`, content]));
  const root = makeRepo(withClient && !("client.md" in files) ? { "clients/t/client.md": CLIENT_MD, ...prefixed } : prefixed);
  const loaded = loadClient(root, "t");
  return { root, loaded, ...(await validateClient(loaded)) };
}

export function rulesOf(problems: readonly { rule: string }[]): string[] {
  return problems.map((problem) => problem.rule);
}

/** Runs the CLI in-process and captures what a tech would see. */
export async function run(args: string[], cwd = process.cwd(), env: Record<string, string | undefined> = {}) {
  let stdout = "";
  let stderr = "";
  const io: Io = { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), cwd, env };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

const EXAMPLES = fileURLToPath(new URL("../../clients/", import.meta.url));

/** A throwaway copy of the shipped example clients, to change one fact at a time. */
export function copyExamples(): string {
  const root = makeRepo({});
  cpSync(EXAMPLES, join(root, "clients"), { recursive: true });
  return root;
}

/** Replaces text in a file of a test repository; fails loudly when the text is not there. */
export function edit(root: string, path: string, from: string | RegExp, to: string): void {
  const file = join(root, path);
  const before = readFileSync(file, "utf8");
  const after = before.replace(from, to);
  if (after === before) throw new Error(`${path} does not contain ${String(from)}`);
  writeFileSync(file, after);
}
