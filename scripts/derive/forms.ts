import type { Backup, ClientModel, Issue, ValidRecord } from "../model/types.ts";
import { clientData, isClientRecord } from "../pack/client-view.ts";
import { needsAcknowledgement } from "../rules/risk-acknowledgement.ts";
import { stopsNeedingRelease } from "./backup-continuity.ts";

/** Proof that the client signed: who, when, and where the signed copy is kept. */
export type Signature = NonNullable<Issue["acknowledgement"]>;

interface FormBase {
  /** The pack's page for it, without `.html`. */
  page: string;
  title: string;
  /** The issue or backup it is about. */
  recordId: string;
  /** Undefined until the signature is recorded. */
  signature: Signature | undefined;
}

/** The client signs that they know about a serious risk that stays with them. */
export interface RiskAcknowledgement extends FormBase {
  kind: "risk-acknowledgement";
  issue: Issue;
  /** Names of the assets it affects that the client's pack shows. */
  assets: string[];
}

/** The client allows us to stop a backup before the successor has a verified backup of its own. */
export interface BackupRelease extends FormBase {
  kind: "backup-release";
  backup: Backup;
  stop: string;
  /** What ends on the stop date when none is recorded: the backup's contract (its title, when the pack shows it) or our service. */
  stopsWith: { contract: string | undefined } | "service" | undefined;
}

export type SigningForm = RiskAcknowledgement | BackupRelease;

const SEVERITY_ORDER = { critical: 0, high: 1, medium: 2, low: 3 } as const;

/**
 * The documents the client signs, from the records as the pack sees them: internal records are not
 * asked about and no internal property reaches a form. Which risks and backups need one is the
 * rules' own reading (risk-acknowledgement, backup-continuity), so a form is there exactly when
 * `validate` or `check` asks for the signature, and stays, marked signed, once it is recorded.
 */
export function signingForms(model: ClientModel): SigningForm[] {
  const assetNames = new Map(model.assets.filter(isClientRecord).map((asset) => [asset.id, clientData(asset).name]));
  const risks = model.issues
    .filter((issue) => isClientRecord(issue) && needsAcknowledgement(issue.data))
    .sort((a, b) => SEVERITY_ORDER[a.data.severity] - SEVERITY_ORDER[b.data.severity] || byId(a, b))
    .map((record): RiskAcknowledgement => {
      const issue = clientData(record);
      return {
        kind: "risk-acknowledgement",
        page: `risk-acknowledgement-${record.id}`,
        title: `Risk acknowledgement: ${issue.title}`,
        recordId: record.id,
        signature: issue.acknowledgement,
        issue,
        assets: (issue.assets ?? []).flatMap((id) => assetNames.get(id) ?? []),
      };
    });
  const releases = stopsNeedingRelease(model)
    .filter(({ backup }) => isClientRecord(backup))
    .sort((a, b) => byId(a.backup, b.backup))
    .map(({ backup: record, stop, recorded, endedBy }): BackupRelease => {
      const backup = clientData(record);
      return {
        kind: "backup-release",
        page: `backup-release-${record.id}`,
        title: `Backup release: ${backup.title}`,
        recordId: record.id,
        signature: backup.transition.clientRelease,
        backup,
        stop,
        // An internal contract is not named: the client's pack does not show it.
        stopsWith: recorded ? undefined : endedBy ? { contract: isClientRecord(endedBy) ? clientData(endedBy).title : undefined } : "service",
      };
    });
  return [...risks, ...releases];
}

function byId(a: ValidRecord, b: ValidRecord): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
