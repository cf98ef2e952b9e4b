import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { parseBody } from "../../scripts/load/body.ts";
import { parseFrontmatter } from "../../scripts/load/frontmatter.ts";
import { parseMarkdown, parseRecordMarkdown } from "../../scripts/load/markdown-parser.ts";
import { randomDocuments } from "../helpers/random-documents.ts";
import { isInternalHeading } from "../../scripts/load/sections.ts";
import { gfmConstructsIn, needsRemarkGfm, remarkGfmSubset } from "../../scripts/load/remark-gfm-fast.ts";

describe("parseBody", () => {
  it("finds sections with file offsets and marks internal ones, nested included", () => {
    const text = "---\na: 1\n---\n# Backup\nText\n## Internal: billing\nDispute\n### Detail\nMore\n## How to restore\nSteps\n";
    const { sections } = parseBody(text);
    expect(sections.map(({ heading, internal }) => [heading, internal])).toEqual([
      ["Backup", false],
      ["Internal: billing", true],
      ["Detail", true],
      ["How to restore", false],
    ]);
    const internal = sections[1]!;
    expect(text.slice(internal.start, internal.end)).toBe("## Internal: billing\nDispute\n### Detail\nMore\n");
  });

  it("keeps HTML and script as raw nodes for the renderer to sanitise, not executed or dropped", () => {
    const { tree } = parseBody("---\na: 1\n---\n<script>alert(1)</script>\n\n[x](javascript:alert(1))\n");
    expect(tree.children.map((node) => node.type)).toEqual(["yaml", "html", "paragraph"]);
  });
});

describe("isInternalHeading", () => {
  it.each([
    ["Internal", true],
    ["internal", true],
    ["Internal: billing dispute", true],
    ["Internal notes", true],
    ["Internal (pricing)", true],
    ["Internals of the network", false],
    ["Internet line", false],
  ])("%s → %s", (text, expected) => expect(isInternalHeading(text)).toBe(expected));
});

describe("remarkGfmSubset", () => {
  const html = (plugin: "subset" | typeof remarkGfm, markdown: string) =>
    String(
      unified()
        .use(remarkParse)
        .use(plugin === "subset" ? remarkGfmSubset(gfmConstructsIn(markdown)) : plugin)
        .use(remarkRehype)
        .use(rehypeStringify)
        .processSync(markdown),
    );
  /** What parseBody's tree renders to, frontmatter left out. */
  const recordHtml = (text: string) => {
    const toHtml = unified().use(remarkRehype).use(rehypeStringify);
    const { tree } = parseBody(text);
    return String(toHtml.stringify(toHtml.runSync({ ...tree, children: tree.children.filter((node) => node.type !== "yaml") })));
  };

  it.each([
    "Portal: https://portal.example.com/login?x=1, then call the desk.",
    "Visit www.commonmark.org/help for more information.",
    "(www.google.com/search?q=Markup+(business))",
    "Mail support@msp.example or it.desk+urgent@lakeside.example.",
    "**www.example.com** and _https://example.com/a_ and ~~gone~~ text",
    "`https://not-a-link.example` and [named](https://x.example) https://y.example",
    "| system | where |\n| - | - |\n| Portal | https://t.example |\n| Desk | help@desk.example |",
    "- [x] done\n- [ ] open www.todo.example\n",
    "A note.[^1]\n\n[^1]: See https://footnote.example.\n",
  ])("links and GitHub extensions exactly as remark-gfm does: %s", (markdown) => {
    expect(html("subset", markdown)).toBe(html(remarkGfm, markdown));
  });

  it.each([
    "Portal: https://example.com/_private_/x",
    "www.example.com/*a*b",
    "https://example.com/a~~b~~c",
    "https://b.com/`c`",
    "Mail *it*desk@lakeside.example",
    "xmpp:desk@chat.example",
    "Write to mailto:desk@msp.example",
    "https://example.com/[a](b)",
    "www.a.example[link](u)",
    "www.example.com/a![b](c)",
    "https://x.example/[^1]\n\n[^1]: n",
    "https://a.example/x&lt;y",
    "https://ex.example/path&nbsp;more",
    "www.a.example/&#95;x",
    "foo@bar.example&#46;com",
    "desk@msp.example\\.com",
    "x https://a.example/b\\\nc",
    "https://a.example/\u00a0x pasted from a chat",
  ])("leaves an address that markup, a reference, a link or a wide space splits, or a mailto: or xmpp: one, to remark-gfm: %j", (markdown) => {
    expect(needsRemarkGfm(markdown)).toBe(true);
    expect(recordHtml(`---\na: 1\n---\n${markdown}\n`)).toBe(html(remarkGfm, markdown));
  });

  it("decides as the one-expression definition does, in time linear in the text", () => {
    // The definition, which retries every start to the end of its run: quadratic on a long run of `*`.
    const definition = /(?:\/\/|www\.|@)[^ \t\n]*[_*~`\\&[!<\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]|[_*~`]\S*@|(?:mailto|xmpp):/i;
    const atoms = ["/", "//", "www.", "WwW.", "w", ".", "@", "*", "_", "~", "`", "\\", "&", "[", "!", "<", " ", "\t", "\n", "\u00a0", "\u2003", "\u2028", "\r", "a", "mailto:", "XMPP:", ":", "http://", "x@y.z"];
    let state = 5;
    const random = (below: number) => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return Math.floor((state / 2147483648) * below);
    };
    let needed = 0;
    for (let index = 0; index < 30_000; index += 1) {
      const text = Array.from({ length: 1 + random(12) }, () => atoms[random(atoms.length)]).join("");
      expect(needsRemarkGfm(text), JSON.stringify(text)).toBe(definition.test(text));
      if (definition.test(text)) needed += 1;
    }
    expect(needed).toBeGreaterThan(10_000);
    expect(needsRemarkGfm(`https://x.example/${"*".repeat(250_000)}`)).toBe(true);
    expect(needsRemarkGfm(`${"*".repeat(250_000)} @`)).toBe(false);
  });

  it("renders thousands of generated documents exactly as remark-gfm does, whichever constructs each holds", () => {
    const lines = [
      "Plain prose, nothing special.", "", "", "# Heading", "- item", "  - nested", "1. step", "> quote",
      "| a | b |", "| - | :-: |", "| 1 | 2 |", "a | b", "--- | ---", "|", "text | with pipe",
      "- [ ] open", "- [x] done", "* [X] caps", "[ ] not in a list", "[link](https://x.example)", "[ref]", "[ref]: https://r.example",
      "Note.[^1]", "[^1]: The footnote.", "[^note]:", "    indented footnote text", "^ caret [^ alone",
      "~~struck~~", "~one~", "~~~", "code", "~~~", "```", "a ~ b ~~ c",
      "https://portal.example.com/a?b=1", "www.example.com", "WWW.EXAMPLE.COM/x", "HTTP://CAPS.example", "mail desk@msp.example",
      "mailto:a@b.example", "xmpp:a@b.example", "user@host", "@handle", "www.", "http://", "trailing www.x.org.",
      "<span>html</span>", "&amp; entity", "\| escaped pipe", "`| code |`", "**bold** _em_",
    ];
    let documents = 0;
    for (const markdown of randomDocuments(lines, 3000, 11)) {
      if (needsRemarkGfm(markdown)) continue;
      documents += 1;
      expect(recordHtml(`---\na: 1\n---\n${markdown}`), JSON.stringify(markdown)).toBe(html(remarkGfm, markdown));
    }
    expect(documents).toBeGreaterThan(2000);
  }, 120_000);

  it("renders every shipped example record exactly as remark-gfm does", () => {
    const examples = fileURLToPath(new URL("../../clients/", import.meta.url));
    const files = (readdirSync(examples, { recursive: true }) as string[]).filter((file) => file.endsWith(".md"));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const markdown = readFileSync(join(examples, file), "utf8");
      expect(html("subset", markdown), file).toBe(html(remarkGfm, markdown));
    }
  });

  it("parses a record's body behind an empty frontmatter block into exactly the tree of the whole file, positions included", () => {
    const frontmatters = [
      "---\n---\n",
      "---\nsystem: Backup\n---\n",
      "---\ntitle: Notes\nnotes: |\n  # not a heading\n  - not a list\n  [ref]: https://not.example\n  ```\nlast: 2026-11-01\n---\n",
    ];
    const lines = [
      "# Heading", "## How to restore", "## Internal", "Setext", "===", "---", "***", "", "", "Plain prose.", "- item", "  - nested",
      "1. step", "> quote", "> ## quoted", "    indented code", "```", "~~~", "<div>", "</div>", "<!-- note -->", "<script>x</script>",
      "| a | b |", "| - | - |", "| 1 | 2 |", "[ref]", "[ref]: https://r.example", "Note.[^1]", "[^1]: The footnote.", "~~struck~~",
      "- [ ] open", "https://portal.example.com/a", "desk@msp.example", "**bold** _em_", "&amp; entity", "line ending in two spaces  ",
    ];
    let records = 0;
    for (const body of randomDocuments(lines, 1500, 13)) {
      for (const frontmatter of frontmatters) {
        const text = frontmatter + body;
        const { bodyOffset } = parseFrontmatter(text);
        records += 1;
        expect(parseRecordMarkdown(text, bodyOffset), JSON.stringify(text)).toEqual(parseMarkdown(text, text.slice(bodyOffset)));
      }
    }
    // A file may end with the closing fence, with no body and no line ending.
    for (const text of ["---\na: 1\n---", "---\n---", "---\na: 1\n---\n"]) {
      expect(parseRecordMarkdown(text, parseFrontmatter(text).bodyOffset), JSON.stringify(text)).toEqual(parseMarkdown(text, ""));
    }
    expect(records).toBe(4500);
  }, 120_000);

  it("parses every shipped example record behind an empty frontmatter block into the tree of the whole file", () => {
    const examples = fileURLToPath(new URL("../../clients/", import.meta.url));
    let records = 0;
    for (const file of (readdirSync(examples, { recursive: true }) as string[]).filter((name) => name.endsWith(".md"))) {
      const text = readFileSync(join(examples, file), "utf8");
      const { frontmatter, bodyOffset } = parseFrontmatter(text);
      // CHECKLIST.md is generated, not a record: it has no frontmatter.
      if (!frontmatter) continue;
      records += 1;
      expect(parseRecordMarkdown(text, bodyOffset), file).toEqual(parseMarkdown(text, text.slice(bodyOffset)));
    }
    expect(records).toBe(68);
  });
});
