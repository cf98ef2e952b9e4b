import type { Heading, Root } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkGfmFast, { needsRemarkGfm } from "./remark-gfm-fast.ts";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";

/** A heading and everything under it up to the next heading of the same or a higher level. */
export interface Section {
  heading: string;
  depth: number;
  /** Offsets in the source text: the heading's start and the section's end. */
  start: number;
  end: number;
  /** Under a heading `Internal` or `Internal: …`, or nested inside such a section. */
  internal: boolean;
}

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

/** `Internal`, `Internal: billing`, `Internal notes`, `Internal (pricing)`: any heading that starts with the word. */
export function isInternalHeading(text: string): boolean {
  return /^internal\b/i.test(text.trim());
}

function sectionsOf(tree: Root, length: number): Section[] {
  const headings = tree.children.filter((node): node is Heading => node.type === "heading");
  const sections: Section[] = headings.map((heading, index) => {
    const next = headings.slice(index + 1).find((later) => later.depth <= heading.depth);
    return {
      heading: toString(heading).trim(),
      depth: heading.depth,
      start: heading.position?.start.offset ?? 0,
      end: next?.position?.start.offset ?? length,
      internal: isInternalHeading(toString(heading)),
    };
  });
  for (const section of sections) {
    section.internal ||= sections.some((outer) => outer.internal && outer.start < section.start && section.end <= outer.end);
  }
  return sections;
}
