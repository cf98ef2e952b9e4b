import { describe, expect, it } from "vitest";
import { copyExamples, edit, run } from "../helpers/repo.ts";

const check = async (root: string, slug: string, today: string) => {
  const result = await run(["check", slug, "--root", root, "--today", today, "--format", "json"]);
  return { code: result.code, problems: JSON.parse(result.stdout).problems as { file: string; line: number; severity: string; rule: string; message: string }[] };
};

describe("readiness", () => {
  it("passes the handed-over example", async () => {
    expect(await check(copyExamples(), "lakeside-dental", "2026-11-22")).toEqual({ code: 0, problems: [] });
  });

  it("fails a handover declared complete with an open blocking step, naming step, record and field", async () => {
    const root = copyExamples();
    edit(root, "clients/lakeside-dental/access/godaddy.md", /^ourAccessRemovedOn: .*\n/m, "");
    edit(root, "clients/lakeside-dental/access/godaddy.md", /^credentialsRotatedOn: .*\n/m, "");
    const { code, problems } = await check(root, "lakeside-dental", "2026-11-22");
    expect(code).toBe(1);
    expect(problems).toEqual([
      expect.objectContaining({
        file: "clients/lakeside-dental/access/godaddy.md",
        severity: "error",
        rule: "readiness",
        message:
          "blocking step `access-handed-over:godaddy` (Account handed over and our access removed) is not done and the status is `handed-over`: record either access/godaddy.md ourAccessRemovedOn, or access/godaddy.md credentialsRotatedOn",
      }),
    ]);
  });

  it("warns about open blocking steps before services stop, and fails once they have stopped", async () => {
    const root = copyExamples();
    const before = await check(root, "harbor-finch", "2026-11-22");
    expect(before.code).toBe(0);
    expect(before.problems.filter((p) => p.rule === "readiness").every((p) => p.severity === "warning")).toBe(true);
    expect(before.problems.map((p) => p.message)).toContainEqual(expect.stringMatching(/^blocking step `psa-expiry` .* services stop on 2026-12-15, in 23 days/));

    const after = await check(root, "harbor-finch", "2026-12-16");
    expect(after.code).toBe(1);
    expect(after.problems.filter((p) => p.rule === "readiness").every((p) => p.severity === "error")).toBe(true);
    expect(after.problems.map((p) => p.message)).toContainEqual(expect.stringMatching(/^blocking step `psa-expiry` .* services stopped on 2026-12-15/));
  });

  it("blocks the law-firm mistake whatever the playbook says", async () => {
    const root = copyExamples();
    edit(root, "clients/harbor-finch/backups/server-backup.md", "transition:\n", "transition:\n  ourBackupsStopOn: 2026-12-15\n");
    const { code, problems } = await check(root, "harbor-finch", "2026-12-16");
    expect(code).toBe(1);
    expect(problems).toContainEqual(
      expect.objectContaining({ file: "clients/harbor-finch/backups/server-backup.md", rule: "backup-continuity", severity: "error", message: expect.stringContaining("the client's data had no backup") }),
    );
  });

  it("warns when a step was done before the steps it comes after", async () => {
    const root = copyExamples();
    edit(root, "clients/harbor-finch/assets/srv-01.md", /(\n  - type: \w+\n    product: [^\n]+)(?!\n    removedOn)/g, "$1\n    removedOn: 2026-11-20");
    const { problems } = await check(root, "harbor-finch", "2026-11-22");
    expect(problems).toContainEqual(
      expect.objectContaining({ severity: "warning", message: "step `agents-removed:srv-01` was done before `open-ticket`: the playbook orders it after them" }),
    );
  });
});
