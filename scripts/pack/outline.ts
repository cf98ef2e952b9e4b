import { shown } from "../render/labels.ts";

/** The pages a pack has, known before its content is rendered: the site lists every page first. */
export interface PackOutline {
  slug: string;
  docs: { id: string; title: string }[];
}

/** A pack's outline from its documentation pages: the records' before the pack is made, or the pack's own. */
export function packOutline(slug: string, docs: readonly { id: string; data: { title: string } }[]): PackOutline {
  return { slug, docs: docs.map((doc) => ({ id: doc.id, title: shown(doc.data.title) })) };
}
