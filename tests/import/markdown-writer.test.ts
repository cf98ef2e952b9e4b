import type { Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import { describe, expect, it } from "vitest";
import { writeMarkdown } from "../../scripts/import/map/markdown-writer.ts";
import { parseMarkdown } from "../../scripts/load/markdown-parser.ts";
import { heading, list, paragraph, table } from "../../scripts/render/document-tree.ts";
import { createRng } from "../../bench/generate.ts";

/** Text that tries every construct: emphasis, code, links, images, HTML, entities, tables, block starts. */
const HOSTILE = [
  "*bold* and **strong** and _em_ and __strong__",
  "snake_case_name and svc_backup and __init__",
  "`code` and ``double``",
  "[link](https://evil.example) and ![img](x.png) and [ref]",
  "<script>alert(1)</script> <b onclick=x>",
  "AT&T &amp; &#x41; &copy; R&D",
  "a | b | c",
  "~~struck~~ and ~single~",
  "# not a heading",
  "- not a list",
  "+ not a list",
  "> not a quote",
  "1. not a list",
  "2) not a list",
  "=== not a setext",
  "--- not a rule",
  "C#",
  "trailing backslash \\",
  "\\*escaped already\\*",
  "https://portal.example/login?x=1&y=2",
  "jane.doe@acme-dental.example",
  "Café — 日本語 — 🔥",
];

/** Nodes that would mean the text became markup. */
const MARKUP = new Set(["emphasis", "strong", "inlineCode", "html", "image", "delete", "linkReference", "imageReference", "blockquote", "code", "thematicBreak"]);

function kinds(node: Root | RootContent): string[] {
  return [node.type, ...("children" in node ? node.children.flatMap(kinds) : [])];
}

function randomText(random: { next(): number }): string {
  const alphabet = "ab _*`[]()<>!&#;|~\\-+=.:1 /é日\t";
  return Array.from({ length: 1 + Math.floor(random.next() * 24) }, () => alphabet[Math.floor(random.next() * alphabet.length)]).join("").trim() || "x";
}

describe("the import's Markdown writer", () => {
  const random = createRng(7);
  const texts = [...HOSTILE, ...Array.from({ length: 400 }, () => randomText(random))];

  it.each(["paragraph", "heading", "list", "table"] as const)("writes every text in a %s so that it reads back as exactly that text, never as markup", (shape) => {
    for (const text of texts) {
      const value = text.replace(/\s+/g, " ");
      const block = shape === "paragraph" ? paragraph(value) : shape === "heading" ? heading(2, value) : shape === "list" ? list([[value]]) : table([["Name", "Notes"], [value, value]]);
      const markdown = writeMarkdown([block]);
      const tree = parseMarkdown(markdown, markdown);
      expect(kinds(tree).filter((kind) => MARKUP.has(kind)), `${shape}: ${JSON.stringify(value)} → ${JSON.stringify(markdown)}`).toEqual([]);
      expect(tree.children.map((child) => child.type), JSON.stringify(markdown)).toEqual([shape]);
      const read = shape === "table" ? toString((tree.children[0] as { children: RootContent[] }).children[1] as RootContent) : toString(tree);
      expect(read.trim(), JSON.stringify(markdown)).toBe(shape === "table" ? `${value}${value}`.trim() : value.trim());
    }
  });

  it("leaves ordinary text readable: no escapes inside words or addresses", () => {
    expect(writeMarkdown([paragraph("Harbor & Finch: svc_backup on hf-dc01 (10.0.0.1), jane@acme.example")])).toBe("Harbor & Finch: svc_backup on hf-dc01 (10.0.0.1), jane@acme.example\n");
  });

  it("pads table columns to line up", () => {
    expect(writeMarkdown([table([["Name", "Phone"], ["Jane Doe", "+1 555 0100"], ["Al", ""]])])).toBe("| Name     | Phone       |\n| -------- | ----------- |\n| Jane Doe | +1 555 0100 |\n| Al       |             |\n");
  });
});
