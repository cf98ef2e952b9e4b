import { gfmAutolinkLiteralFromMarkdown } from "mdast-util-gfm-autolink-literal";
import { gfmFootnoteFromMarkdown } from "mdast-util-gfm-footnote";
import { gfmStrikethroughFromMarkdown } from "mdast-util-gfm-strikethrough";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTaskListItemFromMarkdown } from "mdast-util-gfm-task-list-item";
import { gfmFootnote } from "micromark-extension-gfm-footnote";
import { gfmStrikethrough } from "micromark-extension-gfm-strikethrough";
import { gfmTable } from "micromark-extension-gfm-table";
import { gfmTaskListItem } from "micromark-extension-gfm-task-list-item";
import { combineExtensions } from "micromark-util-combine-extensions";
import type { Processor } from "unified";
import { mayHoldAddress } from "./addresses.ts";

/**
 * GitHub's extensions to Markdown, in remark-gfm's order, each with the text it needs: without
 * it the construct cannot occur, and checking every character for it costs time. Together they
 * make parsing about 70% slower, and most records use none of them.
 */
const CONSTRUCTS: {
  mayOccur(markdown: string): boolean;
  micromark?: () => ReturnType<typeof gfmTable>;
  mdast: () => ReturnType<typeof gfmTableFromMarkdown>;
}[] = [
  // micromark's autolink-literal tokenizer tries at almost every character and costs more than
  // the rest of parsing together. The addresses it would find are linked anyway: the mdast
  // transform finds them in the text afterwards.
  { mayOccur: mayHoldAddress, mdast: gfmAutolinkLiteralFromMarkdown },
  { mayOccur: (markdown) => markdown.includes("[^"), micromark: gfmFootnote, mdast: gfmFootnoteFromMarkdown },
  { mayOccur: (markdown) => markdown.includes("~"), micromark: gfmStrikethrough, mdast: gfmStrikethroughFromMarkdown },
  { mayOccur: (markdown) => markdown.includes("|"), micromark: gfmTable, mdast: gfmTableFromMarkdown },
  { mayOccur: (markdown) => markdown.includes("["), micromark: gfmTaskListItem, mdast: gfmTaskListItemFromMarkdown },
];

/** The GFM constructs `markdown` may hold, as a bit set for remarkGfmSubset. */
export function gfmConstructsIn(markdown: string): number {
  return CONSTRUCTS.reduce((set, construct, index) => (construct.mayOccur(markdown) ? set | (1 << index) : set), 0);
}

/**
 * remark-gfm limited to the constructs in `set` (from gfmConstructsIn). For a text with none of
 * the others it gives remark-gfm's tree, unless an address in it needs remark-gfm's own tokenizer
 * (needsRemarkGfm); tests/load/body.test.ts compares the two over generated documents.
 */
export function remarkGfmSubset(set: number) {
  const chosen = CONSTRUCTS.filter((_, index) => set & (1 << index));
  return function remarkGfmSubsetPlugin(this: Processor): void {
    const data = this.data();
    (data.micromarkExtensions ??= []).push(combineExtensions(chosen.flatMap((construct) => (construct.micromark ? [construct.micromark()] : []))));
    (data.fromMarkdownExtensions ??= []).push(chosen.map((construct) => construct.mdast()));
  };
}

/**
 * Text holding an address the subset may link differently, so it needs remark-gfm itself: one
 * followed, with no space between, by emphasis, strikethrough or code characters, a backslash, a
 * character reference, a link, image or tag, or a space that is not ASCII (all of these split the
 * text before the autolink transform sees it); one preceded by such characters; or a `mailto:` or
 * `xmpp:` address. Over-matching only costs time.
 */
const ADDRESS_START_OR_AT = /\/\/|www\.|@/gi;
/** The first character after an address start that splits the text, or the end of its run. */
const SPLITTER_OR_BREAK = /[ \t\n_*~`\\&[!<\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
const MARKER = /[_*~`]/g;
const AT_OR_SPACE = /[\s@]/g;
const PROTOCOL = /(?:mailto|xmpp):/i;

/**
 * Whether a match of `start` is followed, in the same run of characters, by a character `end` finds
 * and `hit` accepts; `end` finds those characters and the run's breaks. Linear, where one regular
 * expression would retry every start to the end of its run (quadratic on a long run of `*`): after
 * a miss the search goes on past the break, as a later start in the same run sees only less of it.
 */
function followedInRun(text: string, start: RegExp, end: RegExp, hit: (char: string) => boolean): boolean {
  start.lastIndex = 0;
  for (let match = start.exec(text); match; match = start.exec(text)) {
    end.lastIndex = start.lastIndex;
    const found = end.exec(text);
    if (!found) return false;
    if (hit(found[0])) return true;
    start.lastIndex = found.index + 1;
  }
  return false;
}

const isSplitter = (char: string) => char !== " " && char !== "\t" && char !== "\n";

export function needsRemarkGfm(markdown: string): boolean {
  return (
    PROTOCOL.test(markdown) ||
    followedInRun(markdown, ADDRESS_START_OR_AT, SPLITTER_OR_BREAK, isSplitter) ||
    followedInRun(markdown, MARKER, AT_OR_SPACE, (char) => char === "@")
  );
}
