import type { Problem, Severity } from "../lib/problems.ts";
import type { ClientModel } from "../model/types.ts";
import { problemAtField } from "../rules/report.ts";

export const RULE = "backup-continuity";

/**
 * Our backups may not stop before the successor's first verified backup, or without the client's
 * signed release, whatever the playbook says: a law firm lost data when both providers had none.
 * A stop date that has passed is an error; a planned one is a warning until it is covered.
 */
export function checkBackupContinuity(model: ClientModel, today: string): Problem[] {
  const problems: Problem[] = [];
  for (const backup of model.backups) {
    const transition = backup.data.transition;
    const stop = transition.ourBackupsStopOn;
    if (!stop) continue;
    const verified = transition.successorFirstVerifiedBackup?.date;
    const release = transition.clientRelease?.signedOn;
    if ((verified && verified <= stop) || (release && release <= stop)) continue;

    const successor = verified
      ? `the successor's first verified backup is only on ${verified}`
      : "no verified backup by the successor is recorded";
    const signed = release ? `the client's release is only signed on ${release}` : "there is no signed release from the client";
    const passed = stop <= today;
    const severity: Severity = passed ? "error" : "warning";
    const message = passed
      ? `our backups stopped on ${stop}, but ${successor} and ${signed}: the client's data had no backup. Restart our backups until the successor's backup is verified, or record the client's signed release`
      : `our backups are planned to stop on ${stop}, but ${successor} and ${signed}; keep them running until one of them is recorded`;
    problems.push(problemAtField(backup, ["transition", "ourBackupsStopOn"], RULE, message, severity));
  }
  return problems;
}
