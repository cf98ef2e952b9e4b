import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfmFootnote } from "micromark-extension-gfm-footnote";
import { gfmStrikethrough } from "micromark-extension-gfm-strikethrough";
import { gfmTable } from "micromark-extension-gfm-table";
import { gfmTaskListItem } from "micromark-extension-gfm-task-list-item";
import { combineExtensions } from "micromark-util-combine-extensions";
import type { Processor } from "unified";

/**
 * remark-gfm without micromark's autolink-literal tokenizer, which tries at almost every
 * character and costs more than the rest of parsing together. The bare URLs, `www.` links and
 * e-mail addresses it would find are still linked: mdast-util-gfm's autolink transform finds
 * them in the text afterwards (tests/load/body.test.ts compares the output with remark-gfm's).
 * Only an address with `_`, `*`, `~` or a backtick in it links differently, because emphasis,
 * strikethrough or code split it before the transform sees it: such text needs remark-gfm itself
 * (needsRemarkGfm).
 */
export default function remarkGfmFast(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(combineExtensions([gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem()]));
  (data.fromMarkdownExtensions ??= []).push(gfmFromMarkdown());
}

/** Text holding an address the fast variant would cut short; over-matching only costs time. */
const ADDRESS_WITH_MARKUP = /(?:\/\/|www\.|@)\S*[_*~`]|[_*~`]\S*@/i;

export function needsRemarkGfm(markdown: string): boolean {
  return ADDRESS_WITH_MARKUP.test(markdown);
}
