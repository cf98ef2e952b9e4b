import type { Element, ElementContent, Root } from "hast";
import { fromParse5 } from "hast-util-from-parse5";
import { parseFragment, type DefaultTreeAdapterMap } from "parse5";
import rehypeRemark from "rehype-remark";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import remarkStringify from "remark-stringify";
import { unified } from "unified";

/**
 * A documentation platform's HTML (an IT Glue document, a Hudu article) as the Markdown of a
 * `docs/` record. The HTML is parsed as a browser would (parse5), then sanitised with GitHub's
 * schema before anything else sees it: scripts, styles, event handlers, `javascript:` and `data:`
 * links, iframes and forms are gone. Images go too: they point at the platform's attachments,
 * which the export does not carry, and a pack loads nothing from another host. The rest becomes
 * Markdown through mdast, so a tag can never survive as text that a later renderer would trust.
 */
const NOT_TEXT = ["script", "style", "template", "noscript", "title"];

const SCHEMA = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((tag) => tag !== "img"),
  strip: NOT_TEXT,
};

const processor = unified()
  .use(rehypeSanitize, SCHEMA)
  .use(rehypeRemark)
  .use(remarkGfm)
  .use(remarkStringify, { bullet: "-", emphasis: "_", rule: "-", fences: true, listItemIndent: "one" })
  .freeze();

/**
 * Deepest nesting converted with its structure. parse5 builds any depth, but the hast and mdast
 * utilities recurse and overflow the stack near a thousand levels; real documents nest a dozen.
 */
const MAX_DEPTH = 100;

type Parse5Node = DefaultTreeAdapterMap["node"];

/**
 * The Markdown for this HTML, ending in one newline (empty for a document with no content). A
 * document nested deeper than MAX_DEPTH (a hostile or generated one) keeps its text, one
 * paragraph per run of text, and loses its structure rather than failing the import.
 */
export function htmlToMarkdown(html: string): string {
  const fragment = parseFragment(html);
  const tree: Root = depth(fragment) > MAX_DEPTH ? textParagraphs(fragment) : (fromParse5(fragment) as Root);
  const markdown = String(processor.stringify(processor.runSync(tree))).trim();
  return markdown === "" ? "" : `${markdown}\n`;
}

function children(node: Parse5Node): Parse5Node[] {
  const content = node.nodeName === "template" ? (node as DefaultTreeAdapterMap["template"]).content : node;
  return "childNodes" in content ? content.childNodes : [];
}

/** How deep the parsed tree nests, walked without recursion. */
function depth(root: Parse5Node): number {
  let deepest = 0;
  const stack: [Parse5Node, number][] = [[root, 0]];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [node, level] = entry;
    deepest = Math.max(deepest, level);
    for (const child of children(node)) stack.push([child, level + 1]);
  }
  return deepest;
}

/** Every run of text outside scripts and styles, in document order, each as a paragraph. */
function textParagraphs(root: Parse5Node): Root {
  const paragraphs: ElementContent[] = [];
  const stack: Parse5Node[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.nodeName === "#text") {
      const text = (node as DefaultTreeAdapterMap["textNode"]).value.trim();
      if (text) paragraphs.push(paragraph(text));
    } else if (!NOT_TEXT.includes(node.nodeName)) {
      stack.push(...children(node).toReversed());
    }
  }
  return { type: "root", children: paragraphs };
}

function paragraph(text: string): Element {
  return { type: "element", tagName: "p", properties: {}, children: [{ type: "text", value: text }] };
}
