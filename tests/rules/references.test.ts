import { describe, expect, it } from "vitest";
import { record, validateFiles } from "../helpers/repo.ts";

const ASSET = "name: Server\ntype: hardware\nowner: client\ndisposition: stays";
const ISSUE = "ticket: T-1\ntitle: Disk\nseverity: low\ndisposition: hand-over\ncoverage: billable\nrisk: Disk may fail";

describe("references rule", () => {
  it("accepts references to records of the same client", async () => {
    const { problems } = await validateFiles({ "assets/srv-01.md": record(ASSET), "issues/disk.md": record(`${ISSUE}\nassets: [srv-01]`) });
    expect(problems).toEqual([]);
  });

  it("reports a dangling reference at the list item, with a suggestion", async () => {
    const { problems } = await validateFiles({ "assets/srv-01.md": record(ASSET), "issues/disk.md": record(`${ISSUE}\nassets:\n  - srv-01\n  - srv-1`) });
    expect(problems).toEqual([
      expect.objectContaining({ rule: "references", line: 10, column: 5, message: "`srv-1` names no asset — did you mean `srv-01`?" }),
    ]);
  });

  it("reports a reference to the wrong kind", async () => {
    const { problems } = await validateFiles({ "assets/srv-01.md": record(`${ASSET}\ncontract: srv-01`) });
    expect(problems.map((p) => p.message)).toEqual(["`srv-01` names no contract (there is no `contracts/srv-01.md` in this client)"]);
  });
});
