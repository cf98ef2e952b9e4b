import type { AnySchemaObject } from "ajv/dist/2020.js";
import type { RecordKind } from "../model/kinds.ts";
import { resolvedSchema } from "../schema/registry.ts";
import type { Checklist, EvidenceFact } from "./checklist.ts";
import { describeEvidence, describeMissing, recordLabel } from "./facts.ts";

/** A dated step of the checklist: the MSP's own, never a client's (no pack reads this). */
export interface StepDate {
  date: string;
  kind: "step-done" | "steps-open";
  /** The checklist item (`access-handed-over:wifi`), or `client` for the open steps. */
  source: string;
  summary: string;
  /** The evidence recorded, or what each open step still needs. */
  detail: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The checklist in a calendar: each done step on the day it was done (its latest evidence date,
 * not counting dates the schemas mark `planned`), and the blocking steps still open together on
 * the day services stop, from which `check` reports them as errors.
 */
export function stepDates(checklist: Checklist, servicesStop: string | undefined): StepDate[] {
  const dates: StepDate[] = [];
  for (const item of checklist.items) {
    if (!item.done) continue;
    const done = item.evidence.filter(isDoneDate).map((fact) => fact.value as string).sort().at(-1);
    const about = item.subject ? ` (${recordLabel(item.subject)})` : "";
    if (done) dates.push({ date: done, kind: "step-done", source: item.id, summary: `Done: ${item.step.title}${about}`, detail: item.evidence.map(describeEvidence).join("\n") });
  }
  const open = checklist.items.filter((item) => !item.done && item.step.blocking);
  if (servicesStop && open.length > 0) {
    dates.push({
      date: servicesStop,
      kind: "steps-open",
      source: "client",
      summary: `${open.length} blocking ${open.length === 1 ? "step" : "steps"} still open`,
      detail: open.map((item) => `${item.id} (${item.step.title}): record ${item.missing.map(describeMissing).join("; ")}`).join("\n"),
    });
  }
  return dates.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
}

/** A fact that dates the step: a date that records something done, not one planned. */
function isDoneDate(fact: EvidenceFact): boolean {
  return typeof fact.value === "string" && DATE.test(fact.value) && fact.record !== undefined && !isPlanned(fact.record.kind, fact.field);
}

function isPlanned(kind: RecordKind, field: readonly string[]): boolean {
  let schema: AnySchemaObject | undefined = resolvedSchema(kind);
  for (const name of field) {
    if (schema?.type === "array") schema = schema.items as AnySchemaObject | undefined;
    schema = (schema?.properties as Record<string, AnySchemaObject> | undefined)?.[name];
  }
  return schema?.planned === true;
}
