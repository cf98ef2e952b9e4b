import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { deriveChecklist } from "../../scripts/derive/checklist.ts";
import { checkReleaseReadiness } from "../../scripts/derive/readiness.ts";
import type { Playbook } from "../../scripts/model/playbook.generated.ts";
import { validateRepository } from "../../scripts/validate-repository.ts";
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

  it("blocks the law-firm mistake even with a playbook that has no backup step", async () => {
    const root = copyExamples();
    writeFileSync(
      join(root, "playbook.yml"),
      "phases:\n  - id: all\n    title: All\nsteps:\n  - id: memo\n    phase: all\n    owner: admin\n    title: Memo\n    evidence: [{ field: client.whatsNextMemoSentOn }]\n    blocking: true\n",
    );
    edit(root, "clients/lakeside-dental/backups/server-backup.md", /\n  successorFirstVerifiedBackup:\n(    .*\n)+/, "\n");
    const { code, problems } = await check(root, "lakeside-dental", "2026-11-22");
    expect(code).toBe(1);
    expect(problems).toEqual([expect.objectContaining({ rule: "backup-continuity", severity: "error", message: expect.stringMatching(/^our backups stopped on 2026-09-30, but no verified backup/) })]);
  });

  it("treats the end of the backup's contract as the stop when no stop date is recorded", async () => {
    const root = copyExamples();
    edit(root, "clients/lakeside-dental/backups/server-backup.md", /\n  ourBackupsStopOn: [^\n]*/, "");
    edit(root, "clients/lakeside-dental/backups/server-backup.md", /\n  successorFirstVerifiedBackup:\n(    .*\n)+/, "\n");
    const { problems } = await check(root, "lakeside-dental", "2026-11-22");
    expect(problems).toContainEqual(
      expect.objectContaining({ rule: "backup-continuity", severity: "error", message: expect.stringMatching(/^the backup's contract `bdr` ended on 2026-09-30 with no stop date recorded for our backups/) }),
    );
  });

  it("does not accept evidence dated after today", async () => {
    const root = copyExamples();
    edit(root, "clients/harbor-finch/client.md", "whatsNextMemoSentOn: 2026-10-20", "whatsNextMemoSentOn: 2027-01-05");
    const { code, problems } = await check(root, "harbor-finch", "2026-11-22");
    expect(code).toBe(1);
    expect(problems).toContainEqual(
      expect.objectContaining({ rule: "future-date", severity: "error", message: "`whatsNextMemoSentOn` is 2027-01-05, after today (2026-11-22): record a fact once it has happened" }),
    );
    expect(problems.filter((p) => p.rule === "future-date")).toHaveLength(1);
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

describe("release readiness", () => {
  it("asks for every open blocking step but those the playbook marks afterRelease, whatever the status or date", async () => {
    const [harbor] = (await validateRepository(copyExamples(), ["harbor-finch"])).clients;
    type Step = Playbook["steps"][number];
    const step = (id: string, extra: Partial<Step>): Step => ({ id, phase: "all", owner: "admin", title: id, evidence: [{ field: "client.offboarding.paperworkFiledOn" }], blocking: true, ...extra });
    const playbook: Playbook = {
      phases: [{ id: "all", title: "All" }],
      steps: [step("filed", {}), step("filed-later", { afterRelease: true }), step("optional", { blocking: false }), step("memo", { evidence: [{ field: "client.whatsNextMemoSentOn" }] })],
    };
    const model = harbor?.model;
    if (!model) throw new Error("no harbor-finch model");
    const problems = checkReleaseReadiness(model, deriveChecklist(model, playbook));
    expect(problems).toEqual([
      expect.objectContaining({
        file: "clients/harbor-finch/client.md",
        severity: "error",
        rule: "readiness",
        message: "blocking step `filed` (filed) is not done and a release must be complete: record client.md offboarding.paperworkFiledOn",
      }),
    ]);
  });
});
