import { describe, expect, it } from "vitest";
import { record, validateFiles } from "../helpers/repo.ts";

const offboarding = (stop: string) =>
  record(`name: T
status: offboarding
accountLead: { name: D }
ending: { initiatedBy: client, reason: in-house }
notice: { date: 2026-10-15, inWriting: true, periodDays: 60 }
servicesStop: ${stop}
primaryContact: { name: P }
successor: { type: in-house, company: T }
transition: { supportedBy: msp }`);

describe("notice-period rule", () => {
  it("accepts services stopping exactly when the notice period ends", async () => {
    expect((await validateFiles({ "client.md": offboarding("2026-12-14") })).problems).toEqual([]);
  });

  it("reports services stopping before the notice period ends, with the earliest date", async () => {
    const { problems } = await validateFiles({ "client.md": offboarding("2026-12-01") });
    expect(problems).toEqual([
      expect.objectContaining({
        rule: "notice-period",
        line: 7,
        column: 15,
        message: "services stop on 2026-12-01, before the 60-day notice period from 2026-10-15 ends; the earliest stop date is 2026-12-14",
      }),
    ]);
  });
});

describe("contract-dates rule", () => {
  it("reports a contract that ends before it starts", async () => {
    const { problems } = await validateFiles({
      "contracts/a.md": record("title: A\ntype: bdr\nbundled: false\ndisposition: ends\nstartDate: 2026-05-01\nendDate: 2026-04-30"),
    });
    expect(problems.map((p) => [p.rule, p.line, p.message])).toEqual([
      ["contract-dates", 7, "the contract ends on 2026-04-30, before it starts on 2026-05-01"],
    ]);
  });
});
