import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { zipSync, type Zippable } from "fflate";
import { afterAll } from "vitest";

const made: string[] = [];

afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A throwaway folder holding exactly these files (paths `/`-separated); removed when the test file ends. */
export function exportFolder(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), "handover-export-"));
  made.push(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** A `.zip` of these entries, written to a throwaway folder; entries given as [data, attributes] keep those (a symlink's mode). */
export function exportZip(entries: Zippable, name = "export.zip"): string {
  const dir = exportFolder({});
  const path = join(dir, name);
  writeFileSync(path, zipSync(entries, { level: 6 }));
  return path;
}

export const FIXTURES = fileURLToPath(new URL("../fixtures/import/", import.meta.url));

/** Every file of a fixture folder, by `/`-separated path, as bytes. */
export function fixtureFiles(source: string): Record<string, Uint8Array> {
  const root = join(FIXTURES, source);
  const files: Record<string, Uint8Array> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(root, path).split("\\").join("/")] = readFileSync(path);
    }
  };
  walk(root);
  return files;
}

/** Which of these values appear anywhere in the JSON of `data`: it must be none of the secrets. */
export function leaked(data: unknown, secrets: readonly string[]): string[] {
  const text = JSON.stringify(data);
  return secrets.filter((secret) => text.includes(secret) || text.includes(JSON.stringify(secret).slice(1, -1)));
}
