import { simpleGit } from "simple-git";

export interface SourceInfo {
  /** The commit the records come from, or null outside a git repository. */
  commit: string | null;
  /** The commit's date, YYYY-MM-DD: the pack's build date, so the same commit builds the same pack. */
  date: string | null;
  /** Uncommitted changes in the repository. */
  dirty: boolean;
}

export async function sourceInfo(root: string): Promise<SourceInfo> {
  const git = simpleGit({ baseDir: root });
  if (!(await git.checkIsRepo().catch(() => false))) return { commit: null, date: null, dirty: false };
  const commit = (await git.revparse(["HEAD"]).catch(() => "")).trim();
  if (!commit) return { commit: null, date: null, dirty: false };
  const date = (await git.show(["-s", "--format=%cI", commit])).trim().slice(0, 10);
  const dirty = !(await git.status()).isClean();
  return { commit, date, dirty };
}
