import type { Heading, Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { parseBody } from "../load/body.ts";
import type { LoadedRecord } from "../model/types.ts";

/**
 * Raw HTML in records is never passed through (remark-rehype drops it, comments included), and
 * rehype-sanitize removes anything unsafe that Markdown itself can express, such as
 * `javascript:` links. What remains is plain, safe HTML.
 */
const toHtml = unified().use(remarkRehype).use(rehypeSanitize).use(rehypeStringify).freeze();

function html(tree: Root): string {
  return String(toHtml.stringify(toHtml.runSync(tree)));
}

export interface BodyOptions {
  /** The level the body's highest heading becomes, so it nests under the page's headings. */
  topLevel: 2 | 3;
  /** A leading heading that repeats this title is dropped: the page already shows the title. */
  title?: string;
}

/** A record's body as safe HTML, without its frontmatter and without any `Internal` section. */
export function recordBodyHtml(record: LoadedRecord, { topLevel, title }: BodyOptions): string {
  const { tree, sections } = record.body;
  const internal = sections.filter((section) => section.internal);
  const keep = (node: RootContent) => {
    const offset = node.position?.start.offset ?? 0;
    return node.type !== "yaml" && node.type !== "html" && !internal.some((section) => section.start <= offset && offset < section.end);
  };
  const children = structuredClone(tree.children.filter(keep));
  const [first] = children;
  if (title && first?.type === "heading" && toString(first).trim().toLowerCase() === title.trim().toLowerCase()) children.shift();
  const headings = children.filter((node) => node.type === "heading");
  const shift = topLevel - Math.min(topLevel, ...headings.map((heading) => heading.depth));
  for (const heading of headings) heading.depth = Math.min(6, heading.depth + shift) as Heading["depth"];
  return html({ type: "root", children });
}

/** Markdown the toolkit wrote itself (the memo), through the same parser and sanitiser. */
export function markdownHtml(markdown: string): string {
  const { tree } = parseBody(markdown);
  return html({ type: "root", children: tree.children.filter((node) => node.type !== "html") });
}
