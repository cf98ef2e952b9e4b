import type { Node, Parent } from "unist";

/**
 * How deep a record's Markdown tree may nest. The rules and the pack's renderers walk trees
 * recursively, and a few kilobytes of `>` or `- ` nest deep enough to overflow the stack; no real
 * page comes near this.
 */
export const MAX_NESTING = 100;

const NESTING_MESSAGE = `quotes, lists or emphasis are nested more than ${MAX_NESTING} levels deep here; no page needs that many, and the pack could not show them; flatten this part of the page`;

/** Thrown by the Markdown parser for a tree nested deeper than MAX_NESTING, at the first node too deep. */
export class NestingTooDeep extends Error {
  readonly offset: number;
  constructor(offset: number) {
    super(NESTING_MESSAGE);
    this.name = "NestingTooDeep";
    this.offset = offset;
  }

  /** By name: the parser is loaded through require, and a test runner may give it its own copy of this module. */
  static is(error: unknown): error is NestingTooDeep {
    return error instanceof Error && error.name === "NestingTooDeep" && typeof (error as NestingTooDeep).offset === "number";
  }
}

/**
 * How far a line may start in, counting quote and list markers and indentation (a tab as four
 * columns). The parser's time grows with the cube of nesting spread over lines (400 lines, each
 * indented one list level further, take it seconds; 800, minutes), so a line past this is refused
 * before the body is parsed. It allows 50 levels of list, far beyond any page.
 */
const MAX_PREFIX_COLUMNS = 100;

const PREFIX_MESSAGE = `this line starts more than ${MAX_PREFIX_COLUMNS} columns in, behind quote or list markers and indentation; no page needs that, and reading it would take the Markdown parser minutes; flatten this part of the page`;

/**
 * A line's leading quote markers, list markers (each followed by a space or tab, so a rule drawn
 * with `-----` is not one), footnote labels (`\]` may be escaped in one) and indentation, when
 * there are 12 or more.
 */
const LONG_PREFIX = /^(?:[ \t>]|[*+-](?=[ \t])|\d{1,9}[.)](?=[ \t])|\[\^(?:\\.|[^\]\\\n])*\]:){12,}/gm;

/**
 * Runs of `*`, `_` or `~`, and `[`s, a body may hold. The parser pairs emphasis and strikethrough
 * markers, and brackets into links, in time that grows with the square of their number (`a*a*…`
 * 8,000 times takes it most of a second, 100,000 times minutes); the busiest example has about 200.
 */
const MAX_MARKERS = 2_000;

const MARKERS_MESSAGE = `this page holds more than ${MAX_MARKERS.toLocaleString("en")} runs of \`*\`, \`_\`, \`~\` or \`[\`, and reading them would take the Markdown parser minutes; split the page or use fewer of them`;

const MARKER = /[*_~]+|\[/g;

/** Inline openers (`*`, `_`, `~`) from which a body is parsed to measure its depth. */
const INLINE_OPENERS = 40;

/**
 * What a body's shape asks of the loader before anything parses it: to refuse it (where, and what
 * to tell the tech), or whether it could parse deeper than MAX_NESTING, so that it must be parsed
 * to tell. Block levels (a quote, or a list and its item) add at most two nodes each, and a line
 * opens its levels in its prefix: each takes a quote or list marker, a footnote label, or list
 * indentation of two columns, which one tab gives for two levels; an empty list item at the end
 * of the line adds one more. Emphasis and strikethrough levels each need an opening `*`, `_` or
 * `~`; a link holds no link, so links add one level. A body with no line starting with 12 such
 * prefix characters and fewer than 40 of those openers nests at most 23 block and 39 inline levels:
 * with the table, its row and cell, the link and the text, 90 nodes, under MAX_NESTING.
 * tests/load/markdown-limits.test.ts checks this against the parser.
 */
export function bodyShape(body: string): { refuse: { offset: number; message: string } } | { parse: boolean } {
  let deepLine = false;
  for (const match of body.matchAll(LONG_PREFIX)) {
    deepLine = true;
    let columns = 0;
    for (let index = 0; index < match[0].length; index += 1) {
      columns += match[0][index] === "\t" ? 4 : 1;
      if (columns > MAX_PREFIX_COLUMNS) return { refuse: { offset: match.index + index, message: PREFIX_MESSAGE } };
    }
  }
  let markers = 0;
  let openers = 0;
  MARKER.lastIndex = 0;
  for (let match = MARKER.exec(body); match; match = MARKER.exec(body)) {
    if (++markers > MAX_MARKERS) return { refuse: { offset: match.index, message: MARKERS_MESSAGE } };
    if (match[0] !== "[") openers += match[0].length;
  }
  return { parse: deepLine || openers >= INLINE_OPENERS };
}

/** The first node (in document order) deeper than `limit`, found without recursion. */
export function tooDeep(tree: Node, limit = MAX_NESTING): Node | undefined {
  const stack: [Node, number][] = [[tree, 0]];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [node, depth] = entry;
    if (depth > limit) return node;
    const children = (node as Partial<Parent>).children;
    if (children) for (let index = children.length - 1; index >= 0; index -= 1) stack.push([children[index] as Node, depth + 1]);
  }
  return undefined;
}
