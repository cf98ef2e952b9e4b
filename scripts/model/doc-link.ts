/**
 * A link to a documentation page as a tech writes it on GitHub: `./wifi.md`, `docs/wifi.md`,
 * `../docs/wifi.md#printers`. The pack turns it into a link to that page; the rule doc-links
 * reports one the pack cannot follow.
 */
const DOC_LINK = /^(?:\.\.?\/)*(?:docs\/)?([a-z0-9-]+)\.md(#[\w-]*)?$/;

/** The page id and `#fragment` a link points at, when it is a link to a documentation page. */
export function docLinkTarget(href: string): { id: string; fragment: string } | undefined {
  const match = DOC_LINK.exec(href);
  return match ? { id: match[1] as string, fragment: match[2] ?? "" } : undefined;
}
