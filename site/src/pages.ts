import type { PackOutline } from "../../scripts/pack/outline.ts";
import { lastUpdated, type ClientPack } from "../../scripts/pack/pack-data.ts";

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
  return outlines.flatMap((outline) => [
    ...SECTIONS.map(({ page, title }) => ({ params: { client: outline.slug, page }, props: { page: page as string, title, docId: undefined as string | undefined } })),
    ...outline.docs.map((doc) => ({ params: { client: outline.slug, page: docPage(doc.id) }, props: { page: docPage(doc.id), title: doc.title, docId: doc.id } })),
  ]);
}

/** When the records a page shows last changed in git: the "last updated" of that page. */
export function pageUpdated(pack: ClientPack, page: string, docId: string | undefined): string | undefined {
  const everything = [pack.client, ...pack.contracts, ...pack.assets, ...pack.issues, ...pack.backups, ...pack.access, ...pack.docs];
  if (docId) return pack.docs.find((doc) => doc.id === docId)?.updated;
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
