import { closeSync, openSync, readSync, statSync } from "node:fs";
import { basename } from "node:path";
import { START, type Problem } from "../../lib/problems.ts";
import { EXPORT_LIMITS, type ExportLimits } from "./export-limits.ts";
import { exportProblem } from "./export-problem.ts";
import { openFolder, openSingleFile } from "./folder-files.ts";
import { openZip } from "./zip-files.ts";

/**
 * An export as the readers see it, whether a folder, a `.zip` or one file: its regular files by
 * `/`-separated path relative to the export, and a way to read each within a size limit. What
 * cannot be listed safely (symlinks, paths leaving the export) was reported while opening.
 */
export interface ExportFiles {
  /** Regular files, sorted by code unit so every run reads them in the same order. */
  readonly paths: readonly string[];
  /** The file's bytes, or a problem when it is over `maxBytes` or cannot be read. */
  read(path: string, maxBytes: number): Promise<Buffer | Problem>;
  close(): void;
}

/**
 * Opens the export at `path`, a folder, a ZIP (by its signature, whatever its name) or a single
 * file. Problems with the export as a whole are filed under its own base name.
 */
export async function openExport(path: string, problems: Problem[], limits: ExportLimits = EXPORT_LIMITS): Promise<ExportFiles | undefined> {
  const name = basename(path);
  let stat;
  try {
    stat = statSync(path);
  } catch {
    problems.push(exportProblem(name, START, `there is no file or folder at ${path}; give the export's folder or .zip`));
    return undefined;
  }
  if (stat.isDirectory()) return openFolder(path, problems, limits);
  if (!stat.isFile()) {
    problems.push(exportProblem(name, START, "this is not a file or a folder; give the export's folder or .zip"));
    return undefined;
  }
  return isZip(path) ? openZip(path, name, problems, limits) : openSingleFile(path, name);
}

function isZip(path: string): boolean {
  const fd = openSync(path, "r");
  try {
    const head = Buffer.alloc(4);
    const read = readSync(fd, head, 0, 4, 0);
    // PK\x03\x04 starts a ZIP with entries, PK\x05\x06 an empty one.
    return read === 4 && head[0] === 0x50 && head[1] === 0x4b && ((head[2] === 3 && head[3] === 4) || (head[2] === 5 && head[3] === 6));
  } finally {
    closeSync(fd);
  }
}
