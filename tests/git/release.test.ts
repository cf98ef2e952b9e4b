import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { copyExamples, edit, makeRepo, run } from "../helpers/repo.ts";

const IDENTITY = { GIT_AUTHOR_NAME: "Dana Okafor", GIT_AUTHOR_EMAIL: "dana@example.com", GIT_COMMITTER_NAME: "Dana Okafor", GIT_COMMITTER_EMAIL: "dana@example.com" };

function git(repo: string, date: string, ...args: string[]): string {
  const env = { ...process.env, ...IDENTITY, GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z` };
  return execFileSync("git", args, { cwd: repo, env }).toString().trim();
}

function committed(): string {
  const repo = copyExamples();
  git(repo, "2026-10-16", "init", "-q", "-b", "main");
  git(repo, "2026-10-16", "add", "-A");
  git(repo, "2026-10-16", "commit", "-qm", "Record the notice");
  return repo;
}

const SLOW = 120_000;

describe("handover release", () => {
  beforeEach(() => {
    for (const [key, value] of Object.entries(IDENTITY)) vi.stubEnv(key, value);
  });

  it("builds the pack and tags the commit with the manifest's hash; again is a no-op", async () => {
    const repo = committed();
    const out = join(makeRepo({}), "out");
    const first = await run(["release", "lakeside-dental", "--root", repo, "--out", out, "--today", "2026-11-22"]);
    expect(first.code).toBe(0);
    const hash = /manifest SHA-256 ([0-9a-f]{64})/.exec(first.stdout)?.[1];
    expect(hash).toBeDefined();
    expect(git(repo, "2026-11-22", "tag", "-l", "--format=%(objecttype) %(contents:subject)", "handover/lakeside-dental/2026-11-22")).toBe("tag Handover pack for Lakeside Family Dental (lakeside-dental)");
    expect(git(repo, "2026-11-22", "tag", "-l", "--format=%(contents)", "handover/lakeside-dental/2026-11-22")).toContain(`Manifest SHA-256: ${hash}`);
    expect(existsSync(join(out, "lakeside-dental.zip"))).toBe(true);

    const again = await run(["release", "lakeside-dental", "--root", repo, "--out", out, "--today", "2026-11-22"]);
    expect(again).toMatchObject({ code: 0, stdout: expect.stringContaining("already marks this commit and this pack") });
  }, SLOW);

  it("never moves an existing tag", async () => {
    const repo = committed();
    const out = join(makeRepo({}), "out");
    expect((await run(["release", "lakeside-dental", "--root", repo, "--out", out, "--today", "2026-11-22"])).code).toBe(0);
    const tagged = git(repo, "2026-11-22", "rev-parse", "handover/lakeside-dental/2026-11-22^{commit}");
    edit(repo, "clients/lakeside-dental/docs/vendor-contacts.md", /\n---\n/, "\n---\n\nOne more vendor.\n");
    git(repo, "2026-11-22", "commit", "-qam", "vendor");
    const result = await run(["release", "lakeside-dental", "--root", repo, "--out", out, "--today", "2026-11-22"]);
    expect(result).toMatchObject({ code: 1, stderr: expect.stringMatching(/already exists .*never moved/) });
    expect(git(repo, "2026-11-22", "rev-parse", "handover/lakeside-dental/2026-11-22^{commit}")).toBe(tagged);
  }, SLOW);

  it("refuses on a dirty tree", async () => {
    const repo = committed();
    writeFileSync(join(repo, "clients/lakeside-dental/docs/draft.md"), "---\ntitle: Draft\nlastVerified: 2026-11-01\n---\n");
    const result = await run(["release", "lakeside-dental", "--root", repo, "--out", join(repo, "..", "out"), "--today", "2026-11-22"]);
    expect(result).toMatchObject({ code: 1, stderr: expect.stringMatching(/nothing was released: commit or discard these changes first[\s\S]*clients\/lakeside-dental\/docs\/draft\.md/) });
    expect(git(repo, "2026-11-22", "tag", "-l")).toBe("");
  });

  it("refuses when check fails", async () => {
    const repo = committed();
    const result = await run(["release", "harbor-finch", "--root", repo, "--out", join(repo, "..", "out"), "--today", "2026-12-20"]);
    expect(result).toMatchObject({ code: 1, stderr: expect.stringMatching(/error blocking step[\s\S]*nothing was released: `handover check harbor-finch` must pass first/) });
    expect(git(repo, "2026-11-22", "tag", "-l")).toBe("");
  }, SLOW);
});

describe("the acceptance receipt", () => {
  it("is required for a completed handover", async () => {
    const root = copyExamples();
    rmSync(join(root, "clients/lakeside-dental/acceptance.md"));
    const result = await run(["check", "lakeside-dental", "--root", root, "--today", "2026-11-22"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("clients/lakeside-dental/acceptance.md:1:1 error blocking step `pack-accepted` (Handover pack released and accepted by the client) is not done");
  });

  it("names the release tag in the agreed form", async () => {
    const root = copyExamples();
    edit(root, "clients/lakeside-dental/acceptance.md", /^tag: .*$/m, "tag: v1.0");
    expect((await run(["validate", "--root", root])).stdout).toMatch(/acceptance\.md:4:6 error `tag` is not in the expected form\. The release tag/);
  });

  it("never reaches the pack", async () => {
    const root = copyExamples();
    edit(root, "clients/lakeside-dental/acceptance.md", /^document: .*$/m, "document: CANARY-acceptance");
    const out = join(root, "out");
    expect((await run(["build", "lakeside-dental", "--root", root, "--out", out, "--date", "2026-11-22"])).code).toBe(0);
    const files = (readdirSync(join(out, "lakeside-dental"), { recursive: true }) as string[]).map((file) => readFileSync(join(out, "lakeside-dental", file), "utf8"));
    expect(files.length).toBeGreaterThan(10);
    expect(files.filter((text) => text.includes("CANARY-acceptance"))).toEqual([]);
  }, SLOW);
});

describe("handover history", () => {
  it("lists the client's changes since the notice date, as text and JSON", async () => {
    const repo = committed();
    git(repo, "2026-08-01", "commit", "-q", "--allow-empty", "-m", "unrelated");
    edit(repo, "clients/harbor-finch/client.md", "  newsletter: keep\n", "  newsletter: keep\n  psaExpirySetOn: 2026-11-20\n");
    git(repo, "2026-11-20", "commit", "-qam", "PSA expiry set");
    writeFileSync(join(repo, "clients/lakeside-dental/docs/other.md"), "---\ntitle: Other\nlastVerified: 2026-11-01\n---\n");
    git(repo, "2026-11-21", "add", "-A");
    git(repo, "2026-11-21", "commit", "-qm", "other client");

    const text = await run(["history", "harbor-finch", "--root", repo]);
    expect(text.code).toBe(0);
    expect(text.stdout.split("\n").slice(0, 4)).toEqual([
      "Changes to clients/harbor-finch since 2026-10-15: 2 commits",
      "",
      expect.stringMatching(/^2026-11-20  Dana Okafor  [0-9a-f]{12}  PSA expiry set$/),
      "    changed  clients/harbor-finch/client.md",
    ]);
    const json = JSON.parse((await run(["history", "harbor-finch", "--root", repo, "--format", "json", "--since", "2026-11-01"])).stdout);
    expect(json).toMatchObject({ client: "harbor-finch", since: "2026-11-01", changes: [{ subject: "PSA expiry set", author: "Dana Okafor", files: [{ status: "M", path: "clients/harbor-finch/client.md" }] }] });
  });
});
