import type { Root } from "mdast";
import type { Checklist } from "../derive/checklist.ts";
import { isComplete } from "../derive/checklist.ts";
import { handoverDates, labelOn, type HandoverDate } from "../derive/handover-dates.ts";
import type { Access, Asset, Backup, ClientCase, ClientModel, Contract, Doc, Issue, ValidRecord } from "../model/types.ts";
import { calendarIcs, eventUid } from "../render/calendar-ics.ts";
import { recordBodyHtml, treeHtml } from "../render/markdown-html.ts";
import { formDocuments } from "../render/forms.ts";
import { shown } from "../render/labels.ts";
import { memoParts } from "../render/memo.ts";
import type { Signature, SigningForm } from "../derive/forms.ts";
import { timelineSvg } from "../render/timeline-svg.ts";
import { clientData, clientDataOf, isClientRecord } from "./client-view.ts";
import type { Branding } from "./load-branding.ts";

/** A record as the pack sees it: internal properties removed, body rendered safely. */
export interface RecordView<T> {
  id: string;
  data: T;
  html: string;
  /** When the record last changed in git (YYYY-MM-DD), if known. */
  updated: string | undefined;
}

export interface TimelineEvent {
  date: string;
  label: string;
}

export interface PackChecklistPhase {
  title: string;
  items: { title: string; subject: string | undefined; done: boolean }[];
}

/** A document the client signs, on a page of its own. */
export interface PackForm {
  page: string;
  title: string;
  kind: SigningForm["kind"];
  /** The issue or backup it is about. */
  recordId: string;
  /** Once the client's signature is recorded. */
  signature: Signature | undefined;
  /** The document under its title (render/forms.ts), as safe HTML. */
  html: string;
}

/** Where the pack came from, for the manifest and the footer. */
export interface BuildInfo {
  commit: string | null;
  date: string;
  /** The records had uncommitted changes: the commit alone does not prove this pack. */
  dirty: boolean;
  /** The tag of the draft release this pack is built for (`handover release --draft`): every page says it is interim. */
  draft?: string;
}

/** Everything one client's pack shows, and nothing else: the site reads only this. */
export interface ClientPack {
  slug: string;
  complete: boolean;
  client: RecordView<ClientCase>;
  contracts: RecordView<Contract>[];
  assets: RecordView<Asset>[];
  issues: RecordView<Issue>[];
  backups: RecordView<Backup>[];
  access: RecordView<Access>[];
  docs: RecordView<Doc>[];
  /** Every dated event the client may see, in the tense of the build date. */
  timeline: TimelineEvent[];
  /** The same events as a picture (timeline-svg.ts), with the build date marked as today. */
  timelineSvg: string;
  /**
   * The same events as an iCalendar file, `<slug>.ics` in the pack (calendarFile); none when the
   * client has no dates yet, as an iCalendar file holds at least one event.
   */
  calendar: string | undefined;
  checklist: { done: number; total: number; phases: PackChecklistPhase[] };
  /**
   * The What's-Next memo: the letter up to its key dates (where the pack shows the timeline), the
   * rest, and its closing apart so that print keeps it whole.
   */
  memo: { keyDatesHtml: string; html: string; closingHtml: string };
  /** The risk acknowledgements and backup releases the client signs, signed or not. */
  forms: PackForm[];
  msp: Branding;
  build: BuildInfo;
}

/** When each record last changed, by path relative to the data root; from git, or nothing outside it. */
export type ChangeDates = (path: string) => string | undefined;

/** Record bodies sit under a section heading that already shows the record's title. */
function views<T>(records: readonly ValidRecord[], changed: ChangeDates, docs: ReadonlySet<string>, topLevel: 2 | 3 = 3): RecordView<T>[] {
  return records
    .filter(isClientRecord)
    .map((record) => {
      const { title, name } = record.data as { title?: string; name?: string };
      return { id: record.id, data: clientData(record) as T, html: recordBodyHtml(record, { topLevel, title: title ?? name, docs }), updated: changed(record.source.path) };
    });
}

/** The documentation pages the client sees, in the order the records ask for. */
export function clientDocs(model: ClientModel): ValidRecord<"doc">[] {
  return model.docs.filter(isClientRecord).sort((a, b) => (a.data.order ?? 1e9) - (b.data.order ?? 1e9) || (a.id < b.id ? -1 : 1));
}

export function packData(model: ClientModel, checklist: Checklist, msp: Branding, build: BuildInfo, changed: ChangeDates = () => undefined): ClientPack {
  const clientCase = model.case;
  if (!clientCase) throw new Error(`${model.slug} has no valid client.md`);
  // Links between documentation pages (`[x](./wifi.md)`, as on GitHub) point at the pack's pages.
  const shownDocs = clientDocs(model);
  const docs = new Set(shownDocs.map((doc) => doc.id));
  const client = { id: clientCase.id, data: clientData(clientCase), html: recordBodyHtml(clientCase, { topLevel: 2, docs }), updated: changed(clientCase.source.path) };
  const dates = handoverDates(model, build.date, clientDataOf);
  const timeline = dates.map((date) => ({ date: date.date, label: labelOn(date, build.date) }));
  const pack: ClientPack = {
    slug: model.slug,
    complete: isComplete(client.data.status),
    client,
    contracts: views<Contract>(model.contracts, changed, docs),
    assets: views<Asset>(model.assets, changed, docs),
    issues: views<Issue>(model.issues, changed, docs),
    backups: views<Backup>(model.backups, changed, docs),
    access: views<Access>(model.access, changed, docs),
    docs: views<Doc>(shownDocs, changed, docs, 2),
    timeline,
    timelineSvg: timelineSvg(timeline, build.date, { title: `The handover of ${client.data.name}, as of ${build.date}`, ...msp.colours }),
    calendar: clientCalendar(model.slug, client.data.name, dates, msp, build),
    checklist: clientChecklist(checklist),
    memo: memoHtml(model),
    forms: formDocuments(model, { msp: msp.name, date: build.date }).map(({ form, body }) => ({
      page: form.page,
      title: form.title,
      kind: form.kind,
      recordId: form.recordId,
      signature: form.signature,
      html: treeHtml(body),
    })),
    msp,
    build,
  };
  return pack;
}

/** The name of the pack's calendar file, beside its pages. */
export function calendarFile(slug: string): string {
  return `${slug}.ics`;
}

/** The calendar says what the timeline says, in the same tense: both are read after the build date. */
function clientCalendar(slug: string, name: string, dates: readonly HandoverDate[], msp: Branding, build: BuildInfo): string | undefined {
  if (dates.length === 0) return undefined;
  const from = `From the handover pack ${msp.name} prepared for ${name} on ${build.date}. Questions: ${msp.contact.phone}, ${msp.contact.email}.`;
  return calendarIcs({
    name: `Handover: ${name}`,
    description: from,
    // The build date is the source commit's date (or --date): the same commit gives the same file.
    stamp: build.date,
    events: dates.map((date) => ({ uid: eventUid(slug, date.record, date.kind), date: date.date, summary: labelOn(date, build.date), description: from })),
  });
}

function memoHtml(model: ClientModel): ClientPack["memo"] {
  const { letter, closing, afterKeyDates } = memoParts(model);
  const part = (children: Root["children"]) => treeHtml({ type: "root", children });
  return { keyDatesHtml: part(letter.children.slice(0, afterKeyDates)), html: part(letter.children.slice(afterKeyDates)), closingHtml: treeHtml(closing) };
}

/** Only the steps the playbook marks for the client, under headings and in words for the client, with no evidence values. */
function clientChecklist(checklist: Checklist): ClientPack["checklist"] {
  const phases = checklist.phases
    .map((phase) => ({
      title: phase.clientTitle ?? phase.title,
      items: phase.items
        // A step about an internal record would tell the client that the record exists.
        .filter((item) => item.step.audience === "client" && (!item.subject || isClientRecord(item.subject)))
        .map((item) => ({ title: item.step.clientTitle ?? item.step.title, subject: item.subject ? subjectLabel(item.subject) : undefined, done: item.done })),
    }))
    .filter((phase) => phase.items.length > 0);
  const items = phases.flatMap((phase) => phase.items);
  return { done: items.filter((item) => item.done).length, total: items.length, phases };
}

/** What the client calls the record a step is about: its name, with the ticket or account after it. */
function subjectLabel(record: ValidRecord): string {
  const data = clientData(record) as Record<string, unknown>;
  if (record.kind === "issue") return `${shown(String(data.title))} (ticket ${shown(String(data.ticket))})`;
  if (record.kind === "access") return `${shown(String(data.system))} · ${shown(String(data.account))}`;
  return shown(String(data.name ?? data.title ?? record.id));
}

/** The latest change among the records a page shows. */
export function lastUpdated(views: readonly { updated: string | undefined }[]): string | undefined {
  return views.map((view) => view.updated).filter((date): date is string => Boolean(date)).sort().at(-1);
}
