import { describe, expect, it } from "vitest";
import { record, validateFiles } from "../helpers/repo.ts";

const issue = (severity: string, disposition: string, extra = "") =>
  record(`ticket: T-9\ntitle: Old server\nseverity: ${severity}\ndisposition: ${disposition}\ncoverage: billable\nrisk: It may fail${extra}`);

const check = async (text: string) => (await validateFiles({ "issues/srv.md": text })).problems.map((p) => p.rule);

describe("risk-acknowledgement rule", () => {
  it.each(["high", "critical"])("requires a signature for a %s risk handed over", async (severity) => {
    expect(await check(issue(severity, "hand-over"))).toEqual(["risk-acknowledgement"]);
  });

  it("warns, and does not stop the pack whose form the client signs, naming the command that prints it", async () => {
    const { problems } = await validateFiles({ "issues/srv.md": issue("critical", "close-with-note") });
    expect(problems).toEqual([
      expect.objectContaining({
        severity: "warning",
        line: 4,
        message:
          "a critical risk that stays with the client needs their signed acknowledgement: have them sign the risk acknowledgement in the pack (`handover forms t` prints it), then add `acknowledgement` with `signedBy`, `signedOn` and `document`",
      }),
    ]);
  });

  it("accepts a signed acknowledgement", async () => {
    expect(await check(issue("high", "hand-over", "\nacknowledgement:\n  signedBy: Ann (Partner)\n  signedOn: 2026-11-02\n  document: DMS 4411"))).toEqual([]);
  });

  it("does not require one for work we will finish, or for lower risks", async () => {
    expect(await check(issue("critical", "work-before-end"))).toEqual([]);
    expect(await check(issue("medium", "close-with-note"))).toEqual([]);
  });

  it("refuses a serious risk left with the client that is kept internal, at its audience: they could never see or sign it", async () => {
    const { problems } = await validateFiles({ "issues/srv.md": issue("high", "hand-over", "\naudience: internal") });
    expect(problems).toEqual([
      expect.objectContaining({
        rule: "risk-acknowledgement",
        severity: "error",
        line: 8,
        column: 11,
        message: expect.stringMatching(/^a high risk that stays with the client cannot be internal: .* Remove `audience: internal`, or set `disposition: work-before-end`/),
      }),
    ]);
    expect(await check(issue("high", "work-before-end", "\naudience: internal"))).toEqual([]);
  });
});
