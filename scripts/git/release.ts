import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { simpleGit, type SimpleGit } from "simple-git";
import { UsageError } from "../lib/usage-error.ts";
import { MANIFEST_FILE } from "../pack/write-pack.ts";
import { uncommittedFiles } from "./source-info.ts";

export function releaseTag(slug: string, date: string): string {
  return `handover/${slug}/${date}`;
}

/** An interim pack's tag: never the final release's, which has no suffix. */
export function draftTag(slug: string, date: string, number: number): string {
  return `${releaseTag(slug, date)}-draft.${number}`;
}

/** The SHA-256 of a built pack's manifest: one value that proves every file of the pack. */
export function manifestHash(out: string, slug: string): string {
  return createHash("sha256").update(readFileSync(join(out, slug, MANIFEST_FILE))).digest("hex");
}

async function taggedCommit(git: SimpleGit, tag: string): Promise<string> {
  return (await git.raw(["rev-parse", "--verify", "--quiet", `refs/tags/${tag}^{commit}`]).catch(() => "")).trim();
}

export type TagState = { state: "absent" } | { state: "same" } | { state: "different"; commit: string };

/** Whether `tag` exists, and if so whether it already marks this commit and this pack. */
export async function tagState(root: string, tag: string, hash: string): Promise<TagState> {
  const git = simpleGit({ baseDir: root });
  const commit = await taggedCommit(git, tag);
  if (!commit) return { state: "absent" };
  const head = (await git.revparse(["HEAD"])).trim();
  const message = await git.raw(["tag", "-l", "--format=%(contents)", tag]);
  return commit === head && message.includes(hash) ? { state: "same" } : { state: "different", commit };
}

/**
 * The tag of a draft release of the day: the day's last draft when it already marks this commit,
 * so that the same pack again is a no-op and another one is refused, as for a release; otherwise
 * the next number. Numbers only grow, so no draft tag is ever reused or moved.
 */
export async function draftTagFor(root: string, slug: string, date: string): Promise<string> {
  const git = simpleGit({ baseDir: root });
  const prefix = `${releaseTag(slug, date)}-draft.`;
  const numbers = (await git.raw(["tag", "-l", `${prefix}*`]))
    .split("\n")
    .map((tag) => tag.trim().slice(prefix.length))
    .filter((suffix) => /^[1-9][0-9]{0,8}$/.test(suffix))
    .map(Number);
  const last = Math.max(0, ...numbers);
  if (last > 0 && (await taggedCommit(git, draftTag(slug, date, last))) === (await git.revparse(["HEAD"])).trim()) return draftTag(slug, date, last);
  return draftTag(slug, date, last + 1);
}

/** Files with uncommitted changes: a release must come from a commit, so its tag proves what was delivered. */
export async function dirtyFiles(root: string, out: string): Promise<string[]> {
  const git = simpleGit({ baseDir: root });
  if (!(await git.checkIsRepo().catch(() => false))) throw new UsageError(`handover release needs a git repository, and ${root} is not in one`);
  return uncommittedFiles(root, out);
}

export async function createReleaseTag(root: string, tag: string, message: string): Promise<void> {
  await simpleGit({ baseDir: root }).raw(["tag", "-a", tag, "-m", message]);
}
