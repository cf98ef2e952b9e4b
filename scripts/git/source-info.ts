import { existsSync, realpathSync } from "node:fs";
import { relative, sep } from "node:path";
import { simpleGit } from "simple-git";

export interface SourceInfo {
  /** The commit the records come from, or null outside a git repository. */
  commit: string | null;
  /** The commit's date, YYYY-MM-DD: the pack's build date, so the same commit builds the same pack. */
  date: string | null;
  /** Uncommitted changes in the repository. */
  dirty: boolean;
}

/**
 * Files with uncommitted changes, relative to the top of the repository (which `root` must be in).
 * The folder packs are written to is left out when it is inside the repository: what was built is
 * no change to the records, and would otherwise mark the next pack as uncommitted.
 */
export async function uncommittedFiles(root: string, out?: string): Promise<string[]> {
  const git = simpleGit({ baseDir: root });
  const status = await git.status();
  const top = (await git.revparse(["--show-toplevel"])).trim();
  const packs = out && existsSync(out) ? relative(top, realpathSync(out)).split(sep).join("/") : "..";
  const inside = packs !== "" && packs !== ".." && !packs.startsWith("../");
  return status.files.map((file) => file.path).filter((path) => !(inside && (path === packs || path.startsWith(`${packs}/`)))).sort();
}

/** Where the records come from; `out` is the folder packs are written to. */
export async function sourceInfo(root: string, out?: string): Promise<SourceInfo> {
  const git = simpleGit({ baseDir: root });
  if (!(await git.checkIsRepo().catch(() => false))) return { commit: null, date: null, dirty: false };
  const commit = (await git.revparse(["HEAD"]).catch(() => "")).trim();
  if (!commit) return { commit: null, date: null, dirty: false };
  const date = (await git.show(["-s", "--format=%cI", commit])).trim().slice(0, 10);
  const dirty = (await uncommittedFiles(root, out)).length > 0;
  return { commit, date, dirty };
}
