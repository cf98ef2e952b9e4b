import type { Problem } from "../lib/problems.ts";
import type { Playbook } from "../model/playbook.generated.ts";
import type { ClientModel } from "../model/types.ts";
import { checkAcceptanceTag } from "./acceptance-tag.ts";
import { checkBackupContinuity } from "./backup-continuity.ts";
import { deriveChecklist, type Checklist } from "./checklist.ts";
import { checkFreshness } from "./freshness.ts";
import { checkFutureDates } from "./future-dates.ts";
import type { Provenance } from "../git/provenance.ts";
import { checkReadiness, checkReleaseReadiness } from "./readiness.ts";
import { checkToDecide } from "./to-decide.ts";

export interface DerivedClient {
  /** Undefined when the playbook has errors. */
  checklist: Checklist | undefined;
  /** Readiness and the always-on rules; validation problems come from validation. */
  problems: Problem[];
}

/**
 * Whose question the readiness rule answers: `check` (is the handover as complete as its status
 * and the date say), `release` (is every blocking step done but those after the release), or
 * `draft` (none: an interim pack is released incomplete on purpose).
 */
export type Purpose = "check" | "release" | "draft";

function readiness(model: ClientModel, checklist: Checklist, today: string, purpose: Purpose): Problem[] {
  if (purpose === "draft") return [];
  return purpose === "release" ? checkReleaseReadiness(model, checklist) : checkReadiness(model, checklist, today);
}

/** What `check` adds to validation. The always-on rules run even when the playbook is broken. */
export function deriveClient(model: ClientModel, playbook: Playbook | undefined, today: string, history: Provenance | undefined, purpose: Purpose = "check"): DerivedClient {
  const checklist = playbook ? deriveChecklist(model, playbook) : undefined;
  return {
    checklist,
    problems: [
      ...checkBackupContinuity(model, today),
      ...checkFutureDates(model, today),
      ...(checklist ? readiness(model, checklist, today, purpose) : []),
      ...checkToDecide(model, today, purpose),
      ...(playbook?.freshnessDays ? checkFreshness(model, playbook.freshnessDays, today, history) : []),
      // The acceptance follows a release: a release checks the pack it makes, not the evidence of an earlier one.
      ...(purpose === "check" ? checkAcceptanceTag(model, history) : []),
    ],
  };
}
