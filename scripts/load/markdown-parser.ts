import type { Root } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified, type Processor } from "unified";
import { visit } from "unist-util-visit";
import { NestingTooDeep, tooDeep } from "./markdown-limits.ts";
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
  return shallow(parserFor(body).parse(text), 0);
}

/** The tree, or NestingTooDeep at its first node too deep (`shift` moves its offset into the file). */
function shallow(tree: Root, shift: number): Root {
  const deep = tooDeep(tree);
  if (deep) throw new NestingTooDeep((deep.position?.start.offset ?? 0) + shift);
  return tree;
}

/** An empty frontmatter block, parsed in place of a record's own. */
const EMPTY_FRONTMATTER = "---\n---\n";

/**
 * The mdast tree of a record file whose YAML frontmatter ends at `bodyOffset`, the same as
 * parseMarkdown's, without tokenizing the YAML again (about a quarter of parsing a record; gray-matter
 * and the schema rules have read it already). The body is parsed behind an empty frontmatter block,
 * which leaves the parser in the same state at the body's first line as the record's own block does;
 * every position is then moved to where it is in the file, and the `yaml` node is given the
 * record's. tests/load/body.test.ts compares the two parses over generated records.
 */
export function parseRecordMarkdown(text: string, bodyOffset: number): Root {
  const body = text.slice(bodyOffset);
  const offsets = bodyOffset - EMPTY_FRONTMATTER.length;
  const tree = shallow(parserFor(body).parse(EMPTY_FRONTMATTER + body), offsets);
  // The closing fence: the body starts on the line after it, or the file ends with it.
  const fence = text.charCodeAt(bodyOffset - 1) === 10 ? bodyOffset - 4 : bodyOffset - 3;
  const fenceLine = lineOf(text, fence);
  const lines = fenceLine - 2;
  const [yaml] = tree.children;
  visit(tree, (node) => {
    if (node === tree || node === yaml || !node.position) return;
    for (const point of [node.position.start, node.position.end]) {
      point.line += lines;
      if (point.offset !== undefined) point.offset += offsets;
    }
  });
  if (yaml?.type === "yaml") {
    yaml.value = text.slice(4, Math.max(4, fence - 1));
    yaml.position = { start: { line: 1, column: 1, offset: 0 }, end: { line: fenceLine, column: 4, offset: fence + 3 } };
  }
  tree.position = { start: { line: 1, column: 1, offset: 0 }, end: { line: lineOf(text, text.length), column: text.length - text.lastIndexOf("\n"), offset: text.length } };
  return tree;
}

/** The 1-based line of `offset` in `text`. */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf("\n"); at !== -1 && at < offset; at = text.indexOf("\n", at + 1)) line += 1;
  return line;
}
