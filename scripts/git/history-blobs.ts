import { execFile, spawn } from "node:child_process";
import { promisify } from "node:util";
import { UsageError } from "../lib/usage-error.ts";

const run = promisify(execFile);

/** A file version in the history: its blob, the first commit that has it, and the path it had there. */
export interface HistoryBlob {
  blob: string;
  commit: string;
  path: string;
}

const REGULAR_FILE = /^10(?:0644|0755)$/;

/**
 * Every blob of a regular file reachable from HEAD, once, with the commit that first brings it
 * (parents before children, merges against each parent, so a branch merged in is seen too). Refuses a
 * shallow clone, whose history is not all there.
 */
export async function historyBlobs(root: string): Promise<HistoryBlob[]> {
  const git = (args: string[]) => run("git", args, { cwd: root, maxBuffer: 1 << 30, encoding: "utf8" }).then((result) => result.stdout);
  const inside = await git(["rev-parse", "--is-inside-work-tree"]).catch(() => "");
  if (inside.trim() !== "true") throw new UsageError(`handover scan-history needs a git repository, and ${root} is not in one`);
  if ((await git(["rev-parse", "--is-shallow-repository"])).trim() === "true") {
    throw new UsageError("this clone is shallow, so the history would be incomplete; fetch the full history (in GitHub Actions: `fetch-depth: 0` on actions/checkout)");
  }
  if ((await git(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]).catch(() => "")).trim() === "") return [];
  const log = await git(["log", "--topo-order", "--reverse", "--format=%x1e%H", "--raw", "--no-abbrev", "--no-renames", "-z", "-m", "HEAD"]);
  const seen = new Map<string, HistoryBlob>();
  for (const entry of log.split("\x1e").slice(1)) {
    const [commit = "", ...fields] = entry.split("\0");
    for (let index = 0; index + 1 < fields.length; index += 2) {
      const [, mode = "", , blob = "", status = ""] = (fields[index] as string).trim().slice(1).split(" ");
      if (status === "D" || !REGULAR_FILE.test(mode) || seen.has(blob)) continue;
      seen.set(blob, { blob, commit, path: fields[index + 1] as string });
    }
  }
  return [...seen.values()];
}

/** The blobs of HEAD's tree: what a finding still in the current files has. */
export async function headBlobs(root: string): Promise<Set<string>> {
  const { stdout } = await run("git", ["ls-tree", "-r", "-z", "HEAD"], { cwd: root, maxBuffer: 1 << 30, encoding: "utf8" });
  return new Set(stdout.split("\0").filter(Boolean).map((line) => line.split(/\s/)[2] as string));
}

/** Calls `take` with each blob's bytes, in order, from one `git cat-file --batch`; a blob larger than `maxBytes` is passed as undefined. */
export async function readBlobs(root: string, blobs: readonly string[], maxBytes: number, take: (blob: string, content: Buffer | undefined) => void): Promise<void> {
  if (blobs.length === 0) return;
  const child = spawn("git", ["cat-file", "--batch"], { cwd: root, stdio: ["pipe", "pipe", "ignore"] });
  const done = new Promise<void>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`git cat-file exited with ${code}`))));
  });
  child.stdin.end(`${blobs.join("\n")}\n`);
  let pending: Buffer = Buffer.alloc(0);
  let next = 0;
  for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    for (;;) {
      const headerEnd = pending.indexOf(10);
      if (headerEnd === -1) break;
      const size = Number(pending.subarray(0, headerEnd).toString("latin1").split(" ")[2]);
      if (pending.length < headerEnd + 1 + size + 1) break;
      const content = pending.subarray(headerEnd + 1, headerEnd + 1 + size);
      take(blobs[next++] as string, size > maxBytes ? undefined : Buffer.from(content));
      pending = pending.subarray(headerEnd + 1 + size + 1);
    }
  }
  await done;
}
