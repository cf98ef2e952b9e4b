import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, type Dirent } from "node:fs";
import { join } from "node:path";
import { START, type Problem } from "../../lib/problems.ts";
import { printable } from "../../lib/printable.ts";
import type { ExportFiles } from "./export-files.ts";
import { formatBytes, type ExportLimits } from "./export-limits.ts";
import { exportProblem } from "./export-problem.ts";
import { isSystemFile } from "./system-files.ts";

/**
 * An unpacked export. Symlinks are reported and never followed (an export is data, and a link
 * could reach any file of the machine); each file is opened with O_NOFOLLOW and checked to be a
 * regular file of acceptable size before a byte is read.
 */
export function openFolder(root: string, problems: Problem[], limits: ExportLimits): ExportFiles {
  const files = new Map<string, string>();
  let entries = 0;
  const walk = (absolute: string, relative: string, depth: number): boolean => {
    let dirents: Dirent[];
    try {
      dirents = readdirSync(absolute, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch {
      problems.push(exportProblem(relative || ".", START, "this folder cannot be read (permissions?); its files were not imported"));
      return true;
    }
    for (const dirent of dirents) {
      entries += 1;
      if (entries > limits.entries) {
        problems.push(exportProblem(relative || ".", START, `the export holds more than ${limits.entries} files and folders; nothing past them was read. Export one client at a time`));
        return false;
      }
      const path = relative ? `${relative}/${dirent.name}` : dirent.name;
      const shown = printable(path);
      if (dirent.isSymbolicLink()) {
        problems.push(exportProblem(shown, START, "this is a symbolic link; links in an export are not followed, so it was not read", "warning"));
      } else if (dirent.isDirectory()) {
        if (depth >= limits.depth) {
          problems.push(exportProblem(shown, START, `this folder is nested over ${limits.depth} levels deep; it was not read`));
        } else if (!walk(join(absolute, dirent.name), path, depth + 1)) {
          return false;
        }
      } else if (dirent.isFile()) {
        if (!isSystemFile(path)) files.set(path, join(absolute, dirent.name));
      } else {
        problems.push(exportProblem(shown, START, "this is not a regular file (a device, pipe or socket); it was not read", "warning"));
      }
    }
    return true;
  };
  walk(root, "", 0);
  return {
    paths: [...files.keys()],
    read: async (path, maxBytes) => {
      const absolute = files.get(path);
      return absolute === undefined ? exportProblem(path, START, "this file is not in the export") : readRegularFile(absolute, path, maxBytes);
    },
    close: () => undefined,
  };
}

/** A single file given as the export (one ITFlow CSV): an export of one file. */
export function openSingleFile(absolute: string, name: string): ExportFiles {
  return {
    paths: [name],
    read: async (path, maxBytes) => (path === name ? readRegularFile(absolute, path, maxBytes) : exportProblem(path, START, "this file is not in the export")),
    close: () => undefined,
  };
}

/** The bytes of a regular file, refusing symlinks swapped in since the listing and files over `maxBytes`. */
function readRegularFile(absolute: string, path: string, maxBytes: number): Buffer | Problem {
  let fd: number;
  try {
    fd = openSync(absolute, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch {
    return exportProblem(path, START, "this file cannot be opened (a symbolic link, or no permission to read it); it was not read");
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return exportProblem(path, START, "this is not a regular file; it was not read");
    if (stat.size > maxBytes)
      return exportProblem(path, START, `this file is ${formatBytes(stat.size)}, over the ${formatBytes(maxBytes)} limit for it; it was not read. Export fewer records at a time`);
    const bytes = Buffer.allocUnsafe(stat.size);
    let length = 0;
    while (length < stat.size) {
      const read = readSync(fd, bytes, length, stat.size - length, null);
      if (read === 0) break;
      length += read;
    }
    return bytes.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}
