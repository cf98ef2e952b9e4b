import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { simpleGit } from "simple-git";
import { UsageError } from "../lib/usage-error.ts";
import { MANIFEST_FILE } from "../pack/write-pack.ts";

export function releaseTag(slug: string, date: string): string {
  return `handover/${slug}/${date}`;
}

/** The SHA-256 of a built pack's manifest: one value that proves every file of the pack. */
export function manifestHash(out: string, slug: string): string {
  return createHash("sha256").update(readFileSync(join(out, slug, MANIFEST_FILE))).digest("hex");
}

export type TagState = { state: "absent" } | { state: "same" } | { state: "different"; commit: string };

/** Whether `tag` exists, and if so whether it already marks this commit and this pack. */
export async function tagState(root: string, tag: string, hash: string): Promise<TagState> {
  const git = simpleGit({ baseDir: root });
  const commit = (await git.raw(["rev-parse", "--verify", "--quiet", `refs/tags/${tag}^{commit}`]).catch(() => "")).trim();
  if (!commit) return { state: "absent" };
  const head = (await git.revparse(["HEAD"])).trim();
  const message = await git.raw(["tag", "-l", "--format=%(contents)", tag]);
  return commit === head && message.includes(hash) ? { state: "same" } : { state: "different", commit };
}

/** Files with uncommitted changes: a release must come from a commit, so its tag proves what was delivered. */
export async function dirtyFiles(root: string): Promise<string[]> {
  const git = simpleGit({ baseDir: root });
  if (!(await git.checkIsRepo().catch(() => false))) throw new UsageError(`handover release needs a git repository, and ${root} is not in one`);
  const status = await git.status();
  return status.files.map((file) => file.path).sort();
}

export async function createReleaseTag(root: string, tag: string, message: string): Promise<void> {
  await simpleGit({ baseDir: root }).raw(["tag", "-a", tag, "-m", message]);
}
