import { RECORD_KINDS, type RecordKind } from "../model/kinds.ts";
import type { Playbook, Step } from "../model/playbook.generated.ts";
import type { ClientModel, ValidRecord } from "../model/types.ts";
import { evaluate, type FieldOutcome, type Unmet } from "../playbook/evaluate.ts";
import { recordField } from "../playbook/field-path.ts";
import { recordFile } from "./facts.ts";

/** Statuses in which a client is being, or has been, offboarded: only these have a checklist. */
export const OFFBOARDING_STATUSES = ["offboarding", "handed-over", "archived"] as const;
/** Statuses in which the handover is declared complete: every blocking step must be done. */
export const COMPLETE_STATUSES = ["handed-over", "archived"] as const;

/** Where a fact is recorded: a record (missing when the file is still to be written) and a field path. */
export interface FactLocation {
  record: ValidRecord | undefined;
  /** The record's path inside the client folder, for example `acceptance.md`. */
  file: string;
  field: string[];
}

export interface EvidenceFact extends FactLocation {
  value: unknown;
}

/** What is missing: facts to record, or a choice between alternatives. */
export type Missing = { fact: FactLocation; test: FieldOutcome["test"]; negated?: boolean } | { anyOf: Missing[][] };

/** One step of the playbook, for one record when the step repeats `forEach`. */
export interface ChecklistItem {
  step: Step;
  /** `access-handed-over` or, for a repeated step, `access-handed-over:m365-global-admin`. */
  id: string;
  /** The record a repeated step is about. */
  subject: ValidRecord | undefined;
  done: boolean;
  evidence: EvidenceFact[];
  missing: Missing[];
  /** Steps named in `after` that are not done yet. */
  waitingOn: string[];
}

export interface ChecklistPhase {
  id: string;
  title: string;
  /** The heading in the client's words, for the pack; `title` is the tech's. */
  clientTitle?: string;
  items: ChecklistItem[];
}

export interface Checklist {
  slug: string;
  phases: ChecklistPhase[];
  items: ChecklistItem[];
}

const KIND_COLLECTION: Record<NonNullable<Step["forEach"]>, keyof ClientModel> = {
  contract: "contracts",
  asset: "assets",
  issue: "issues",
  backup: "backups",
  access: "access",
  doc: "docs",
};

/**
 * The client's checklist: every applicable step of the playbook, in playbook order, done only
 * when its evidence is recorded. A client with no notice given has no steps.
 */
export function deriveChecklist(model: ClientModel, playbook: Playbook): Checklist {
  const clientCase = model.case;
  const items: ChecklistItem[] = [];
  if (clientCase && (OFFBOARDING_STATUSES as readonly string[]).includes(clientCase.data.status)) {
    for (const step of playbook.steps) {
      const subjects: (ValidRecord | undefined)[] = step.forEach
        ? [...(model[KIND_COLLECTION[step.forEach]] as ValidRecord[])].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        : [undefined];
      for (const subject of subjects) {
        const context = { client: clientCase.data, acceptance: model.acceptance?.data, ...(subject ? { [subject.kind]: subject.data } : {}) };
        if (step.when && !evaluate(step.when, context).holds) continue;
        const records = { client: clientCase as ValidRecord, acceptance: model.acceptance, ...(subject ? { [subject.kind]: subject } : {}) } as Partial<Record<RecordKind, ValidRecord>>;
        const outcomes = step.evidence.map((test) => evaluate(test, context));
        items.push({
          step,
          id: subject ? `${step.id}:${subject.id}` : step.id,
          subject,
          done: outcomes.every((outcome) => outcome.holds),
          evidence: outcomes.flatMap((outcome) => outcome.met).flatMap((met) => facts(met, records)),
          missing: outcomes.flatMap((outcome) => outcome.unmet).map((unmet) => missing(unmet, records)),
          waitingOn: [],
        });
      }
    }
  }
  for (const item of items) {
    item.waitingOn = (item.step.after ?? []).filter((id) => items.some((other) => other.step.id === id && !other.done));
  }
  const phases = playbook.phases.map((phase) => ({ ...phase, items: items.filter((item) => item.step.phase === phase.id) }));
  return { slug: model.slug, phases, items };
}

function location(kind: RecordKind, records: Partial<Record<RecordKind, ValidRecord>>, field: string[]): FactLocation {
  const record = records[kind];
  return { record, file: record ? recordFile(record) : RECORD_KINDS[kind].location, field };
}

function facts(outcome: FieldOutcome, records: Partial<Record<RecordKind, ValidRecord>>): EvidenceFact[] {
  return outcome.values.map((value) => ({ ...location(outcome.path.kind, records, recordField(outcome.path)), value }));
}

function missing(unmet: Unmet, records: Partial<Record<RecordKind, ValidRecord>>): Missing {
  if ("anyOf" in unmet) return { anyOf: unmet.anyOf.map((alternative) => alternative.map((inner) => missing(inner, records))) };
  const fact = location(unmet.path.kind, records, recordField(unmet.path));
  return unmet.negated ? { fact, test: unmet.test, negated: true } : { fact, test: unmet.test };
}

export function isComplete(status: string): boolean {
  return (COMPLETE_STATUSES as readonly string[]).includes(status);
}
