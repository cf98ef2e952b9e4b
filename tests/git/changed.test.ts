import { execFileSync } from "node:child_process";
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseShard, shardOf } from "../../scripts/git/changed-clients.ts";
import { copyExamples, makeRepo, record, run } from "../helpers/repo.ts";

const ENV = { ...process.env, GIT_AUTHOR_NAME: "Tech", GIT_AUTHOR_EMAIL: "tech@example.com", GIT_COMMITTER_NAME: "Tech", GIT_COMMITTER_EMAIL: "tech@example.com" };

function git(repo: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd: repo, env: ENV }).toString();
}

/** The example clients committed on `main`, then a `change` branch checked out. */
function repository(): string {
  const repo = copyExamples();
  git(repo, "init", "-q", "-b", "main");
  git(repo, "add", "-A");
  git(repo, "commit", "-qm", "records");
  git(repo, "checkout", "-q", "-b", "change");
  return repo;
}

const scope = async (repo: string, ...extra: string[]) => {
  const result = await run(["validate", "--changed", "--base", "main", "--root", repo, ...extra]);
  return { code: result.code, note: result.stderr.trim(), summary: result.stdout.trim().split("\n").pop() };
};

describe("--changed", () => {
  it("checks only the client whose record changed", async () => {
    const repo = repository();
    writeFileSync(join(repo, "clients/harbor-finch/docs/extra.md"), record("title: Extra\nlastVerified: 2026-11-01"));
    git(repo, "add", "-A");
    git(repo, "commit", "-qm", "extra page");
    expect(await scope(repo)).toEqual({ code: 0, note: "--changed: 1 client changed since main", summary: "✔ 1 client, 36 records: no problems" });
  });

  it("checks every client when a shared input changed", async () => {
    const repo = repository();
    writeFileSync(join(repo, "playbook.yml"), `# ours\n${execFileSync("cat", [join(process.cwd(), "playbook.yml")]).toString()}`);
    const result = await scope(repo);
    expect(result.note).toMatch(/^--changed: shared files changed since main \(playbook\.yml\), so every client is checked$/);
    expect(result.summary).toBe("✔ 2 clients, 68 records: no problems");
  });

  it("checks every client when a schema changed", async () => {
    const repo = repository();
    mkdirSync(join(repo, "schemas"));
    writeFileSync(join(repo, "schemas/asset.schema.json"), "{}\n");
    expect((await scope(repo)).note).toBe("--changed: shared files changed since main (schemas/asset.schema.json), so every client is checked");
  });

  it("ignores prose outside the clients", async () => {
    const repo = repository();
    writeFileSync(join(repo, "README.md"), "# Our records\n");
    expect(await scope(repo)).toEqual({ code: 0, note: "--changed: 0 clients changed since main", summary: "✔ no client in scope: nothing to do" });
  });

  it("follows a rename and an untracked file, and skips a deleted client", async () => {
    const repo = repository();
    renameSync(join(repo, "clients/lakeside-dental/docs/vendor-contacts.md"), join(repo, "clients/lakeside-dental/docs/vendors.md"));
    rmSync(join(repo, "clients/harbor-finch"), { recursive: true });
    const result = await scope(repo);
    expect(result.note).toBe("--changed: 1 client changed since main");
    expect(result.summary).toBe("✔ 1 client, 33 records: no problems");
  });

  it("takes file names with spaces, unicode, newlines and a leading dash as they are", async () => {
    const repo = repository();
    writeFileSync(join(repo, "clients/harbor-finch/docs/-rés umé\nx.md"), record("title: X\nlastVerified: 2026-11-01"));
    git(repo, "add", "-A");
    git(repo, "commit", "-qm", "odd name");
    const result = await run(["validate", "--changed", "--base", "main", "--root", repo]);
    expect(result.stderr.trim()).toBe("--changed: 1 client changed since main");
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("clients/harbor-finch/docs/-rés umé\\u000ax.md:1:1 error record file name");
  });

  it("says how to fix a shallow clone instead of guessing", async () => {
    const origin = repository();
    writeFileSync(join(origin, "clients/harbor-finch/docs/extra.md"), record("title: Extra\nlastVerified: 2026-11-01"));
    git(origin, "add", "-A");
    git(origin, "commit", "-qm", "extra");
    git(origin, "checkout", "-q", "main");
    writeFileSync(join(origin, "notes.txt"), "main moves on\n");
    git(origin, "add", "-A");
    git(origin, "commit", "-qm", "main moves");
    const shallow = join(makeRepo({}), "shallow");
    execFileSync("git", ["clone", "-q", "--depth", "1", "--branch", "change", "--no-single-branch", `file://${origin}`, shallow], { env: ENV });
    const result = await run(["validate", "--changed", "--base", "origin/main", "--root", shallow]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/this clone is shallow.*fetch-depth: 0/);
  });

  it("refuses --base without --changed, and slugs with --changed", async () => {
    const repo = repository();
    expect((await run(["validate", "--base", "main", "--root", repo])).stderr).toMatch(/--base goes with --changed/);
    expect((await run(["validate", "harbor-finch", "--changed", "--root", repo])).stderr).toMatch(/not both/);
  });
});

describe("--shard", () => {
  it("splits clients so the shards cover every client exactly once", () => {
    const slugs = Array.from({ length: 11 }, (_, index) => `client-${index}`);
    const shards = [1, 2, 3].map((index) => shardOf(slugs, { index, count: 3 }));
    expect(shards.flat().sort()).toEqual([...slugs].sort());
    expect(shards.map((shard) => shard.length)).toEqual([4, 4, 3]);
  });

  it("is applied by the commands, deterministically", async () => {
    const root = copyExamples();
    const first = await run(["validate", "--shard", "1/2", "--root", root]);
    const second = await run(["validate", "--shard", "2/2", "--root", root]);
    expect([first.stdout, second.stdout]).toEqual(["✔ 1 client, 35 records: no problems\n", "✔ 1 client, 33 records: no problems\n"]);
    expect((await run(["validate", "--shard", "3/2", "--root", root])).code).toBe(2);
  });

  it.each(["0/2", "2/1", "a/b", "1"])("refuses %s", (value) => {
    expect(() => parseShard(value)).toThrow(/--shard must be i\/n/);
  });
});
