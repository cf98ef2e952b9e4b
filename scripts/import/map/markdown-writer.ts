import type { BlockContent, PhrasingContent, Table } from "mdast";

/**
 * The Markdown of the few blocks the import writes (headings, paragraphs, lists and tables of plain
 * text, and fixed HTML comments), written directly: mdast-util-to-markdown takes a tenth of a
 * millisecond for each small body, the largest share of importing thousands of records. Text is
 * escaped so that it reads back as exactly itself and never as markup: every character that can
 * open or close an inline construct is backslash-escaped, as are the characters that start a
 * block at the start of a line (tests/import/markdown-writer.test.ts parses the output back).
 */
const INLINE = /[\\`*[\]<~|]|&(?=#?[a-zA-Z0-9]+;)|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu;
const BLOCK_START = /^(?:[#>+=-]|\d+(?=[.)]))/;

/** Text as Markdown: `_` between letters never starts emphasis, and `&` only starts an entity before `name;`. */
export function escapeText(text: string, lineStart: boolean): string {
  const escaped = text.replace(INLINE, "\\$&");
  return lineStart ? escaped.replace(BLOCK_START, (start) => (/^\d/.test(start) ? `${start}\\` : `\\${start}`)) : escaped;
}

function inlineText(children: readonly PhrasingContent[], lineStart: boolean): string {
  let text = "";
  for (const child of children) {
    if (child.type === "text") text += escapeText(child.value, lineStart && text === "");
    else if (child.type === "strong") text += `**${inlineText(child.children, false)}**`;
    else throw new Error(`internal: the import writes no ${child.type}`);
  }
  return text;
}

function row(cells: readonly string[], widths: readonly number[]): string {
  return `| ${cells.map((cell, index) => cell.padEnd(widths[index] as number)).join(" | ")} |`;
}

function table(node: Table): string {
  const rows = node.children.map((tableRow) => tableRow.children.map((cell) => inlineText(cell.children, false)));
  const widths = (rows[0] ?? []).map((_, column) => Math.max(3, ...rows.map((cells) => (cells[column] ?? "").length)));
  const [header = [], ...body] = rows;
  return [row(header, widths), row(widths.map((width) => "-".repeat(width)), widths), ...body.map((cells) => row(cells, widths))].join("\n");
}

function block(node: BlockContent): string {
  switch (node.type) {
    case "heading":
      // A run of `#` at the end would be read as the heading's closing sequence.
      return `${"#".repeat(node.depth)} ${inlineText(node.children, false).replace(/#+$/, (run) => `\\${run}`)}`;
    case "paragraph":
      return inlineText(node.children, true);
    case "list":
      return node.children.map((item) => `- ${item.children.map((child) => (child.type === "paragraph" ? inlineText(child.children, true) : "")).join("")}`).join("\n");
    case "table":
      return table(node);
    case "html":
      return node.value;
    default:
      throw new Error(`internal: the import writes no ${node.type}`);
  }
}

/** The blocks as Markdown, separated by blank lines, ending in a line break; empty for none. */
export function writeMarkdown(blocks: readonly BlockContent[]): string {
  return blocks.length === 0 ? "" : `${blocks.map(block).join("\n\n")}\n`;
}
