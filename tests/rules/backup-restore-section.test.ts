import { describe, expect, it } from "vitest";
import { record, validateFiles } from "../helpers/repo.ts";

const BACKUP = `title: Server backup
covers: File server
product: Veeam
schedule: Nightly
retention: 30 days
location: NAS
encryptionKeyHeldBy: Office manager, in the safe
transition: {}`;

const check = async (body: string) =>
  (await validateFiles({ "backups/srv.md": record(BACKUP, body) })).problems.filter((p) => p.rule === "backup-restore-section");

describe("backup-restore-section rule", () => {
  it("accepts a narrative with a restore section", async () => {
    expect(await check("# Backups\nNightly.\n\n## How to restore\n1. Open Veeam.\n")).toEqual([]);
  });

  it("reports a narrative with no restore section at the start of the body", async () => {
    expect(await check("# Backups\nNightly.\n")).toEqual([expect.objectContaining({ line: 11, message: expect.stringMatching(/no restore section/) })]);
  });

  it("does not count a restore section hidden under Internal", async () => {
    expect(await check("# Backups\n## Internal\n### Restoring\nAsk Bob.\n")).toHaveLength(1);
  });

  it("reports an empty restore section at its heading", async () => {
    expect(await check("# Backups\nText\n## Restoring files\n\n## Other\nx\n")).toEqual([
      expect.objectContaining({ line: 13, message: "the section `Restoring files` is empty; explain how the client restores their data" }),
    ]);
  });
});
