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
    edit(repo, "clients/lakeside-dental/contracts/managed-services.md", /^endDate: .*$/m, "endDate: 2001-01-01");
    git(repo, "2026-11-22", "commit", "-qam", "wrong end date");
    const result = await run(["release", "lakeside-dental", "--root", repo, "--out", join(repo, "..", "out"), "--today", "2026-11-22"]);
    expect(result).toMatchObject({ code: 1, stderr: expect.stringMatching(/error the contract ends on 2001-01-01[\s\S]*nothing was released: `handover check lakeside-dental` must pass first/) });
    expect(git(repo, "2026-11-22", "tag", "-l")).toBe("");
  });

  // Harbor & Finch is mid-offboarding: services stop on 2026-12-15 with most blocking steps open.
  it.each([
    ["before services stop, when check only warns", "2026-11-22", "warning"],
    ["after services stop", "2026-12-20", "error"],
  ])("refuses while a blocking step is open, %s, naming each step's record and field", async (_, today, severity) => {
    const repo = committed();
    const checked = JSON.parse((await run(["check", "harbor-finch", "--root", repo, "--today", today, "--format", "json"])).stdout) as { problems: { rule: string; severity: string; file: string; line: number; column: number; message: string }[] };
    const open = checked.problems.filter((problem) => problem.rule === "readiness" && problem.message.startsWith("blocking step") && !problem.message.includes("`pack-accepted`"));
    expect(open.length).toBeGreaterThan(20);
    expect(new Set(open.map((problem) => problem.severity))).toEqual(new Set([severity]));

    const result = await run(["release", "harbor-finch", "--root", repo, "--out", join(repo, "..", "out"), "--today", today]);
    expect(result.code).toBe(1);
    const refused = result.stderr.split("\n").filter((line) => line.includes("(readiness)"));
    expect(refused).toEqual(open.map((problem) => expect.stringMatching(new RegExp(`^${problem.file}:${problem.line}:${problem.column} error blocking step \`${problem.message.split("`")[1]}\` \\(.*\\) is not done and a release must be complete: record .+ \\(readiness\\)$`))));
    expect(result.stderr).toContain("clients/harbor-finch/client.md");
    expect(result.stderr).not.toContain("pack-accepted");
    expect(result.stderr).toMatch(/nothing was released: a release is the complete handover, .*`handover release harbor-finch --draft`/);
    expect(git(repo, today, "tag", "-l")).toBe("");
    expect(existsSync(join(repo, "..", "out", "harbor-finch"))).toBe(false);
  });
});

describe("a refused release", () => {
  it("offers --draft only when open steps are all that stop it", async () => {
    const repo = committed();
    edit(repo, "clients/harbor-finch/contracts/antivirus.md", /^endDate: .*$/m, "endDate: 2001-01-01");
    git(repo, "2026-11-22", "commit", "-qam", "wrong end date");
    const result = await run(["release", "harbor-finch", "--root", repo, "--out", join(repo, "..", "out"), "--today", "2026-11-22"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("error blocking step");
    expect(result.stderr).toMatch(/error the contract ends on 2001-01-01[\s\S]*nothing was released: `handover check harbor-finch` must pass first\.\n$/);
    expect(result.stderr).not.toContain("--draft");
  });
});

/** Lakeside Dental with every blocking step done but the acceptance, which needs the release first. */
function awaitingAcceptance(): string {
  const repo = copyExamples();
  rmSync(join(repo, "clients/lakeside-dental/acceptance.md"));
  edit(repo, "clients/lakeside-dental/client.md", /^status: handed-over$/m, "status: offboarding");
  git(repo, "2026-10-16", "init", "-q", "-b", "main");
  git(repo, "2026-10-16", "add", "-A");
  git(repo, "2026-10-16", "commit", "-qm", "Lakeside: all done but the acceptance");
  return repo;
}

const pagesOf = (folder: string) => (readdirSync(folder, { recursive: true }) as string[]).filter((file) => file.endsWith(".html")).map((file) => readFileSync(join(folder, file), "utf8"));

describe("a release is the complete handover", () => {
  beforeEach(() => {
    for (const [key, value] of Object.entries(IDENTITY)) vi.stubEnv(key, value);
  });

  it("goes ahead when only steps after the release are open, even after services stop, into handover-packs/ by default", async () => {
    const repo = awaitingAcceptance();
    const check = await run(["check", "lakeside-dental", "--root", repo, "--today", "2026-11-22"]);
    expect(check).toMatchObject({ code: 1, stdout: expect.stringContaining("error blocking step `pack-accepted`") });

    const released = await run(["release", "lakeside-dental", "--root", repo, "--today", "2026-11-22"]);
    expect(released).toMatchObject({ code: 0, stdout: expect.stringContaining(`released lakeside-dental as handover/lakeside-dental/2026-11-22`) });
    expect(released.stdout).toContain(`the pack is in ${join(repo, "handover-packs")}/lakeside-dental`);
    expect(existsSync(join(repo, "handover-packs", "lakeside-dental.zip"))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(repo, "handover-packs", "lakeside-dental", "manifest.json"), "utf8"));
    expect(manifest).toMatchObject({ client: "lakeside-dental", draft: null });
    expect(pagesOf(join(repo, "handover-packs", "lakeside-dental")).filter((page) => page.includes("<strong>Draft.</strong>"))).toEqual([]);

    // The packs folder is not part of what a release proves: it does not make the tree dirty.
    const again = await run(["release", "lakeside-dental", "--root", repo, "--today", "2026-11-22"]);
    expect(again).toMatchObject({ code: 0, stdout: expect.stringContaining("already marks this commit and this pack") });
    writeFileSync(join(repo, "clients/lakeside-dental/acceptance.md"), "---\nacceptedBy: Dr. Helen Park, Owner\nacceptedOn: 2026-11-22\ntag: handover/lakeside-dental/2026-11-22\n---\n");
    expect((await run(["check", "lakeside-dental", "--root", repo, "--today", "2026-11-22"])).code).toBe(0);
  }, SLOW);

  it("waits for the client's signature on a serious risk, which validate only warns about so that the pack holding the form builds", async () => {
    const repo = awaitingAcceptance();
    edit(repo, "clients/lakeside-dental/issues/shared-operatory-logins.md", /^acknowledgement:\n(  .*\n)+/m, "");
    git(repo, "2026-11-22", "commit", "-qam", "acknowledgement not signed yet");
    const validate = await run(["validate", "lakeside-dental", "--root", repo]);
    expect(validate).toMatchObject({ code: 0, stdout: expect.stringContaining("warning a high risk that stays with the client needs their signed acknowledgement") });
    const released = await run(["release", "lakeside-dental", "--root", repo, "--out", join(makeRepo({}), "out"), "--today", "2026-11-22"]);
    expect(released.code).toBe(1);
    expect(released.stderr).toMatch(/shared-operatory-logins\.md:\d+:\d+ error blocking step `risk-acknowledged:shared-operatory-logins`/);
  }, SLOW);

  it("releases an interim pack on purpose with --draft, numbered, marked on every page, apart from the final release", async () => {
    const repo = awaitingAcceptance();
    const out = join(makeRepo({}), "out");
    const release = (...extra: string[]) => run(["release", "lakeside-dental", "--root", repo, "--out", out, "--today", "2026-11-22", ...extra]);
    const first = await release("--draft");
    expect(first).toMatchObject({ code: 0, stdout: expect.stringContaining("released lakeside-dental as handover/lakeside-dental/2026-11-22-draft.1 ") });
    const pages = pagesOf(join(out, "lakeside-dental"));
    expect(pages.length).toBeGreaterThan(10);
    expect(pages.filter((page) => !page.includes("<strong>Draft.</strong> This is an interim pack, released as <code>handover/lakeside-dental/2026-11-22-draft.1</code>"))).toEqual([]);
    expect(JSON.parse(readFileSync(join(out, "lakeside-dental", "manifest.json"), "utf8")).draft).toBe("handover/lakeside-dental/2026-11-22-draft.1");
    expect(git(repo, "2026-11-22", "tag", "-l", "--format=%(contents:subject)", "handover/lakeside-dental/2026-11-22-draft.1")).toBe("Draft handover pack for Lakeside Family Dental (lakeside-dental)");

    expect(await release("--draft")).toMatchObject({ code: 0, stdout: expect.stringContaining("handover/lakeside-dental/2026-11-22-draft.1 already marks this commit and this pack") });
    edit(repo, "clients/lakeside-dental/docs/vendor-contacts.md", /\n---\n/, "\n---\n\nOne more vendor.\n");
    git(repo, "2026-11-22", "commit", "-qam", "vendor");
    expect(await release("--draft")).toMatchObject({ code: 0, stdout: expect.stringContaining("as handover/lakeside-dental/2026-11-22-draft.2 ") });
    const drafted = git(repo, "2026-11-22", "rev-parse", "handover/lakeside-dental/2026-11-22-draft.1^{commit}");

    const final = await release();
    expect(final).toMatchObject({ code: 0, stdout: expect.stringContaining("released lakeside-dental as handover/lakeside-dental/2026-11-22 ") });
    expect(pagesOf(join(out, "lakeside-dental")).filter((page) => page.includes("Draft."))).toEqual([]);
    expect(git(repo, "2026-11-22", "tag", "-l").split("\n")).toEqual(["handover/lakeside-dental/2026-11-22", "handover/lakeside-dental/2026-11-22-draft.1", "handover/lakeside-dental/2026-11-22-draft.2"]);
    expect(git(repo, "2026-11-22", "rev-parse", "handover/lakeside-dental/2026-11-22-draft.1^{commit}")).toBe(drafted);
  }, SLOW * 2);

  it("lets a draft go ahead with blocking steps open, but not past other errors", async () => {
    const repo = committed();
    const out = join(makeRepo({}), "out");
    edit(repo, "clients/harbor-finch/client.md", /^status: offboarding$/m, "status: offboardin");
    git(repo, "2026-11-22", "commit", "-qam", "typo");
    const result = await run(["release", "harbor-finch", "--root", repo, "--out", out, "--today", "2026-11-22", "--draft"]);
    expect(result).toMatchObject({ code: 1, stderr: expect.stringMatching(/error `status` must be one of[\s\S]*nothing was released: `handover check harbor-finch` must pass first/) });
    expect(result.stderr).not.toContain("(readiness)");
    expect(git(repo, "2026-11-22", "tag", "-l")).toBe("");
  });
});

describe("handover build", () => {
  it("writes to handover-packs/ in the root by default, which .gitignore names", async () => {
    const root = copyExamples();
    const result = await run(["build", "lakeside-dental", "--root", root, "--date", "2026-11-22"]);
    expect(result).toMatchObject({ code: 0, stdout: expect.stringContaining(`the packs are in ${join(root, "handover-packs")}\n`) });
    expect(existsSync(join(root, "handover-packs", "lakeside-dental", "index.html"))).toBe(true);
    expect(readFileSync(new URL("../../.gitignore", import.meta.url), "utf8").split("\n")).toContain("/handover-packs/");
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
