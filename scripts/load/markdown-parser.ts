import type { Root } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified, type Processor } from "unified";
import { gfmConstructsIn, needsRemarkGfm, remarkGfmSubset } from "./remark-gfm-fast.ts";

/** GitHub-flavoured, as techs write it in pull requests: tables, task lists, autolinks. */
const full = unified().use(remarkParse).use(remarkFrontmatter, ["yaml"]).use(remarkGfm).freeze();
/** Parsers with only the GFM constructs a text may hold, by gfmConstructsIn's bit set. */
const subsets = new Map<number, Processor<Root>>();

function parserFor(body: string): Processor<Root> {
  if (needsRemarkGfm(body)) return full;
  const set = gfmConstructsIn(body);
  let parser = subsets.get(set);
  if (!parser) {
    parser = unified().use(remarkParse).use(remarkFrontmatter, ["yaml"]).use(remarkGfmSubset(set)).freeze();
    subsets.set(set, parser);
  }
  return parser;
}

/** The mdast tree of a whole record file; only its body (`body`, the text after the frontmatter) decides which GFM constructs to look for. */
export function parseMarkdown(text: string, body: string): Root {
  return parserFor(body).parse(text);
}
