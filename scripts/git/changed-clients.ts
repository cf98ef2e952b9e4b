import { simpleGit, type SimpleGit } from "simple-git";
import { UsageError } from "../lib/usage-error.ts";
import { CLIENTS_DIR } from "../load/load-client.ts";

export interface ChangedScope {
  /** True when a shared input changed (schemas, playbook, scripts, site, configuration): every client is in scope. */
  all: boolean;
  /** Clients with a changed file, sorted; deleted clients are left out. */
  slugs: string[];
  base: string;
  /** The changed paths that put every client in scope, for the message. */
  shared: string[];
}

/** Changes that cannot affect any client's result: prose about the toolkit. */
const NOT_SHARED = /^(?:docs\/|[^/]+\.md$|LICENSE|\.gitignore$|\.gitattributes$)/;

/**
 * The clients whose files changed since the merge-base of HEAD with `base` (default: the
 * repository's default branch), including uncommitted and untracked files. Paths come NUL
 * separated, so spaces, newlines, unicode and leading dashes in file names are taken as they are.
 */
export async function changedScope(root: string, base: string | undefined, existing: readonly string[]): Promise<ChangedScope> {
  const git = simpleGit({ baseDir: root });
  if (!(await git.checkIsRepo().catch(() => false))) throw new UsageError(`--changed needs a git repository, and ${root} is not in one`);

  const target = base ?? (await defaultBranch(git));
  // simple-git reports a failed merge-base as empty output, not always as an error.
  const mergeBase = (await git.raw(["merge-base", target, "HEAD"]).catch(() => "")).trim();
  if (!mergeBase) {
    const shallow = (await git.revparse(["--is-shallow-repository"]).catch(() => "false")).trim() === "true";
    throw new UsageError(
      shallow
        ? `this clone is shallow, so the history shared with \`${target}\` is missing; fetch the full history (in GitHub Actions: \`fetch-depth: 0\` on actions/checkout)`
        : `cannot find where HEAD and \`${target}\` meet; pass an existing branch or commit with --base`,
    );
  }
  // Both relative to the root, which may be a folder inside the repository. A rename is a deletion
  // and an addition, so both the old and the new client are in scope.
  const diff = await git.raw(["diff", "--name-only", "--no-renames", "--relative", "-z", mergeBase, "--", "."]);
  const untracked = await git.raw(["ls-files", "--others", "--exclude-standard", "-z", "--", "."]);
  const paths = [...diff.split("\0"), ...untracked.split("\0")].filter(Boolean);

  const slugs = new Set<string>();
  const shared: string[] = [];
  for (const path of paths) {
    const [top0, slug, ...rest] = path.split("/");
    if (top0 === CLIENTS_DIR && slug && rest.length > 0) slugs.add(slug);
    else if (!NOT_SHARED.test(path)) shared.push(path);
  }
  return { all: shared.length > 0, slugs: [...slugs].filter((slug) => existing.includes(slug)).sort(), base: target, shared: shared.sort() };
}

async function defaultBranch(git: SimpleGit): Promise<string> {
  const remote = await git.raw(["symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"]).catch(() => "");
  if (remote.trim()) return remote.trim();
  for (const candidate of ["origin/main", "origin/master", "main", "master"]) {
    const found = await git.raw(["rev-parse", "--verify", "--quiet", `${candidate}^{commit}`]).catch(() => "");
    if (found.trim()) return candidate;
  }
  throw new UsageError("cannot tell the repository's default branch; pass --base <branch>");
}

/** `--shard i/n`: every n-th client, starting at the i-th, so n shards together cover every client once. */
export function parseShard(value: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) throw new UsageError("--shard must be i/n with 1 ≤ i ≤ n, for example 2/4");
  return { index, count };
}

export function shardOf<T>(items: readonly T[], { index, count }: { index: number; count: number }): T[] {
  return items.filter((_, position) => position % count === index - 1);
}
