import { copyFileSync, linkSync, lstatSync, mkdirSync, mkdtempSync, renameSync, rmdirSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** A file of the change: its path inside the client folder and its whole new text. */
export interface FileChange {
  path: string;
  text: string;
}

/**
 * Called before each file is written to the staging folder and before each is moved into place:
 * the one place a test can make an import fail half-way, as a full disk or a lost permission would.
 */
export type StepHook = (step: "stage" | "commit", path: string) => void;

/**
 * Writes a client's changed records as one change. Every file is first written in full into a
 * staging folder beside the client folder (same file system, so moving is a rename); nothing in
 * the client folder is touched until all are. A new client's folder is then renamed into place
 * whole; an existing client's files are renamed in one by one, the files they replace kept as
 * hard links, and if any step fails, every file already moved is put back as it was and every
 * folder made is removed. The staging folder never outlives the call.
 */
export function commitChange(clientsDir: string, slug: string, changes: readonly FileChange[], exists: boolean, hook?: StepHook): void {
  if (changes.length === 0) return;
  // `.` keeps it out of the way: no client folder starts with one, and the name says whose it is.
  const staging = mkdtempSync(join(clientsDir, `.${slug}.import-`));
  try {
    const files = join(staging, "files");
    for (const { path, text } of changes) {
      hook?.("stage", path);
      mkdirSync(dirname(join(files, path)), { recursive: true });
      writeFileSync(join(files, path), text, { flag: "wx" });
    }
    const target = join(clientsDir, slug);
    if (!exists) {
      hook?.("commit", ".");
      // Something may have appeared there since the plan: rename would then fail, or replace an empty folder.
      if (lstatSync(target, { throwIfNoEntry: false })) throw new Error(`clients/${slug} appeared while the import ran; nothing was written`);
      renameSync(files, target);
      return;
    }
    moveIntoPlace(files, target, join(staging, "previous"), changes, hook);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

function moveIntoPlace(files: string, target: string, previous: string, changes: readonly FileChange[], hook?: StepHook): void {
  const made: string[] = [];
  const moved: { path: string; replaced: boolean }[] = [];
  try {
    for (const { path } of changes) {
      hook?.("commit", path);
      const destination = join(target, path);
      const folder = dirname(destination);
      if (!lstatSync(folder, { throwIfNoEntry: false })) {
        mkdirSync(folder);
        made.push(folder);
      }
      const replaced = lstatSync(destination, { throwIfNoEntry: false }) !== undefined;
      if (replaced) {
        mkdirSync(dirname(join(previous, path)), { recursive: true });
        keepPrevious(destination, join(previous, path));
      }
      renameSync(join(files, path), destination);
      moved.push({ path, replaced });
    }
  } catch (error) {
    for (const { path, replaced } of moved.reverse()) {
      if (replaced) renameSync(join(previous, path), join(target, path));
      else unlinkSync(join(target, path));
    }
    for (const folder of made.reverse()) rmdirSync(folder);
    throw error;
  }
}

/** The file being replaced, kept to put back: a hard link where the file system has them, else a copy. */
function keepPrevious(file: string, kept: string): void {
  try {
    linkSync(file, kept);
  } catch {
    copyFileSync(file, kept);
  }
}
