import type { Heading, List, Paragraph, PhrasingContent, Root, Table } from "mdast";
import { gfmStrikethroughToMarkdown } from "mdast-util-gfm-strikethrough";
import { gfmTableToMarkdown } from "mdast-util-gfm-table";
import { toMarkdown } from "mdast-util-to-markdown";

/**
 * The documents the toolkit writes (the memo, the forms the client signs) are built as Markdown
 * trees, not as text: a record's value is always a text node, so nothing a tech wrote can become
 * markup, and the pack renders the tree without parsing it again. A string is text; `{ strong }`
 * is bold text.
 */
export type Inline = string | { strong: string };

/** A record's value on one line, as the sentence around it reads. */
export const value = (text: string) => text.replace(/\s+/g, " ");

/** A label inside a sentence. */
export const lower = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);

/** A person as one line: name (role), phone, e-mail. */
export function contact(person: { name: string; role?: string; phone?: string; email?: string }): string {
  return [value(person.name) + (person.role ? ` (${value(person.role)})` : ""), person.phone ? value(person.phone) : "", person.email ? value(person.email) : ""]
    .filter(Boolean)
    .join(", ");
}

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

/** A table of text cells, the first row its header. */
export const table = (rows: readonly (readonly string[])[]): Table => ({
  type: "table",
  children: rows.map((cells) => ({ type: "tableRow", children: cells.map((cell) => ({ type: "tableCell", children: cell ? [{ type: "text", value: cell }] : [] })) })),
});

/**
 * A tree as Markdown, ready to send: `-` lists, `**` bold, a line break as two spaces. With
 * GitHub's table and strikethrough syntax known, `|` and `~` in a value are escaped too, so no
 * reader that understands them (GitHub, a mail client) turns two values into a table.
 */
export function treeMarkdown(tree: Root): string {
  return toMarkdown(tree, { bullet: "-", strong: "*", rule: "-", handlers: { break: () => "  \n" }, extensions: [gfmTableToMarkdown(), gfmStrikethroughToMarkdown()] });
}
