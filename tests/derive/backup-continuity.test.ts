import { describe, expect, it } from "vitest";
import { checkBackupContinuity } from "../../scripts/derive/backup-continuity.ts";
import { record, validateFiles } from "../helpers/repo.ts";

const backup = (transition: string) =>
  record(
    `title: Server backup\ncovers: Files\nproduct: Datto\nschedule: Hourly\nretention: 90 days\nlocation: Appliance\nencryptionKeyHeldBy: Us, in the vault\ntransition:\n${transition}`,
    "## How to restore\nCall us.\n",
  );

const OFFBOARDING = record(`name: T\nstatus: offboarding\naccountLead: { name: D }\nending: { initiatedBy: client, reason: new-provider }
notice: { date: 2026-10-01, inWriting: true, periodDays: 30 }\nservicesStop: 2026-12-15\nprimaryContact: { name: P }
successor: { type: msp, company: N }\ntransition: { supportedBy: msp }`);

const continuity = async (transition: string, today = "2026-12-20", client = OFFBOARDING) => {
  const { model, problems } = await validateFiles({ "client.md": client, "backups/srv.md": backup(transition) });
  expect(problems).toEqual([]);
  return checkBackupContinuity(model, today);
};

describe("backup-continuity rule (the law-firm case)", () => {
  it("fails when our backups stopped and the successor had no verified backup", async () => {
    const problems = await continuity("  ourBackupsStopOn: 2026-12-15");
    expect(problems).toEqual([
      expect.objectContaining({
        severity: "error",
        line: 10,
        column: 21,
        message:
          "our backups stopped on 2026-12-15, but no verified backup by the successor is recorded and there is no signed release from the client: the client's data had no backup. Record when our backups stop, and the successor's verified backup or the client's signed release; restart ours until one exists",
      }),
    ]);
  });

  it("fails when the successor's first verified backup came after ours stopped", async () => {
    const problems = await continuity("  ourBackupsStopOn: 2026-12-15\n  successorFirstVerifiedBackup: { date: 2027-02-01, verifiedBy: Ann, evidence: Job 7 }");
    expect(problems.map((p) => p.message)).toEqual([expect.stringContaining("the successor's first verified backup is only on 2027-02-01")]);
  });

  it("accepts a stop on or after the successor's verified backup", async () => {
    expect(await continuity("  ourBackupsStopOn: 2026-12-15\n  successorFirstVerifiedBackup: { date: 2026-12-15, verifiedBy: Ann, evidence: Job 7 }")).toEqual([]);
  });

  it("accepts an earlier stop under the client's signed release", async () => {
    expect(await continuity("  ourBackupsStopOn: 2026-12-15\n  clientRelease: { signedBy: Eleanor Finch, signedOn: 2026-12-01, document: DMS 9 }")).toEqual([]);
  });

  it("warns about a planned stop that nothing covers yet", async () => {
    const problems = await continuity("  ourBackupsStopOn: 2027-01-08", "2026-11-22");
    expect(problems).toEqual([expect.objectContaining({ severity: "warning", message: expect.stringMatching(/^our backups are planned to stop on 2027-01-08.*keep them running/) })]);
  });

  it("takes the end of our service as the stop of a backup with no contract and no stop date", async () => {
    const problems = await continuity("  historicalBackups: { disposition: negotiating }");
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/^our managed service ended on 2026-12-15 with no stop date recorded for our backups/)]);
  });

  it("says nothing about a client that has not given notice", async () => {
    expect(await continuity("  ourBackupsStopOn: 2026-12-15", "2026-12-20", record("name: T\nstatus: active\naccountLead: { name: D }"))).toEqual([]);
  });
});
