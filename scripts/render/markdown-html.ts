import type { Element, Root as HastRoot } from "hast";
import type { Root, RootContent } from "mdast";
import { visit } from "unist-util-visit";
import { gfmAutolinkLiteralFromMarkdown } from "mdast-util-gfm-autolink-literal";
import { toString } from "mdast-util-to-string";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { VFile } from "vfile";
import { mayHoldAddress } from "../load/addresses.ts";
import { docLinkTarget } from "../model/doc-link.ts";
import type { LoadedRecord } from "../model/types.ts";

/**
 * Raw HTML in records is never passed through (remark-rehype drops it, comments included), and
 * rehype-sanitize removes anything unsafe that Markdown itself can express, such as
 * `javascript:` links. What remains is plain, safe HTML.
 */
/**
 * GitHub's sanitising schema without images: a pack loads nothing, and an image would be a request
 * to another host (or a broken link). remark-rehype already prefixes footnote ids and their links
 * alike, so the sanitiser adds no second prefix that would break them.
 */
const SCHEMA = { ...defaultSchema, clobberPrefix: "", tagNames: (defaultSchema.tagNames ?? []).filter((tag) => tag !== "img") };

/** How a record's body sits in its page: passed with each body, read by rehypePackPage. */
interface PagePlacement {
  /** Levels every top-level heading moves down. */
  shift: number;
  docs: ReadonlySet<string>;
}

/**
 * Fits a body into its page, on the HTML tree (new for every body, so the record's cached Markdown
 * tree is never changed): top-level headings move down under the page's own, and links to
 * documentation records become links to their pages.
 */
function rehypePackPage() {
  return (tree: HastRoot, file: VFile) => {
    const placement = file.data.placement as PagePlacement | undefined;
    if (!placement) return;
    for (const node of tree.children) {
      const level = node.type === "element" ? /^h([1-6])$/.exec(node.tagName) : null;
      if (node.type === "element" && level) node.tagName = `h${Math.min(6, Number(level[1]) + placement.shift)}`;
    }
    linkDocs(tree, placement.docs);
  };
}

/** A link without a destination (the sanitiser took a `javascript:` or `data:` one, linkDocs one to no page) is its text alone, not a dead `<a>`. */
function rehypeUnwrapDeadLinks() {
  return (tree: HastRoot) => {
    visit(tree, "element", (link: Element, index, parent) => {
      if (link.tagName !== "a" || link.properties.href !== undefined || !parent || index === undefined) return;
      parent.children.splice(index, 1, ...link.children);
      return index;
    });
  };
}

const toHtml = unified().use(remarkRehype).use(rehypePackPage).use(rehypeSanitize, SCHEMA).use(rehypeUnwrapDeadLinks).use(rehypeStringify).freeze();

function html(tree: Root, placement?: PagePlacement): string {
  const file = new VFile({ data: { placement } });
  return String(toHtml.stringify(toHtml.runSync(tree, file), file));
}

export interface BodyOptions {
  /** The level the body's highest heading becomes, so it nests under the page's headings. */
  topLevel: 2 | 3;
  /** A leading heading that repeats this title is dropped: the page already shows the title. */
  title?: string;
  /** Ids of the pack's documentation pages: a link to `<id>.md` becomes a link to that page. */
  docs?: ReadonlySet<string>;
}

/** A record's body as safe HTML, without its frontmatter and without any `Internal` section. */
export function recordBodyHtml(record: LoadedRecord, { topLevel, title, docs = new Set() }: BodyOptions): string {
  const { tree, sections } = record.body;
  const internal = sections.filter((section) => section.internal);
  const keep = (node: RootContent) => {
    const offset = node.position?.start.offset ?? 0;
    const nestedInternal = record.body.nestedInternal.some((at) => offset <= at && at < (node.position?.end.offset ?? offset));
    return node.type !== "yaml" && node.type !== "html" && !nestedInternal && !internal.some((section) => section.start <= offset && offset < section.end);
  };
  const children = tree.children.filter(keep);
  const [first] = children;
  if (title && first?.type === "heading" && toString(first).trim().toLowerCase() === title.trim().toLowerCase()) children.shift();
  const depths = children.flatMap((node) => (node.type === "heading" ? [node.depth] : []));
  return html({ type: "root", children }, { shift: topLevel - Math.min(topLevel, ...depths), docs });
}

/**
 * `./wifi.md` → `./doc-wifi.html`. A link to a record that is not in the pack loses its
 * destination, so it keeps its text only, as rehypeUnwrapDeadLinks leaves it (the rule doc-links
 * warns of it).
 */
function linkDocs(tree: HastRoot, docs: ReadonlySet<string>): void {
  visit(tree, "element", (link: Element) => {
    if (link.tagName !== "a" || typeof link.properties.href !== "string") return;
    const target = docLinkTarget(link.properties.href);
    if (!target) return;
    if (docs.has(target.id)) link.properties.href = `./doc-${target.id}.html${target.fragment}`;
    else delete link.properties.href;
  });
}

const linkAddresses = gfmAutolinkLiteralFromMarkdown().transforms ?? [];

/**
 * A Markdown tree the toolkit built itself (the memo), through the same sanitiser. Web and e-mail
 * addresses in its text become links, as they do in a record's body; the search for them costs
 * time at every text node, so it runs only on the blocks that may hold one.
 */
export function treeHtml(tree: Root): string {
  for (const block of tree.children) {
    if (mayHoldAddress(toString(block))) for (const transform of linkAddresses) transform({ type: "root", children: [block] });
  }
  return html(tree);
}
