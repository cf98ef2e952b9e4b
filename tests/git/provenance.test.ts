import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { provenance } from "../../scripts/git/provenance.ts";
import { copyExamples, edit, makeRepo, run } from "../helpers/repo.ts";

function git(repo: string, date: string, ...args: string[]): string {
  const env = { ...process.env, GIT_AUTHOR_NAME: "Dana Okafor", GIT_AUTHOR_EMAIL: "dana@example.com", GIT_COMMITTER_NAME: "Dana Okafor", GIT_COMMITTER_EMAIL: "dana@example.com", GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z` };
  return execFileSync("git", args, { cwd: repo, env }).toString();
}

/** The examples committed on 2026-09-01, then one lakeside page changed on 2026-09-20. */
function history(): string {
  const repo = copyExamples();
  git(repo, "2026-09-01", "init", "-q", "-b", "main");
  git(repo, "2026-09-01", "add", "-A");
  git(repo, "2026-09-01", "commit", "-qm", "records");
  edit(repo, "clients/lakeside-dental/docs/vendor-contacts.md", /\n---\n/, "\n---\n\nUpdated vendor list.\n");
  git(repo, "2026-09-20", "commit", "-qam", "vendors");
  return repo;
}

describe("provenance", () => {
  it("knows each record's last change, its author and commit, and what is uncommitted", async () => {
    const repo = history();
    edit(repo, "clients/harbor-finch/docs/network-overview.md", /\n---\n/, "\n---\n\nDraft.\n");
    const known = await provenance(repo);
    expect(known?.changes.get("clients/lakeside-dental/docs/vendor-contacts.md")).toEqual({ date: "2026-09-20", author: "Dana Okafor", commit: git(repo, "2026-09-20", "rev-parse", "HEAD").trim() });
    expect(known?.changes.get("clients/lakeside-dental/client.md")?.date).toBe("2026-09-01");
    expect([...(known?.uncommitted ?? [])]).toEqual(["clients/harbor-finch/docs/network-overview.md"]);
  });

  it("is unknown outside git", async () => {
    expect(await provenance(makeRepo({}))).toBeUndefined();
  });

  it("refuses a shallow clone and says how to fix it", async () => {
    const repo = history();
    const shallow = join(makeRepo({}), "shallow");
    execFileSync("git", ["clone", "-q", "--depth", "1", `file://${repo}`, shallow]);
    for (const args of [["check"], ["build", "--out", join(shallow, "..", "out")]]) {
      const result = await run([...args, "--root", shallow, "--today", "2026-11-22"]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/this clone is shallow.*fetch-depth: 0/);
    }
  });

  it("shows each page's last update in the pack, from git", async () => {
    const repo = history();
    const out = join(makeRepo({}), "out");
    expect((await run(["build", "lakeside-dental", "--root", repo, "--out", out])).code).toBe(0);
    expect(readFileSync(join(out, "lakeside-dental/doc-vendor-contacts.html"), "utf8")).toContain('This page was last updated on <time datetime="2026-09-20">2026-09-20</time>.');
    expect(readFileSync(join(out, "lakeside-dental/assets.html"), "utf8")).toContain('last updated on <time datetime="2026-09-01">');
  }, 120_000);
});

describe("the freshness rule", () => {
  const check = async (root: string, slug: string, today = "2026-11-22") =>
    (JSON.parse((await run(["check", slug, "--root", root, "--today", today, "--format", "json"])).stdout).problems as { rule: string; severity: string; message: string }[]).filter(
      (problem) => problem.rule === "freshness",
    );

  it("blocks a completed handover whose documentation was stale at the handover", async () => {
    const repo = history();
    edit(repo, "clients/lakeside-dental/docs/network-overview.md", /^lastVerified: .*$/m, "lastVerified: 2026-03-01");
    git(repo, "2026-03-02", "commit", "-qam", "old page");
    expect(await check(repo, "lakeside-dental")).toEqual([
      expect.objectContaining({ severity: "error", message: expect.stringMatching(/^this page was last verified or changed on 2026-03-02, 212 days before at the handover on 2026-09-30; the playbook asks for 90/) }),
    ]);
  });

  it("counts a recent change in git as fresh, even with an old lastVerified", async () => {
    const repo = history();
    edit(repo, "clients/lakeside-dental/docs/vendor-contacts.md", /^lastVerified: .*$/m, "lastVerified: 2025-01-01");
    git(repo, "2026-09-25", "commit", "-qam", "reviewed vendors");
    expect(await check(repo, "lakeside-dental")).toEqual([]);
  });

  it("warns while the handover is still under way", async () => {
    const root = copyExamples();
    edit(root, "clients/harbor-finch/docs/wifi-and-printers.md", /^lastVerified: .*$/m, "lastVerified: 2026-01-10");
    expect(await check(root, "harbor-finch")).toEqual([expect.objectContaining({ severity: "warning", message: expect.stringMatching(/2026-01-10, 316 days before today/) })]);
  });

  it("follows the threshold in the playbook", async () => {
    const root = copyExamples();
    writeFileSync(join(root, "playbook.yml"), readFileSync(join(process.cwd(), "playbook.yml"), "utf8").replace("freshnessDays: 90", "freshnessDays: 3"));
    expect((await check(root, "harbor-finch")).length).toBeGreaterThan(0);
  });
});
