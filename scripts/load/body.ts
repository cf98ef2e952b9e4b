import type { Heading, Root } from "mdast";
import { toString } from "mdast-util-to-string";
import { createRequire } from "node:module";
import { visit } from "unist-util-visit";
import { isInternalHeading, sectionsFromHeadings, type Section } from "./sections.ts";

export interface Body {
  /** The mdast tree of the whole file, so every position is a position in the file. */
  tree: Root;
  sections: Section[];
  /** Offsets of Internal headings inside a list or quote, where they cannot hide a section. */
  nestedInternal: number[];
}

/**
 * The Markdown parser is about 200 modules, loaded on first use: validation rarely parses a body
 * (sections are found by scanning lines), and every worker thread would pay for loading it.
 */
let markdownParser: typeof import("./markdown-parser.ts") | undefined;
function parser(): typeof import("./markdown-parser.ts") {
  markdownParser ??= createRequire(import.meta.url)("./markdown-parser.ts") as typeof import("./markdown-parser.ts");
  return markdownParser;
}

/**
 * A line that could belong to a heading nested in a list, quote or footnote: an ATX heading's line
 * starts with indentation, a quote or list marker, or `[^`, and holds `#`; a setext heading's
 * underline is indented or quoted. Any nested heading counts, whatever its text: inline markup or
 * a character reference can spell `Internal` (`Inter*nal*`, `&#73;nternal`). A heading whose line
 * starts at column 1 is never nested (a list item's content is indented, and neither kind of
 * heading continues a quote lazily). Both the internal-heading rule and the pack's renderer rely
 * on this: tests/pack/markdown-html.test.ts plants such headings spelt every way.
 */
const MAYBE_NESTED_HEADING = /^(?:[ \t>*+\-\d]|\[\^)[^\n#]*#|^[ \t>]+(?:=+|-+)[ \t]*$/m;

export function mayHoldNestedHeading(body: string): boolean {
  return MAYBE_NESTED_HEADING.test(body);
}

/** `bodyOffset`: where the frontmatter ends; only the body decides which GFM constructs to look for. */
export function parseBody(text: string, bodyOffset = 0): Body {
  const body = text.slice(bodyOffset);
  const tree = bodyOffset > 0 ? parser().parseRecordMarkdown(text, bodyOffset) : parser().parseMarkdown(text, body);
  const nestedInternal: number[] = [];
  // Searching every nested node for headings costs time; most bodies cannot hold one.
  for (const node of mayHoldNestedHeading(body) ? tree.children : []) {
    if (node.type === "heading" || !("children" in node)) continue;
    visit(node, "heading", (heading: Heading) => {
      if (isInternalHeading(toString(heading))) nestedInternal.push(heading.position?.start.offset ?? 0);
    });
  }
  return { tree, sections: sectionsOf(tree, text.length), nestedInternal };
}

function sectionsOf(tree: Root, length: number): Section[] {
  const headings = tree.children.filter((node): node is Heading => node.type === "heading");
  return sectionsFromHeadings(
    headings.map((heading) => ({ text: toString(heading), depth: heading.depth, start: heading.position?.start.offset ?? 0 })),
    length,
  );
}
