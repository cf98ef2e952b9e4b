import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseBody } from "../../scripts/load/body.ts";
import { parseFrontmatter } from "../../scripts/load/frontmatter.ts";
import { scanSections } from "../../scripts/load/section-scan.ts";
import { randomDocuments } from "../helpers/random-documents.ts";

const FRONTMATTER = "---\nsystem: Backup\n---\n";

function scanned(body: string) {
  const text = FRONTMATTER + body;
  return scanSections(text, parseFrontmatter(text).bodyOffset);
}

function parsed(body: string) {
  return parseBody(FRONTMATTER + body).sections;
}

/** Lines that make a line scan go wrong if it treats them naively, mixed with ordinary ones. */
const LINES = [
  "# Backup", "## How to restore", "### Restoring one file", "## Internal", "## Internal: billing", "### Internal notes",
  "#hashtag", "####### seven", "#", "# ", "## closing ##", "## foo#", "## a # b", "#\tTabbed", "## trailing   ", "#  two spaces",
  "## ##", "## Ünïcode restore", "## see www.example.com", "## mail help@example.com", "## *emphasis*", "## `code`",
  "## a & b", "## [link](https://example.com)", "## a\\#", "## <b>bold</b>", "## ~~gone~~", "## snake_case",
  " ## one space", "  # two", "   ### three", "    ## four", "\t## tab", "\u00a0## nbsp",
  "- item", "- ## list heading", "  - nested", "1. step", "   continued", "> quote", "> ## quoted", ">",
  "    indented code", "\tcode", "| a | b |", "| - | - |", "| # | x |", "[ref]: https://example.com 'title", "title'",
  "[^1]: a footnote", "    ## in footnote", "text line", "more text", "", "", "", "---", "***", "___", "===", "--",
  "```", "```js", "~~~", "<div>", "</div>", "<!--", "-->", "<script>", "&#35; escaped", "## Restore \\", "Setext",
  "Internal\u00a0", "\u00a0", "\u3000", "## Internal\u2028notes", "## Restore\u2029", "## Ends in a space\u00a0",
];

describe("scanSections", () => {
  it("gives exactly the parser's sections whenever it answers, over thousands of mixed documents", () => {
    let answered = 0;
    for (const body of randomDocuments(LINES, 6000, 7)) {
      const sections = scanned(body);
      if (sections === undefined) continue;
      answered += 1;
      expect(sections, JSON.stringify(body)).toEqual(parsed(body));
    }
    // The comparison means something only if the scan answers for a good share of documents.
    expect(answered).toBeGreaterThan(1000);
  });

  it("gives the parser's sections for every example record it answers for, and answers for most", () => {
    const examples = fileURLToPath(new URL("../../clients/", import.meta.url));
    const files = (readdirSync(examples, { recursive: true }) as string[]).filter((file) => file.endsWith(".md"));
    let answered = 0;
    for (const file of files) {
      const text = readFileSync(join(examples, file), "utf8");
      const sections = scanSections(text, parseFrontmatter(text).bodyOffset);
      if (sections === undefined) continue;
      answered += 1;
      expect(sections, file).toEqual(parseBody(text).sections);
    }
    expect(answered).toBeGreaterThan(files.length * 0.8);
  });

  it("reads plain ATX headings, closing sequences and nesting of Internal sections", () => {
    const body = "# Backup\nText\n## Internal: billing ##\nDispute\n### Detail\n## How to restore\nSteps\n";
    expect(scanned(body)?.map(({ heading, depth, internal }) => [heading, depth, internal])).toEqual([
      ["Backup", 1, false],
      ["Internal: billing", 2, true],
      ["Detail", 3, true],
      ["How to restore", 2, false],
    ]);
  });

  it("reads a heading holding a line or paragraph separator as the parser does", () => {
    const body = "## Internal\u2028notes\nSecret\n### How to restore\nCall us.\n";
    expect(scanned(body)).toEqual(parsed(body));
    expect(scanned(body)?.map(({ heading, internal }) => [heading, internal])).toEqual([["Internal\u2028notes", true], ["How to restore", true]]);
  });

  it.each([
    ["a heading inside fenced code", "```\n# Restore\n```\n"],
    ["a heading inside tilde-fenced code", "~~~\n## How to restore\n~~~\n"],
    ["a heading inside an HTML block", "<div>\n## How to restore\n</div>\n"],
    ["a heading inside an HTML comment", "<!--\n## Restore\n-->\n"],
    ["a setext heading", "How to restore\n==============\nSteps\n"],
    ["a setext heading with dashes", "How to restore\n---\nSteps\n"],
    ["an indented heading", "- item\n  ## Restore\n"],
    ["a heading with emphasis", "## How to *restore*\n"],
    ["a heading with a character reference", "## &#82;estore\n"],
    ["a setext heading whose text ends in a no-break space", "Internal\u00a0\n---\n### How to restore\nCall us.\n"],
  ])("leaves %s to the parser", (_, body) => {
    expect(scanned(body)).toBeUndefined();
  });
});
