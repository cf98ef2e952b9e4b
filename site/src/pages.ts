import type { PackOutline } from "../../scripts/pack/outline.ts";
import { lastUpdated, type ClientPack, type PackForm } from "../../scripts/pack/pack-data.ts";

/** The pages of every pack, in navigation order; all sit in one folder so links stay relative. */
export const SECTIONS = [
  { page: "index", title: "Overview" },
  { page: "documentation", title: "Documentation" },
  { page: "services", title: "Services and contracts" },
  { page: "assets", title: "Assets" },
  { page: "issues", title: "Outstanding issues" },
  { page: "backups", title: "Backups" },
  { page: "access", title: "Access handover" },
  { page: "checklist", title: "Handover progress" },
  { page: "memo", title: "What happens next" },
  { page: "complete", title: "Complete pack (print)" },
] as const;

export type SectionPage = (typeof SECTIONS)[number]["page"];

export function docPage(id: string): string {
  return `doc-${id}`;
}

/** A link to another page of the same pack: always relative, so the pack works from disk and any sub-path. */
export function href(page: string): string {
  return `./${page}.html`;
}

export function routes(outlines: readonly PackOutline[]) {
  const route = (slug: string, page: string, title: string, docId?: string) => ({ params: { client: slug, page }, props: { page, title, docId } });
  return outlines.flatMap((outline) => [
    ...SECTIONS.map(({ page, title }) => route(outline.slug, page, title)),
    ...outline.docs.map((doc) => route(outline.slug, docPage(doc.id), doc.title, doc.id)),
    ...outline.forms.map((form) => route(outline.slug, form.page, form.title)),
  ]);
}

/** The form a page shows, if it is a form's page. */
export function formOn(pack: ClientPack, page: string): PackForm | undefined {
  return pack.forms.find((form) => form.page === page);
}

/** When the records a page shows last changed in git: the "last updated" of that page. */
export function pageUpdated(pack: ClientPack, page: string, docId: string | undefined): string | undefined {
  const everything = [pack.client, ...pack.contracts, ...pack.assets, ...pack.issues, ...pack.backups, ...pack.access, ...pack.docs];
  if (docId) return pack.docs.find((doc) => doc.id === docId)?.updated;
  const form = formOn(pack, page);
  if (form) {
    const records: readonly { id: string; updated: string | undefined }[] = form.kind === "risk-acknowledgement" ? pack.issues : pack.backups;
    return lastUpdated([pack.client, ...records.filter((view) => view.id === form.recordId)]);
  }
  const byPage: Record<string, readonly { updated: string | undefined }[]> = {
    index: [pack.client],
    documentation: pack.docs,
    services: pack.contracts,
    assets: pack.assets,
    issues: pack.issues,
    backups: pack.backups,
    access: pack.access,
  };
  return lastUpdated(byPage[page] ?? everything);
}

/** Sanitised HTML with every heading moved `by` levels down (at most h6), to nest it under a chapter. */
export function shiftHeadings(html: string, by: number): string {
  if (by === 0) return html;
  return html.replace(/<(\/?)h([1-6])>/g, (_, slash: string, level: string) => `<${slash}h${Math.min(6, Number(level) + by)}>`);
}
