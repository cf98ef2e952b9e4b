import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { plantCanaries } from "../helpers/canaries.ts";
import { copyExamples, edit, run } from "../helpers/repo.ts";

describe("handover forms", () => {
  it("prints the forms the client signs as Markdown, signed and unsigned", async () => {
    const { code, stdout, stderr } = await run(["forms", "harbor-finch", "--root", copyExamples(), "--today", "2026-11-22"]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(stdout.match(/^# .*/gm)).toEqual([
      "# Risk acknowledgement: Office server's Windows version reaches end of support",
      "# Backup release: Microsoft 365 backup (mail, OneDrive, SharePoint, Teams)",
      "# Backup release: Office server backup (Datto)",
    ]);
    expect(stdout).toContain("**Signed.** This acknowledgement was signed on 2026-11-12 by Eleanor Finch, Managing Partner.");
    expect(stdout.match(/\*\*Awaiting your signature\.\*\*/g)).toHaveLength(2);
    expect(stdout).toContain("| Signature  |                    |");
    expect(stdout).toContain("These facts are from our records as of 2026-11-22.");
  });

  it("prints one form with --form, by its page in the pack, and names the forms there are when it has none of that name", async () => {
    const root = copyExamples();
    const one = await run(["forms", "harbor-finch", "--form", "backup-release-server-backup", "--root", root, "--today", "2026-11-22"]);
    expect(one).toMatchObject({ code: 0, stderr: "" });
    expect(one.stdout.match(/^# .*/gm)).toEqual(["# Backup release: Office server backup (Datto)"]);
    const wrong = await run(["forms", "harbor-finch", "--form", "backup-release-server-backups", "--root", root, "--today", "2026-11-22"]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("harbor-finch has no form `backup-release-server-backups` — did you mean `backup-release-server-backup`? Its forms: ");
    const unlike = await run(["forms", "harbor-finch", "--form", "zzz", "--root", root, "--today", "2026-11-22"]);
    expect(unlike.stderr).toContain("harbor-finch has no form `zzz`. Its forms: ");
  });

  it("contains nothing internal and nothing of another client", async () => {
    const root = copyExamples();
    plantCanaries(root);
    for (const slug of ["harbor-finch", "lakeside-dental"]) {
      const { code, stdout } = await run(["forms", slug, "--root", root, "--today", "2026-11-22"]);
      expect(code).toBe(0);
      expect(stdout.length).toBeGreaterThan(1000);
      expect(stdout.match(/CANARY[\w-]*/g) ?? [], slug).toEqual([]);
      expect(stdout).not.toMatch(/Quoted the replacement|Q-2026-091|lawsuit/);
    }
  });

  it("reads the records on the commit's date unless --today is given, never the clock", async () => {
    const root = copyExamples();
    const git = (...args: string[]) =>
      execFileSync("git", ["-c", "user.name=T", "-c", "user.email=t@example.com", ...args], { cwd: root, env: { ...process.env, GIT_COMMITTER_DATE: "2026-11-20T10:00:00Z", GIT_AUTHOR_DATE: "2026-11-20T10:00:00Z" } });
    expect(await run(["forms", "lakeside-dental", "--root", root])).toMatchObject({ code: 2, stderr: expect.stringContaining("pass --today YYYY-MM-DD") });
    git("init", "-q");
    git("add", "-A");
    git("commit", "-qm", "records");
    const first = await run(["forms", "lakeside-dental", "--root", root]);
    expect(first.stdout).toContain("These facts are from our records as of 2026-11-20.");
    expect((await run(["forms", "lakeside-dental", "--root", root])).stdout).toBe(first.stdout);
    expect((await run(["forms", "lakeside-dental", "--root", root, "--today", "2026-12-01"])).stdout).toContain("as of 2026-12-01.");
  });

  it("says so when there is nothing to sign", async () => {
    const root = copyExamples();
    edit(root, "clients/lakeside-dental/issues/shared-operatory-logins.md", "severity: high", "severity: medium");
    edit(root, "clients/lakeside-dental/backups/imaging-pc-backup.md", "  ourBackupsStopOn: 2026-09-04\n", "  ourBackupsStopOn: 2026-09-04\n  successorFirstVerifiedBackup: { date: 2026-09-01, verifiedBy: Tomás Reyes, evidence: Job 4 }\n");
    expect(await run(["forms", "lakeside-dental", "--root", root, "--today", "2026-11-22"])).toEqual({
      code: 0,
      stdout: "",
      stderr: "lakeside-dental has nothing to sign: no high or critical risk stays with them, and no backup of ours stops before the successor's verified backup\n",
    });
  });

  it("refuses to write forms from invalid records", async () => {
    const root = copyExamples();
    edit(root, "clients/harbor-finch/issues/server-2016-end-of-support.md", "severity: high", "severity: hihg");
    expect(await run(["forms", "harbor-finch", "--root", root, "--today", "2026-11-22"])).toMatchObject({ code: 1, stdout: "", stderr: expect.stringMatching(/severity[\s\S]*fix the errors above first/) });
  });
});
