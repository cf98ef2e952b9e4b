import { problemAtField } from "../lib/problem-at.ts";
import type { Problem, Severity } from "../lib/problems.ts";
import type { ClientModel, ValidRecord } from "../model/types.ts";
import { OFFBOARDING_STATUSES } from "./checklist.ts";

export const RULE = "backup-continuity";

/**
 * Our backups may not stop before the successor's first verified backup, or without the client's
 * signed release, whatever the playbook says: a law firm lost data when both providers had none.
 * A stop that has happened is an error; a planned one is a warning until it is covered. When no
 * stop date is recorded but the backup's contract (or our service) has ended, that end is the stop.
 */
export function checkBackupContinuity(model: ClientModel, today: string): Problem[] {
  const clientCase = model.case;
  if (!clientCase || !(OFFBOARDING_STATUSES as readonly string[]).includes(clientCase.data.status)) return [];
  const problems: Problem[] = [];
  for (const backup of model.backups) {
    const transition = backup.data.transition;
    const stop = transition.ourBackupsStopOn ?? impliedStop(model, backup);
    if (!stop) continue;
    const verified = transition.successorFirstVerifiedBackup?.date;
    const release = transition.clientRelease?.signedOn;
    if ((verified && verified <= stop) || (release && release <= stop)) continue;

    const successor = verified ? `the successor's first verified backup is only on ${verified}` : "no verified backup by the successor is recorded";
    const signed = release ? `the client's release is only signed on ${release}` : "there is no signed release from the client";
    const passed = stop <= today;
    const severity: Severity = passed ? "error" : "warning";
    const stopped = transition.ourBackupsStopOn
      ? `our backups ${passed ? "stopped" : "are planned to stop"} on ${stop}`
      : `${endedBy(model, backup)} ${passed ? "ended" : "ends"} on ${stop} with no stop date recorded for our backups`;
    const message = passed
      ? `${stopped}, but ${successor} and ${signed}: the client's data had no backup. Record when our backups stop, and the successor's verified backup or the client's signed release; restart ours until one exists`
      : `${stopped}, but ${successor} and ${signed}; keep them running until one of them is recorded`;
    const at = transition.ourBackupsStopOn ? ["transition", "ourBackupsStopOn"] : ["transition"];
    problems.push(problemAtField(backup, at, RULE, message, severity));
  }
  return problems;
}

function contractOf(model: ClientModel, backup: ValidRecord<"backup">) {
  return model.contracts.find((contract) => contract.id === backup.data.contract);
}

/** Without a recorded stop: the end of the backup's contract, or of our service when it has none. */
function impliedStop(model: ClientModel, backup: ValidRecord<"backup">): string | undefined {
  const contract = contractOf(model, backup);
  if (contract) return contract.data.disposition === "ends" ? contract.data.endDate : undefined;
  return model.case?.data.servicesStop;
}

function endedBy(model: ClientModel, backup: ValidRecord<"backup">): string {
  const contract = contractOf(model, backup);
  return contract ? `the backup's contract \`${contract.id}\`` : "our managed service";
}
