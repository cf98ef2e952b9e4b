import { sectionsFromHeadings, type Section } from "./sections.ts";

/**
 * Lines after which a line scan could misread which lines are top-level headings, so the body
 * must be parsed: a code fence (anywhere: it may hide a `#` line), an HTML block, a heading
 * indented by 1–3 spaces (top level, or nested in a list item), or an underline `===`/`---`
 * right after text (a setext heading, or not).
 */
const FENCE = /```|~~~/;
const HTML_OR_INDENTED_HEADING = /^ {0,3}<|^ {1,3}#/m;
// Markdown's blank is only spaces and tabs: a line of other white space (U+00A0) is text.
const UNDERLINE_AFTER_TEXT = /[^ \t\n][ \t]*\n {0,3}(?:=+|-+)[ \t]*$/m;
/** Heading text with inline markup, escapes or references: its plain text needs the parser. */
const INLINE_MARKUP = /[\\`*_[\]<>&~]/;
// `[^\n]`, not `.`: a heading's text may hold U+2028 or U+2029, which `.` does not match.
const ATX = /^(#{1,6})(?:[ \t]+|$)([^\n]*)$/;
const CLOSING_SEQUENCE = /(?:^|[ \t]+)#+[ \t]*$/;

/**
 * The top-level sections of a record's body, found by reading lines, or undefined when the
 * body holds anything only the Markdown parser reads correctly. Parsing Markdown costs more than
 * anything else validation does with a record, and the rules need only the headings. A line starting with `#` at column 1
 * is a top-level ATX heading unless fenced code or an HTML block holds it (a list, quote, table
 * or paragraph ends there), and both of those send the body to the parser.
 * tests/load/section-scan.test.ts compares every answer with the parser's.
 */
export function scanSections(text: string, bodyOffset: number): Section[] | undefined {
  const body = text.slice(bodyOffset);
  if (FENCE.test(body) || HTML_OR_INDENTED_HEADING.test(body) || UNDERLINE_AFTER_TEXT.test(body) || body.includes("\0")) return undefined;
  const headings: { text: string; depth: number; start: number }[] = [];
  let start = bodyOffset;
  for (const line of body.split("\n")) {
    const atx = line.startsWith("#") ? ATX.exec(line) : null;
    if (atx) {
      const content = (atx[2] as string).replace(CLOSING_SEQUENCE, "").trim();
      if (INLINE_MARKUP.test(content)) return undefined;
      headings.push({ text: content, depth: (atx[1] as string).length, start });
    }
    start += line.length + 1;
  }
  return sectionsFromHeadings(headings, text.length);
}
