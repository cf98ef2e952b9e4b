import { problemAtField } from "../lib/problem-at.ts";
import type { Problem, Severity } from "../lib/problems.ts";
import type { ClientModel, ValidRecord } from "../model/types.ts";
import { OFFBOARDING_STATUSES } from "./checklist.ts";

export const RULE = "backup-continuity";

/** One of our backups that stops, and what allows it to. */
export interface BackupStop {
  backup: ValidRecord<"backup">;
  /** The date our backups stop: recorded, or the end of what they run under. */
  stop: string;
  /** The contract whose end is the stop when none is recorded; undefined when our managed service's end is. */
  endedBy: ValidRecord<"contract"> | undefined;
  recorded: boolean;
  /** The successor's first verified backup is on or before the stop. */
  verified: boolean;
  /** The client's release is signed on or before the stop. */
  released: boolean;
}

/**
 * Every backup of an offboarding client that stops: the facts the rule below and the client's
 * backup release read alike. When no stop date is recorded but the backup's contract (or our
 * service) ends, that end is the stop; a backup whose contract continues does not stop.
 */
export function backupStops(model: ClientModel): BackupStop[] {
  const clientCase = model.case;
  if (!clientCase || !(OFFBOARDING_STATUSES as readonly string[]).includes(clientCase.data.status)) return [];
  return model.backups.flatMap((backup): BackupStop[] => {
    const transition = backup.data.transition;
    const contract = model.contracts.find((candidate) => candidate.id === backup.data.contract);
    const implied = contract ? (contract.data.disposition === "ends" ? contract.data.endDate : undefined) : clientCase.data.servicesStop;
    const stop = transition.ourBackupsStopOn ?? implied;
    if (!stop) return [];
    const verified = transition.successorFirstVerifiedBackup?.date;
    const release = transition.clientRelease?.signedOn;
    return [
      {
        backup,
        stop,
        endedBy: transition.ourBackupsStopOn ? undefined : contract,
        recorded: transition.ourBackupsStopOn !== undefined,
        verified: verified !== undefined && verified <= stop,
        released: release !== undefined && release <= stop,
      },
    ];
  });
}

/** The stops only the client's signed release can allow: the successor has no verified backup by then. */
export function stopsNeedingRelease(model: ClientModel): BackupStop[] {
  return backupStops(model).filter((stop) => !stop.verified);
}

/**
 * Our backups may not stop before the successor's first verified backup, or without the client's
 * signed release, whatever the playbook says: a law firm lost data when both providers had none.
 * A stop that has happened is an error; a planned one is a warning until it is covered.
 */
export function checkBackupContinuity(model: ClientModel, today: string): Problem[] {
  return stopsNeedingRelease(model)
    .filter((stop) => !stop.released)
    .map(({ backup, stop, endedBy, recorded }) => {
      const transition = backup.data.transition;
      const verified = transition.successorFirstVerifiedBackup?.date;
      const release = transition.clientRelease?.signedOn;
      const successor = verified ? `the successor's first verified backup is only on ${verified}` : "no verified backup by the successor is recorded";
      const signed = release ? `the client's release is only signed on ${release}` : "there is no signed release from the client";
      const passed = stop <= today;
      const severity: Severity = passed ? "error" : "warning";
      const ended = endedBy ? `the backup's contract \`${endedBy.id}\`` : "our managed service";
      const stopped = recorded
        ? `our backups ${passed ? "stopped" : "are planned to stop"} on ${stop}`
        : `${ended} ${passed ? "ended" : "ends"} on ${stop} with no stop date recorded for our backups`;
      const message = passed
        ? `${stopped}, but ${successor} and ${signed}: the client's data had no backup. Record when our backups stop, and the successor's verified backup or the client's signed release; restart ours until one exists`
        : `${stopped}, but ${successor} and ${signed}; keep them running until one of them is recorded`;
      return problemAtField(backup, recorded ? ["transition", "ourBackupsStopOn"] : ["transition"], RULE, message, severity);
    });
}
