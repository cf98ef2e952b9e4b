import type { Heading, List, Paragraph, PhrasingContent, Table } from "mdast";

/** Text, or text in bold: the inline parts a generated sentence is made of. */
export type Inline = string | { strong: string };

export function inline(parts: readonly Inline[]): PhrasingContent[] {
  return parts.map((part) => (typeof part === "string" ? { type: "text", value: part } : { type: "strong", children: [{ type: "text", value: part.strong }] }));
}

export const heading = (depth: 1 | 2, text: string): Heading => ({ type: "heading", depth, children: [{ type: "text", value: text }] });

export const paragraph = (...parts: Inline[]): Paragraph => ({ type: "paragraph", children: inline(parts) });

export const list = (items: readonly Inline[][]): List => ({
  type: "list",
  ordered: false,
  spread: false,
  children: items.map((parts) => ({ type: "listItem", spread: false, children: [paragraph(...parts)] })),
});

/** A table of plain text: a header row, then one row per item; every cell on one line. */
export const table = (header: readonly string[], rows: readonly (readonly string[])[]): Table => ({
  type: "table",
  align: header.map(() => null),
  children: [header, ...rows].map((cells) => ({
    type: "tableRow",
    children: cells.map((cell) => ({ type: "tableCell", children: [{ type: "text", value: cell.replace(/\s+/g, " ").trim() }] })),
  })),
});
