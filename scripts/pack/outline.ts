/** The pages a pack has, known before its content is rendered: the site lists every page first. */
export interface PackOutline {
  slug: string;
  docs: { id: string; title: string }[];
  /** The forms the client signs, one page each. */
  forms: { page: string; title: string }[];
}

/** A pack's outline from its documentation pages and forms: the records' before the pack is made, or the pack's own. */
export function packOutline(slug: string, docs: readonly { id: string; data: { title: string } }[], forms: readonly { page: string; title: string }[]): PackOutline {
  return { slug, docs: docs.map((doc) => ({ id: doc.id, title: doc.data.title })), forms: forms.map((form) => ({ page: form.page, title: form.title })) };
}
