import { describe, expect, it } from "vitest";
import { deriveChecklist } from "../../scripts/derive/checklist.ts";
import { stepDates } from "../../scripts/derive/step-dates.ts";
import { validateRepository } from "../../scripts/validate-repository.ts";
import { copyExamples, edit } from "../helpers/repo.ts";

async function datesOf(root: string, slug: string) {
  const result = await validateRepository(root, [slug]);
  const model = result.clients[0]!.model;
  const checklist = deriveChecklist(model, result.playbook!);
  return { checklist, dates: stepDates(checklist, model.case!.data.servicesStop) };
}

describe("stepDates", () => {
  it("dates each done step by its latest evidence date, internal facts included, and skips steps with no date", async () => {
    const { checklist, dates } = await datesOf(copyExamples(), "harbor-finch");
    const done = new Map(dates.filter((date) => date.kind === "step-done").map((date) => [date.source, date]));
    // An admin step: its evidence is a property the schema marks internal.
    expect(done.get("recurring-billing")).toMatchObject({ date: "2026-10-28", summary: "Done: Automated recurring billing cancelled at the merchant service" });
    expect(done.get("recurring-billing")!.detail).toBe("client.md money.recurringBillingCancelledOn = 2026-10-28");
    expect(done.get("whats-next-memo")?.date).toBe("2026-10-20");
    // Done, but recorded with no date: nothing to put in a calendar.
    expect(checklist.items.find((item) => item.id === "written-notice")?.done).toBe(true);
    expect(done.has("written-notice")).toBe(false);
    // Every done step with a date of something done; not those whose only dates are planned ones
    // (the notice period's services stop, the transition's takeover).
    const dated = checklist.items.filter((item) => item.done && item.evidence.some((fact) => /^\d{4}-\d{2}-\d{2}$/.test(String(fact.value))));
    expect(dated.map((item) => item.id).filter((id) => !done.has(id))).toEqual(["notice-period", "transition-support"]);
    expect([...done.keys()].every((id) => dated.some((item) => item.id === id))).toBe(true);
    expect(done.size).toBe(12);
  });

  it("does not date a step by a date that was only planned", async () => {
    const root = copyExamples();
    // The firewall passed to the practice on 2026-09-30, earlier than planned.
    edit(root, "clients/lakeside-dental/assets/fw-01.md", "dispositionDueOn: 2026-09-30", "dispositionDueOn: 2026-10-30");
    const { dates } = await datesOf(root, "lakeside-dental");
    expect(dates.find((date) => date.source === "hardware-retrieval:fw-01")).toMatchObject({ date: "2026-09-30", summary: "Done: Our hardware's retrieval agreed and done (Front-desk firewall)" });
    // The notice period step's only date is the planned services stop: it has no day of its own.
    expect(dates.some((date) => date.source === "notice-period")).toBe(false);
  });

  it("puts the open blocking steps on the day services stop, with what each needs", async () => {
    const { checklist, dates } = await datesOf(copyExamples(), "harbor-finch");
    const open = checklist.items.filter((item) => !item.done && item.step.blocking);
    expect(open.length).toBeGreaterThan(1);
    const event = dates.filter((date) => date.kind === "steps-open");
    expect(event).toEqual([{ date: "2026-12-15", kind: "steps-open", source: "client", summary: `${open.length} blocking steps still open`, detail: expect.any(String) }]);
    const lines = event[0]!.detail.split("\n");
    expect(lines).toHaveLength(open.length);
    expect(lines).toContain("psa-expiry (Expiry set for the managed-services recurring contract in the PSA): record client.md money.psaExpirySetOn");
  });

  it("lists no open steps for a handover that has none", async () => {
    const { checklist, dates } = await datesOf(copyExamples(), "lakeside-dental");
    expect(checklist.items.filter((item) => !item.done && item.step.blocking)).toEqual([]);
    expect(dates.filter((date) => date.kind === "steps-open")).toEqual([]);
  });
});
