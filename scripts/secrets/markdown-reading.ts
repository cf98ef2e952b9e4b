import type { Nodes, Parents, Table } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";

const parser = unified().use(remarkParse).use(remarkGfm).freeze();

/**
 * Markup that can hide a secret from the rules reading the value as it is: escapes (`ghp\_…`),
 * links, HTML and entities, tables. Emphasis, code spans, list markers and blank lines between a
 * keyword and its value the rules read through themselves (credential-phrases.ts), so a value
 * with none of these is not parsed: most of an export's values, and the import's own bodies.
 */
const MARKUP = /[\\[<&|]/;

/** Nodes that end a line when read: blocks, rows, a hard break. */
const LINE_ENDS = new Set(["paragraph", "heading", "code", "listItem", "blockquote", "break", "thematicBreak", "definition"]);

/**
 * The text of a Markdown value as a reader sees it, one line per block: what the rules must also
 * read, since markup splits what the reader sees joined. `ghp\_…` (an escape the Markdown writer
 * adds) is `ghp_…`, `**Password:** X` is `Password: X`, `Password: [X](…)` is `Password: X`, and a
 * term and its definition, or two paragraphs, are two lines. The value itself when it holds no
 * markup that could hide one (MARKUP): those cost no parse.
 */
export function markdownReading(markdown: string): string {
  if (!MARKUP.test(markdown)) return markdown;
  const lines: string[] = [];
  let line = "";
  const visit = (node: Nodes, block: boolean) => {
    if (node.type === "table") {
      lines.push(...tableReading(node));
      return;
    }
    if (node.type === "text" || node.type === "inlineCode" || node.type === "code" || node.type === "html") line += node.value;
    if ("children" in node) for (const child of (node as Parents).children) visit(child, node.type === "root");
    // HTML ends a line where it is a block of its own, not inside a paragraph (`a <b>x</b>`).
    if (LINE_ENDS.has(node.type) || (node.type === "html" && block)) {
      if (line.trim() !== "") lines.push(line);
      line = "";
    }
  };
  visit(parser.parse(markdown), true);
  if (line.trim() !== "") lines.push(line);
  return lines.join("\n");
}

/** The text of inline content, markup gone. */
function inlineText(node: Nodes): string {
  if (node.type === "text" || node.type === "inlineCode" || node.type === "html") return node.value;
  return "children" in node ? (node as Parents).children.map((child) => inlineText(child)).join("") : "";
}

/**
 * A table read back as a plain Markdown table, its first row with any text the header: an HTML
 * table with no `<th>` becomes one whose header row is empty and whose real header (`Device |
 * User | Password`) is its first body row, which the `Password` column rule would not see.
 */
function tableReading(table: Table): string[] {
  const rows = table.children.map((row) => row.children.map((cell) => inlineText(cell).trim())).filter((cells) => cells.some((cell) => cell !== ""));
  const [header, ...body] = rows;
  if (!header) return [];
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...body.map(line)];
}
