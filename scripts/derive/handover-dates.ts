import { addDays, addYears } from "../lib/dates.ts";
import type { Asset, ClientModel, ValidRecord } from "../model/types.ts";
import { dispositionEvent } from "../pack/collection.ts";
import { recordFile } from "./facts.ts";

/** Every kind of dated event a handover has, in the order events of one day are listed. */
export const DATE_KINDS = [
  "notice",
  "memo-sent",
  "notice-period-end",
  "successor-takeover",
  "services-stop",
  "contract-end",
  "asset-retrieval",
  "asset-ownership-transfer",
  "asset-decommission",
  "backup-cutover",
  "backup-retention-end",
  "renewal",
] as const;

export type DateKind = (typeof DATE_KINDS)[number];

/** One dated event of a handover, read from one record. */
export interface HandoverDate {
  date: string;
  kind: DateKind;
  /** The record it comes from: its path in the client folder without `.md`, for example `contracts/bdr`. */
  record: string;
  /** What happens, in the words of the pack: before the date, and on or after it. */
  present: string;
  past: string;
}

/**
 * How a record's data is read: all of it for the MSP, or the client's view of it for a pack
 * (undefined leaves the record out).
 */
export type DataOf = <R extends ValidRecord>(record: R) => R["data"] | undefined;

const everything: DataOf = (record) => record.data;

/** Renewals are listed for this long after `today`: a pack is read for a year, not forever. */
export const RENEWAL_YEARS = 1;

/**
 * Every dated event of a client's handover, by date: notice, end of the notice period, takeover,
 * services stop, each contract's end, each asset's disposition, each backup's cutover and the end
 * of its historical retention, and the renewals from `today` to a year on. The one list that the
 * pack's calendar and timeline and the MSP's calendar are made from.
 */
export function handoverDates(model: ClientModel, today: string, dataOf: DataOf = everything): HandoverDate[] {
  const dates: HandoverDate[] = [];
  const add = (record: ValidRecord, kind: DateKind, date: string | undefined, present: string, past: string = present) => {
    if (date) dates.push({ date, kind, record: recordFile(record).replace(/\.md$/, ""), present, past });
  };
  const read = <R extends ValidRecord>(records: readonly R[]) =>
    records.flatMap((record) => {
      const data = dataOf(record);
      return data ? [{ record, data }] : [];
    });

  const clientCase = model.case;
  const c = clientCase && dataOf(clientCase);
  if (clientCase && c) {
    const successor = c.successor?.type === "in-house" ? "Your own IT team" : (c.successor?.company ?? "Your new provider");
    add(clientCase, "notice", c.notice?.date, `Notice given${c.notice?.inWriting ? " in writing" : ""}`);
    add(clientCase, "memo-sent", c.whatsNextMemoSentOn, "What's-Next memo sent");
    add(clientCase, "notice-period-end", c.notice && addDays(c.notice.date, c.notice.periodDays), "The notice period ends", "The notice period ended");
    add(clientCase, "successor-takeover", c.transition?.successorTakesOverOn, `${successor} takes over support`, `${successor} took over support`);
    add(clientCase, "services-stop", c.servicesStop, "Our managed services stop", "Our managed services stopped");
  }
  for (const { record, data } of read(model.contracts)) {
    if (data.disposition === "ends") add(record, "contract-end", data.endDate, `${data.title} ends`, `${data.title} ended`);
  }
  const renewalsUntil = addYears(today, RENEWAL_YEARS);
  for (const { record, data } of read(model.assets)) {
    const labels = dispositionEvent(data);
    if (labels) add(record, DISPOSITION_KIND[data.disposition as keyof typeof DISPOSITION_KIND], data.dispositionDoneOn ?? data.dispositionDueOn, labels.present, labels.past);
    if (data.renewsOn && data.renewsOn >= today && data.renewsOn < renewalsUntil && renews(data)) add(record, "renewal", data.renewsOn, `${data.name} renews`, `${data.name} renewed`);
  }
  for (const { record, data } of read(model.backups)) {
    const { ourBackupsStopOn, historicalBackups } = data.transition;
    add(record, "backup-cutover", ourBackupsStopOn, `Our backup "${data.title}" stops`, `Our backup "${data.title}" stopped`);
    if (historicalBackups?.disposition === "retained") {
      add(record, "backup-retention-end", historicalBackups.until, `Last day we keep the old copies of "${data.title}"`, `Last day we kept the old copies of "${data.title}"`);
    }
  }
  return dates.sort(compareDates);
}

const DISPOSITION_KIND = { retrieve: "asset-retrieval", "transfer-ownership": "asset-ownership-transfer", decommission: "asset-decommission" } as const;

/** A subscription that is cancelled or an asset that is retired does not renew, whatever date it last had. */
function renews(asset: Asset): boolean {
  return asset.transition !== "cancel" && asset.disposition !== "decommission";
}

/** The event as read on `today`: in the past tense from its day on. */
export function labelOn(date: HandoverDate, today: string): string {
  return date.date <= today ? date.past : date.present;
}

/** By date, then in the order of DATE_KINDS, then by record: the same order on every run. */
export function compareDates(a: HandoverDate, b: HandoverDate): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const kinds = DATE_KINDS.indexOf(a.kind) - DATE_KINDS.indexOf(b.kind);
  if (kinds !== 0) return kinds;
  return a.record < b.record ? -1 : a.record > b.record ? 1 : 0;
}
