import { describe, expect, it } from "vitest";
import type { FieldTest } from "../../scripts/model/playbook.generated.ts";
import { evaluate, isFilled } from "../../scripts/playbook/evaluate.ts";

const context = {
  client: { name: "T", money: { receivables: { outstanding: 120 } }, notice: { inWriting: false }, empty: "" },
  asset: { owner: "msp", agents: [{ type: "rmm", removedOn: "2026-11-01" }, { type: "antivirus" }] },
  backup: { agents: [] },
};

describe("evaluate", () => {
  it.each([
    [{ field: "client.name" }, true],
    [{ field: "client.missing" }, false],
    [{ field: "client.empty" }, false],
    [{ field: "client.missing", present: false }, true],
    [{ field: "client.name", present: false }, false],
    [{ field: "client.notice.inWriting", equals: false }, true],
    [{ field: "client.notice.inWriting", equals: true }, false],
    [{ field: "asset.owner", in: ["msp", "leased"] }, true],
    [{ field: "asset.owner", in: ["client"] }, false],
    [{ field: "client.money.receivables.outstanding", greaterThan: 100 }, true],
    [{ field: "client.money.receivables.outstanding", greaterThan: 120 }, false],
    [{ field: "client.name", greaterThan: 0 }, false],
  ] as [FieldTest, boolean][])("field test %j → %s", (test, holds) => {
    expect(evaluate(test, context).holds).toBe(holds);
  });

  it("a [] path holds only when every item passes and there is at least one", () => {
    expect(evaluate({ field: "asset.agents[].type" }, context).holds).toBe(true);
    expect(evaluate({ field: "asset.agents[].removedOn" }, context).holds).toBe(false);
    expect(evaluate({ field: "backup.agents[].removedOn" }, context).holds).toBe(false);
  });

  it("combines with all, any and not, and reports what is met and what is missing", () => {
    const all = evaluate({ all: [{ field: "client.name" }, { field: "client.missing" }] }, context);
    expect(all.holds).toBe(false);
    expect(all.met.map((m) => m.path.text)).toEqual(["client.name"]);
    expect(all.unmet).toEqual([expect.objectContaining({ path: expect.objectContaining({ text: "client.missing" }) })]);

    const any = evaluate({ any: [{ field: "client.missing" }, { field: "client.other" }] }, context);
    expect(any.holds).toBe(false);
    expect(any.unmet).toEqual([{ anyOf: [[expect.objectContaining({ holds: false })], [expect.objectContaining({ holds: false })]] }]);
    expect(evaluate({ any: [{ field: "client.missing" }, { field: "client.name" }] }, context)).toMatchObject({ holds: true, unmet: [] });

    expect(evaluate({ not: { field: "client.missing" } }, context).holds).toBe(true);
    expect(evaluate({ not: { field: "client.name" } }, context).holds).toBe(false);
  });

  it("treats empty text, lists and groups as not filled in", () => {
    expect([undefined, null, "", [], {}].map(isFilled)).toEqual([false, false, false, false, false]);
    expect([0, false, "x", [1], { a: 1 }].map(isFilled)).toEqual([true, true, true, true, true]);
  });
});
