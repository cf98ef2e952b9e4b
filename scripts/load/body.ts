import type { Heading, Root } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkGfmFast, { needsRemarkGfm } from "./remark-gfm-fast.ts";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { isInternalHeading, sectionsFromHeadings, type Section } from "./sections.ts";

export interface Body {
  /** The mdast tree of the whole file, so every position is a position in the file. */
  tree: Root;
  sections: Section[];
  /** Offsets of Internal headings inside a list or quote, where they cannot hide a section. */
  nestedInternal: number[];
}

/** GitHub-flavoured, as techs write it in pull requests: tables, task lists, autolinks. */
const fast = unified().use(remarkParse).use(remarkFrontmatter, ["yaml"]).use(remarkGfmFast).freeze();
const full = unified().use(remarkParse).use(remarkFrontmatter, ["yaml"]).use(remarkGfm).freeze();

export function parseBody(text: string): Body {
  const tree = (needsRemarkGfm(text) ? full : fast).parse(text);
  const nestedInternal: number[] = [];
  for (const node of tree.children) {
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
