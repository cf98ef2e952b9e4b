import type { Checklist } from "../derive/checklist.ts";
import { isComplete } from "../derive/checklist.ts";
import type { Access, Asset, Backup, ClientCase, ClientModel, Contract, Doc, Issue, ValidRecord } from "../model/types.ts";
import { recordBodyHtml, treeHtml } from "../render/markdown-html.ts";
import { shown } from "../render/labels.ts";
import { memoParts } from "../render/memo.ts";
import { clientData, isClientRecord } from "./client-view.ts";
import { dispositionEvent } from "./collection.ts";
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
  timeline: TimelineEvent[];
  checklist: { done: number; total: number; phases: PackChecklistPhase[] };
  /** The What's-Next memo: the letter, and its closing apart so that print keeps it whole. */
  memo: { html: string; closingHtml: string };
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
    timeline: [],
    checklist: clientChecklist(checklist),
    memo: memoHtml(model),
    msp,
    build,
  };
  pack.timeline = timeline(pack);
  return pack;
}

function memoHtml(model: ClientModel): ClientPack["memo"] {
  const { letter, closing } = memoParts(model);
  return { html: treeHtml(letter), closingHtml: treeHtml(closing) };
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

/** The timeline, in the past tense for what happened by the pack's build date: a delivered pack is read later. */
function timeline(pack: ClientPack): TimelineEvent[] {
  const c = pack.client.data;
  const successor = c.successor?.type === "in-house" ? "Your own IT team" : (c.successor?.company ?? "Your new provider");
  const event = (date: string | undefined, present: string, past: string = present): TimelineEvent | undefined =>
    date ? { date, label: date <= pack.build.date ? past : present } : undefined;
  const events: (TimelineEvent | undefined)[] = [
    event(c.notice?.date, `Notice given${c.notice?.inWriting ? " in writing" : ""}`),
    event(c.whatsNextMemoSentOn, "What's-Next memo sent"),
    event(c.transition?.successorTakesOverOn, `${successor} takes over support`, `${successor} took over support`),
    event(c.servicesStop, "Our managed services stop", "Our managed services stopped"),
    ...pack.contracts.map(({ data }) => (data.disposition === "ends" ? event(data.endDate, `${data.title} ends`, `${data.title} ended`) : undefined)),
    ...pack.assets.map(({ data }) => {
      const labels = dispositionEvent(data);
      return labels && event(data.dispositionDoneOn ?? data.dispositionDueOn, labels.present, labels.past);
    }),
    ...pack.backups.map(({ data }) => event(data.transition.ourBackupsStopOn, `Our backup "${data.title}" stops`, `Our backup "${data.title}" stopped`)),
  ];
  return events
    .filter((entry): entry is TimelineEvent => entry !== undefined)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.label < b.label ? -1 : 1));
}

/** The latest change among the records a page shows. */
export function lastUpdated(views: readonly { updated: string | undefined }[]): string | undefined {
  return views.map((view) => view.updated).filter((date): date is string => Boolean(date)).sort().at(-1);
}
