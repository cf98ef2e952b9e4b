import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

/** Writes through a temporary file and a rename, so a reader never sees half a file. */
export function writeAtomic(target: string | URL, content: string | Uint8Array): void {
  const path = target instanceof URL ? fileURLToPath(target) : target;
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, content, { flag: "wx" });
    renameSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
  }
}
