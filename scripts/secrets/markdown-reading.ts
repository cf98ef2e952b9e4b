import type { Nodes, Parents } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";

const parser = unified().use(remarkParse).use(remarkGfm).freeze();

/** Where markup can hide a secret from the rules: escapes, emphasis, links, HTML, entities, breaks. */
const MARKUP = /[\\*_[\]<>&`~]|\n/;

/** Nodes that end a line when read: blocks, rows, a hard break. */
const LINE_ENDS = new Set(["paragraph", "heading", "code", "html", "tableRow", "listItem", "blockquote", "break", "thematicBreak", "definition"]);

/**
 * The text of a Markdown value as a reader sees it, one line per block: what the rules must also
 * read, since markup splits what the reader sees joined. `ghp\_…` (an escape the Markdown writer
 * adds) is `ghp_…`, `**Password:** X` is `Password: X`, `Password: [X](…)` is `Password: X`, and a
 * term and its definition, or two paragraphs, are two lines. The value itself when it holds no
 * markup, which is most of an export's values: those cost no parse.
 */
export function markdownReading(markdown: string): string {
  if (!MARKUP.test(markdown)) return markdown;
  const lines: string[] = [];
  let line = "";
  const visit = (node: Nodes) => {
    if (node.type === "text" || node.type === "inlineCode" || node.type === "code" || node.type === "html") line += node.value;
    if (node.type === "tableCell" && line !== "") line += " | ";
    if ("children" in node) for (const child of (node as Parents).children) visit(child);
    if (LINE_ENDS.has(node.type)) {
      if (line.trim() !== "") lines.push(line);
      line = "";
    }
  };
  visit(parser.parse(markdown));
  if (line.trim() !== "") lines.push(line);
  return lines.join("\n");
}
