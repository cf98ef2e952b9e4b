import { simpleGit } from "simple-git";
import { UsageError } from "../lib/usage-error.ts";

export interface HistoryEntry {
  commit: string;
  date: string;
  author: string;
  subject: string;
  files: { status: string; path: string }[];
}

/** Every commit that touched the client's folder since `since` (all when undefined), newest first. */
export async function clientHistory(root: string, slug: string, since: string | undefined): Promise<HistoryEntry[]> {
  const git = simpleGit({ baseDir: root });
  if (!(await git.checkIsRepo().catch(() => false))) throw new UsageError(`handover history needs a git repository, and ${root} is not in one`);
  if ((await git.revparse(["--is-shallow-repository"]).catch(() => "false")).trim() === "true") {
    throw new UsageError("this clone is shallow, so the history would be incomplete; fetch the full history (in GitHub Actions: `fetch-depth: 0` on actions/checkout)");
  }
  const hasCommit = (await git.raw(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]).catch(() => "")).trim() !== "";
  if (!hasCommit) return [];
  // Filtered here rather than with `--since`, which stops at the first older commit it meets and
  // so misses later work on top of a commit with an old date.
  const log = await git.raw(["log", "--relative", "--no-renames", "-z", "--name-status", "--format=%x1e%H%x1f%cI%x1f%an%x1f%s", "--", `clients/${slug}`]);
  return log
    .split("\x1e")
    .slice(1)
    .map((entry) => {
      const [header = "", ...rest] = entry.split("\0");
      const [commit = "", date = "", author = "", subject = ""] = header.split("\x1f");
      const fields = rest.map((field) => field.replace(/^\n/, "")).filter(Boolean);
      const files: HistoryEntry["files"] = [];
      for (let index = 0; index + 1 < fields.length; index += 2) files.push({ status: fields[index] as string, path: fields[index + 1] as string });
      return { commit, date, author, subject, files };
    })
    .filter((entry) => since === undefined || entry.date.slice(0, 10) >= since);
}
