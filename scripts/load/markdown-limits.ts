import type { Node, Parent } from "unist";

/**
 * How deep a record's Markdown tree may nest. The rules and the pack's renderers walk trees
 * recursively, and a few kilobytes of `>` or `- ` nest deep enough to overflow the stack; no real
 * page comes near this.
 */
export const MAX_NESTING = 100;

export const NESTING_MESSAGE = `quotes, lists or emphasis are nested more than ${MAX_NESTING} levels deep here; no page needs that many, and the pack could not show them; flatten this part of the page`;

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
export const MAX_PREFIX_COLUMNS = 100;

const PREFIX_MESSAGE = `this line starts more than ${MAX_PREFIX_COLUMNS} columns in, behind quote or list markers and indentation; no page needs that, and reading it would take the Markdown parser minutes; flatten this part of the page`;

/**
 * A line's leading quote markers, list markers (each followed by a space or tab, so a rule drawn
 * with `-----` is not one), footnote labels and indentation, when there are 12 or more.
 */
const LONG_PREFIX = /^(?:[ \t>]|[*+-](?=[ \t])|\d{1,9}[.)](?=[ \t])|\[\^[^\]\n]*\]:){12,}/gm;

/**
 * Runs of `*`, `_` or `~` a body may hold. The parser pairs emphasis and strikethrough markers in
 * time that grows with the square of their runs (`a*a*a*…`: 8,000 runs take it most of a second,
 * 100,000 minutes); the busiest example page has about a hundred.
 */
export const MAX_MARKER_RUNS = 2_000;

const MARKER_RUN = /[*_~]+/g;

/**
 * Where a body breaks a limit that must be checked before it is parsed, and what to tell the tech;
 * only a body mayNestTooDeeply sends to the parser can break one.
 */
export function limitBrokenBeforeParse(body: string): { offset: number; message: string } | undefined {
  const prefix = prefixTooLongAt(body);
  if (prefix !== undefined) return { offset: prefix, message: PREFIX_MESSAGE };
  MARKER_RUN.lastIndex = 0;
  let runs = 0;
  for (const match of body.matchAll(MARKER_RUN)) {
    if (++runs > MAX_MARKER_RUNS) {
      return { offset: match.index, message: `this page holds more than ${MAX_MARKER_RUNS.toLocaleString("en")} runs of \`*\`, \`_\` or \`~\`, and reading them would take the Markdown parser minutes; split the page or use fewer of them` };
    }
  }
  return undefined;
}

/** Offset in `body` of the first character past MAX_PREFIX_COLUMNS in a line's prefix, if any line has one. */
function prefixTooLongAt(body: string): number | undefined {
  LONG_PREFIX.lastIndex = 0;
  for (const match of body.matchAll(LONG_PREFIX)) {
    let columns = 0;
    for (let index = 0; index < match[0].length; index += 1) {
      columns += match[0][index] === "\t" ? 4 : 1;
      if (columns > MAX_PREFIX_COLUMNS) return match.index + index;
    }
  }
  return undefined;
}

/**
 * Whether a body could parse deeper than MAX_NESTING, so that it must be parsed to tell. Block
 * levels (a quote, or a list and its item) add at most two nodes each, and a line opens all of its
 * levels in its prefix: each takes a quote or list marker, a footnote label, or list indentation of
 * two columns, which one tab gives for two levels. Inline levels (emphasis, links, strikethrough)
 * each need an opening `*`, `_`, `[` or `~`. A body with no line starting with 12 such prefix
 * characters and fewer than 40 inline openers nests at most 22 block and 39 inline levels, under
 * MAX_NESTING nodes with the paragraph or table cell and the text between them.
 * tests/load/markdown-limits.test.ts checks this against the parser.
 */
export function mayNestTooDeeply(body: string): boolean {
  LONG_PREFIX.lastIndex = 0;
  return LONG_PREFIX.test(body) || inlineOpenersReach(body, INLINE_OPENERS);
}

const INLINE_OPENER = /[*_[~]/g;
const INLINE_OPENERS = 40;

function inlineOpenersReach(body: string, limit: number): boolean {
  INLINE_OPENER.lastIndex = 0;
  for (let count = 0; INLINE_OPENER.test(body); ) if (++count >= limit) return true;
  return false;
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
