import type { EvidenceFact, FactLocation, Missing } from "./checklist.ts";
import type { ValidRecord } from "../model/types.ts";
import type { FieldTest } from "../model/playbook.generated.ts";

/** The record's path inside its client folder: `client.md`, `backups/server-backup.md`. */
export function recordFile(record: ValidRecord): string {
  return record.source.path.split("/").slice(2).join("/");
}

/** What a tech calls a record: its name, title, system or ticket. */
export function recordLabel(record: ValidRecord): string {
  const data = record.data as Record<string, unknown>;
  if (record.kind === "issue") return `${String(data.ticket)} ${String(data.title)}`;
  if (record.kind === "access") return `${String(data.system)} (${String(data.account)})`;
  return String(data.name ?? data.title ?? record.id);
}

/** A value as one short line: long text is cut, line breaks folded. */
export function shortValue(value: unknown): string {
  if (value === undefined || value === null) return "empty";
  const text = typeof value === "string" ? value.replace(/\s+/g, " ").trim() : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

function wanted(test: FieldTest, negated = false): string {
  const not = negated ? "not " : "";
  if (test.equals !== undefined) return ` ${not}set to ${shortValue(test.equals)}`;
  if (test.in !== undefined) return ` ${not}set to one of ${test.in.map(shortValue).join(", ")}`;
  if (test.greaterThan !== undefined) return ` ${negated ? "at most" : "above"} ${test.greaterThan}`;
  return (test.present === false) !== negated ? " left empty" : negated ? " filled in" : "";
}

export function factName(fact: FactLocation): string {
  return `${fact.file} ${fact.field.join(".")}`;
}

/** "backups/x.md transition.clientRelease.signedOn" or "either …, or …". */
export function describeMissing(missing: Missing): string {
  if ("anyOf" in missing) {
    return `either ${missing.anyOf.map((alternative) => alternative.map(describeMissing).join(" and ")).join(", or ")}`;
  }
  return `${factName(missing.fact)}${wanted(missing.test, missing.negated)}`;
}

export function describeEvidence(fact: EvidenceFact): string {
  return `${factName(fact)} = ${shortValue(fact.value)}`;
}

/** The first fact a tech could record to make progress: where a check problem points. */
export function firstMissingFact(missing: readonly Missing[]): FactLocation | undefined {
  for (const entry of missing) {
    if (!("anyOf" in entry)) return entry.fact;
    const inner = firstMissingFact(entry.anyOf[0] ?? []);
    if (inner) return inner;
  }
  return undefined;
}
