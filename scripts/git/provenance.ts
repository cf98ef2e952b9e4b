import { simpleGit } from "simple-git";
import { UsageError } from "../lib/usage-error.ts";

/** The last commit that changed a file. */
export interface Change {
  date: string;
  author: string;
  commit: string;
}

export interface Provenance {
  /** Last change of each committed file, by path relative to the data root. */
  changes: Map<string, Change>;
  /** Paths with uncommitted changes: their last change is "now", not a commit. */
  uncommitted: Set<string>;
  /** The repository's release tags, `handover/<slug>/…`, drafts included. */
  releaseTags: Set<string>;
}

/** When a file last changed: `now` if it has uncommitted changes, else its last commit's date; undefined outside git. */
export function changedOn(history: Provenance | undefined, path: string, now: string): string | undefined {
  return history?.uncommitted.has(path) ? now : history?.changes.get(path)?.date;
}

/**
 * When each file under `clients/` last changed, from one `git log` walk (newest first, so the
 * first commit naming a path is its last change). Undefined outside git. A shallow clone would
 * give wrong dates, so it is refused with the fix.
 */
export async function provenance(root: string): Promise<Provenance | undefined> {
  const git = simpleGit({ baseDir: root });
  if (!(await git.checkIsRepo().catch(() => false))) return undefined;
  if ((await git.revparse(["--is-shallow-repository"]).catch(() => "false")).trim() === "true") {
    throw new UsageError("this clone is shallow, so the dates of records would be wrong; fetch the full history (in GitHub Actions: `fetch-depth: 0` on actions/checkout)");
  }
  const hasCommit = (await git.raw(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]).catch(() => "")).trim() !== "";
  const changes = new Map<string, Change>();
  if (hasCommit) {
    // A record separator before each commit; fields split by US; file names NUL-terminated.
    const log = await git.raw(["log", "--relative", "--no-renames", "-z", "--name-only", "--format=%x1e%H%x1f%cI%x1f%an", "--", "clients"]);
    for (const entry of log.split("\x1e").slice(1)) {
      const [header = "", ...files] = entry.split("\0");
      const [commit = "", date = "", author = ""] = header.split("\x1f");
      for (const path of files.map((file) => file.replace(/^\n/, "")).filter(Boolean)) {
        if (!changes.has(path)) changes.set(path, { commit, date: date.slice(0, 10), author });
      }
    }
  }
  const status = await git.raw(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--", "clients"]);
  const uncommitted = new Set(
    status
      .split("\0")
      .filter((line) => line.length > 3)
      .map((line) => line.slice(3)),
  );
  const releaseTags = new Set((await git.raw(["tag", "--list", "handover/*"])).split("\n").filter(Boolean));
  return { changes, uncommitted, releaseTags };
}
