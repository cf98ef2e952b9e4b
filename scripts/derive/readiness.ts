import { daysBetween } from "../lib/dates.ts";
import type { Problem, Severity } from "../lib/problems.ts";
import type { ClientModel, ValidRecord } from "../model/types.ts";
import { describeMissing, firstMissingFact } from "./facts.ts";
import { problemAt, problemAtField } from "../lib/problem-at.ts";
import { isComplete, type Checklist, type ChecklistItem } from "./checklist.ts";

export const RULE = "readiness";

/**
 * Whether the handover may be called complete. A client marked handed over needs every blocking
 * step done; while offboarding, open blocking steps are warnings until services stop, then errors.
 */
export function checkReadiness(model: ClientModel, checklist: Checklist, today: string): Problem[] {
  const clientCase = model.case;
  if (!clientCase) return [];
  const problems: Problem[] = [];
  const { severity, when } = openStepUrgency(clientCase, today);

  for (const item of checklist.items) {
    if (!item.done && item.step.blocking) problems.push(openStep(item, model.dir, item.subject ?? clientCase, when, severity));
    if (item.done && item.waitingOn.length > 0) {
      const target = item.subject ?? clientCase;
      problems.push(
        problemAtField(target, [], RULE, `step \`${item.id}\` was done before ${item.waitingOn.map((id) => `\`${id}\``).join(", ")}: the playbook orders it after them`, "warning"),
      );
    }
  }
  return problems;
}

/**
 * How pressing an open step is, and why: an error once the handover is called complete or services
 * have stopped, a warning before.
 */
export function openStepUrgency(clientCase: ValidRecord<"client">, today: string): { severity: Severity; when: string } {
  const { status, servicesStop } = clientCase.data;
  const complete = isComplete(status);
  const late = servicesStop !== undefined && servicesStop < today;
  const when = complete
    ? `the status is \`${status}\``
    : servicesStop
      ? late
        ? `services stopped on ${servicesStop}`
        : `services stop on ${servicesStop}, in ${daysBetween(today, servicesStop)} days`
      : "services have no stop date yet";
  return { severity: complete || late ? "error" : "warning", when };
}

/** What a release says of an open step: it must be done first. */
export const RELEASE_URGENCY: { severity: Severity; when: string } = { severity: "error", when: "a release must be complete" };

/**
 * What `handover release` asks: every blocking step done, whatever the status or the date, but for
 * those the playbook marks `afterRelease` (they can only follow the release, as the acceptance
 * naming its tag does). Each open step is an error at the record and field to fill in.
 */
export function checkReleaseReadiness(model: ClientModel, checklist: Checklist): Problem[] {
  const clientCase = model.case;
  if (!clientCase) return [];
  return checklist.items
    .filter((item) => !item.done && item.step.blocking && !item.step.afterRelease)
    .map((item) => openStep(item, model.dir, item.subject ?? clientCase, RELEASE_URGENCY.when, RELEASE_URGENCY.severity));
}

function openStep(item: ChecklistItem, dir: string, fallback: ValidRecord, when: string, severity: Severity): Problem {
  const fact = firstMissingFact(item.missing);
  const message = `blocking step \`${item.id}\` (${item.step.title}) is not done and ${when}: record ${item.missing.map(describeMissing).join("; ")}`;
  // A fact whose record does not exist yet (acceptance.md) is reported at the file to create.
  if (fact && !fact.record) return problemAt(`${dir}/${fact.file}`, { line: 1, column: 1 }, RULE, message, severity);
  return problemAtField(fact?.record ?? fallback, fact?.field ?? [], RULE, message, severity);
}
