import { toMarkdown } from "mdast-util-to-markdown";
import { gfmTableToMarkdown } from "mdast-util-gfm-table";
import type { BlockContent } from "mdast";
import { list, paragraph, type Inline } from "../../render/document-tree.ts";
import type { SourceSystem } from "../export-data.ts";

/** The platforms by the names their users know them. */
export const SYSTEM_NAMES: Record<SourceSystem, string> = { itflow: "ITFlow", itglue: "IT Glue", hudu: "Hudu" };

/** A value for a one-line field: line breaks, tabs and control characters become single spaces. */
export function oneLine(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const line = text.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029\s]+/g, " ").trim();
  return line === "" ? undefined : line;
}

/** Parts of a name or model joined with spaces, or undefined when all are absent. */
export function joined(parts: readonly (string | undefined)[], separator = " "): string | undefined {
  return oneLine(parts.filter((part): part is string => part !== undefined && part.trim() !== "").join(separator));
}

/**
 * Markdown from a tree of blocks whose every value is a text node, so nothing from the export can
 * become markup: mdast-util-to-markdown escapes what would.
 */
export function markdown(blocks: readonly BlockContent[]): string {
  return blocks.length === 0 ? "" : toMarkdown({ type: "root", children: [...blocks] }, { bullet: "-", extensions: [gfmTableToMarkdown()] });
}

/** `- Label: value` for every fact the item has, as one list; none when it has none. */
export function facts(entries: readonly [string, string | undefined][]): BlockContent[] {
  const items: Inline[][] = entries.flatMap(([label, value]) => {
    const text = oneLine(value);
    return text === undefined ? [] : [[`${label}: ${text}`]];
  });
  return items.length === 0 ? [] : [list(items)];
}

/** Free text as paragraphs: a blank line starts the next, other line breaks become spaces. */
export function paragraphs(text: string | undefined): BlockContent[] {
  return (text ?? "").split(/\n[ \t]*\n/).flatMap((part) => {
    const line = oneLine(part);
    return line === undefined ? [] : [paragraph(line)];
  });
}
