import { execFileSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeRepo, record, run } from "../helpers/repo.ts";

const ENV = { ...process.env, GIT_AUTHOR_NAME: "Tech", GIT_AUTHOR_EMAIL: "tech@example.com", GIT_COMMITTER_NAME: "Tech", GIT_COMMITTER_EMAIL: "tech@example.com" };
const git = (repo: string, ...args: string[]) => execFileSync("git", args, { cwd: repo, env: ENV }).toString().trim();

const DOC = "title: NAS\nlastVerified: 2026-11-01";
const TOKEN = `ghp_${"Qm7Vd2Lk9Rt4Wx8Np3Hs6Jd1Fg5Bc0Ya2Ue7"}`;
const PASSWORD = "Gr33nF!eld#2026";

/** A repository whose secrets were committed, then removed: one on main, one on a branch merged in. */
function leakyRepository() {
  const repo = makeRepo({ "clients/t/docs/nas.md": record(DOC, "Shares on nas01.\n") });
  git(repo, "init", "-q", "-b", "main");
  git(repo, "add", "-A");
  git(repo, "commit", "-qm", "clean start");
  writeFileSync(join(repo, "clients/t/docs/nas.md"), record(DOC, `Shares on nas01.\nLocal admin on the NAS: nasadmin / ${PASSWORD}\n`));
  // The same file version under a second name is one blob: scanned and reported once.
  writeFileSync(join(repo, "clients/t/docs/nas-copy.md"), record(DOC, `Shares on nas01.\nLocal admin on the NAS: nasadmin / ${PASSWORD}\n`));
  git(repo, "add", "-A");
  git(repo, "commit", "-qm", "nas notes");
  const leaked = git(repo, "rev-parse", "HEAD");
  git(repo, "checkout", "-q", "-b", "ci");
  writeFileSync(join(repo, "clients/t/docs/ci.md"), record(DOC, `Runner token ${TOKEN}\n`));
  git(repo, "add", "-A");
  git(repo, "commit", "-qm", "ci notes");
  const branch = git(repo, "rev-parse", "HEAD");
  git(repo, "checkout", "-q", "main");
  git(repo, "merge", "-q", "--no-ff", "-m", "merge ci", "ci");
  writeFileSync(join(repo, "clients/t/docs/nas.md"), record(DOC, "Shares on nas01. Credentials are in Keeper.\n"));
  rmSync(join(repo, "clients/t/docs/nas-copy.md"));
  rmSync(join(repo, "clients/t/docs/ci.md"));
  git(repo, "add", "-A");
  git(repo, "commit", "-qm", "remove the secrets");
  return { repo, leaked, branch };
}

describe("handover scan-history", () => {
  it("finds secrets that were removed, once per file version, with commit, path and rule, and never their value", async () => {
    const { repo, leaked, branch } = leakyRepository();
    const { code, stdout, stderr } = await run(["scan-history", "--root", repo]);
    expect(code).toBe(1);
    const findings = stdout.split("\n").filter((line) => line.includes("  commit "));
    expect(findings).toEqual([
      expect.stringMatching(new RegExp(`^clients/t/docs/ci\\.md:5:14  commit ${branch.slice(0, 12)}  github-token  possible secret \\(GitHub token, 40 characters, hidden here\\)`)),
      expect.stringMatching(new RegExp(`^clients/t/docs/nas(-copy)?\\.md:6:36  commit ${leaked.slice(0, 12)}  login-pair  .*in an earlier version of the file, still in the history`)),
    ]);
    expect(stdout).toContain("git filter-repo --replace-text");
    expect(stdout).toContain("Rotate each credential first");
    for (const secret of [TOKEN, PASSWORD, TOKEN.slice(4, 20)]) expect(stdout + stderr).not.toContain(secret);
  });

  it("gives the same findings as JSON, without values", async () => {
    const { repo, branch } = leakyRepository();
    const { code, stdout } = await run(["scan-history", "--root", repo, "--format", "json"]);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { findings: { commit: string; path: string; rule: string; inHead: boolean }[]; scanned: number };
    expect(report.findings.map(({ rule, inHead }) => [rule, inHead])).toEqual([["github-token", false], ["login-pair", false]]);
    expect(report.findings[0]?.commit).toBe(branch);
    expect(report.scanned).toBe(4);
    expect(stdout).not.toContain(PASSWORD);
    expect(stdout).not.toContain(TOKEN);
  });

  it("scans everything an MSP commits but the toolkit's own scripts, tests and bench, and finds nothing in the template itself", async () => {
    const repo = makeRepo({ "scripts/secrets/sample.ts": `const shape = "${TOKEN}";\n`, "tests/corpus.yaml": `- "${TOKEN}"\n`, "exports/itflow.csv": `Name,Notes\nNAS,${TOKEN}\n` });
    git(repo, "init", "-q");
    git(repo, "add", "-A");
    git(repo, "commit", "-qm", "one");
    const report = JSON.parse((await run(["scan-history", "--root", repo, "--format", "json"])).stdout) as { findings: { path: string }[] };
    expect(report.findings.map((finding) => finding.path)).toEqual(["exports/itflow.csv"]);

    // The template as an MSP gets it (GitHub's "Use this template" starts from one commit of its files).
    const template = makeRepo({});
    rmSync(template, { recursive: true });
    execFileSync("git", ["clone", "-q", `file://${process.cwd()}`, template]);
    rmSync(join(template, ".git"), { recursive: true });
    git(template, "init", "-q");
    git(template, "add", "-A");
    git(template, "commit", "-qm", "from the template");
    const { code, stdout } = await run(["scan-history", "--root", template]);
    expect(stdout).toMatch(/^No secrets in the history/);
    expect(code).toBe(0);
  });

  it("says a secret is still in the current files when it is", async () => {
    const repo = makeRepo({ "clients/t/docs/ci.md": record(DOC, `Runner token ${TOKEN}\n`) });
    git(repo, "init", "-q");
    git(repo, "add", "-A");
    git(repo, "commit", "-qm", "one");
    const { code, stdout } = await run(["scan-history", "--root", repo]);
    expect(code).toBe(1);
    expect(stdout).toContain("still in the current files");
  });

  it("exits 0 on a clean history, and 2 outside a repository or in a shallow clone", async () => {
    const clean = makeRepo({ "clients/t/docs/nas.md": record(DOC, "Password manager: Keeper\n") });
    git(clean, "init", "-q");
    git(clean, "add", "-A");
    git(clean, "commit", "-qm", "one");
    expect(await run(["scan-history", "--root", clean])).toMatchObject({
      code: 0,
      stdout: "No secrets in the history: 1 file versions scanned.\nNot scanned: the toolkit's own scripts/, tests/, bench/, whose rules and tests hold secret shapes on purpose.\n",
    });

    const notGit = makeRepo({ "clients/t/docs/nas.md": record(DOC, "x\n") });
    expect(await run(["scan-history", "--root", notGit])).toMatchObject({ code: 2, stderr: expect.stringContaining("needs a git repository") });

    const { repo } = leakyRepository();
    const shallow = makeRepo({});
    rmSync(shallow, { recursive: true });
    execFileSync("git", ["clone", "-q", "--depth", "1", `file://${repo}`, shallow]);
    expect(await run(["scan-history", "--root", shallow])).toMatchObject({ code: 2, stderr: expect.stringContaining("shallow") });
  });
});
