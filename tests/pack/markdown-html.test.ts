import { describe, expect, it } from "vitest";
import { recordBodyHtml, treeHtml } from "../../scripts/render/markdown-html.ts";
import { record, validateFiles } from "../helpers/repo.ts";

const bodyHtml = async (body: string, options: { topLevel: 2 | 3; title?: string } = { topLevel: 2 }) => {
  const { model } = await validateFiles({ "docs/a.md": record("title: Network\nlastVerified: 2026-11-01", body) });
  return recordBodyHtml(model.docs[0]!, options);
};

describe("recordBodyHtml", () => {
  it("renders Markdown, GitHub tables included", async () => {
    expect(await bodyHtml("Some **bold** text.\n\n| a | b |\n| - | - |\n| 1 | 2 |\n")).toBe(
      "<p>Some <strong>bold</strong> text.</p>\n<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>",
    );
  });

  it("drops raw HTML, scripts, event handlers and comments", async () => {
    const html = await bodyHtml('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n<!-- tech note: CANARY -->\n\nText <b onclick="x()">bold</b>\n');
    expect(html).toBe("<p>Text bold</p>");
  });

  it("removes javascript: and data: links but keeps ordinary ones", async () => {
    const html = await bodyHtml("[a](javascript:alert(1)) [b](data:text/html,x) [c](https://example.com/) [d](mailto:a@b.example)\n");
    expect(html).not.toMatch(/javascript:|data:/);
    // Their text stays, as text: no `<a>` without a destination.
    expect(html).toContain("<p>a b ");
    expect(html).not.toMatch(/<a>/);
    expect(html).toContain('<a href="https://example.com/">c</a>');
    expect(html).toContain('<a href="mailto:a@b.example">d</a>');
  });

  it("leaves out Internal sections, nested ones included", async () => {
    const html = await bodyHtml("## Setup\nPublic.\n## Internal: billing\nCANARY-1\n### Detail\nCANARY-2\n## Later\nPublic again.\n");
    expect(html).not.toContain("CANARY");
    expect(html).toContain("<h2>Setup</h2>");
    expect(html).toContain("<h2>Later</h2>");
  });

  it("leaves out every heading that starts with the word Internal, and what is under it", async () => {
    const html = await bodyHtml("## Internal notes\nCANARY-1\n## Internal (pricing)\nCANARY-2\n## Internals of the network\nkept\n");
    expect(html).toBe("<h2>Internals of the network</h2>\n<p>kept</p>");
  });

  it("leaves out a list or quote that holds an Internal heading, which validation reports", async () => {
    const body = "Intro\n\n> ## Internal\n> CANARY-quote\n\n- item\n\n  ## Internal: x\n  CANARY-list\n";
    const { problems, model } = await validateFiles({ "docs/a.md": record("title: Network\nlastVerified: 2026-11-01", body) });
    expect(problems.map((p) => [p.rule, p.line])).toEqual([["internal-heading", 7], ["internal-heading", 12]]);
    expect(recordBodyHtml(model.docs[0]!, { topLevel: 2 })).toBe("<p>Intro</p>");
  });

  it.each([
    "- ## Inter*nal*\n  CANARY-list\n",
    "> ## Inter`nal`\n> CANARY-quote\n",
    "- ## In[ternal](https://x.example)\n  CANARY-link\n",
    "- Inter**nal**\n  ---\n  CANARY-setext\n",
    "- ## &#73;nternal\n  CANARY-reference\n",
  ])("leaves out, and validation reports, a nested Internal heading spelt with markup: %j", async (body) => {
    const { problems, model } = await validateFiles({ "docs/a.md": record("title: Network\nlastVerified: 2026-11-01", `Intro\n\n${body}`) });
    expect(problems.map((p) => p.rule)).toEqual(["internal-heading"]);
    expect(recordBodyHtml(model.docs[0]!, { topLevel: 2 })).toBe("<p>Intro</p>");
  });

  it("drops images, which would load from another host, and keeps footnotes working", async () => {
    const html = await bodyHtml("![tracker](https://tracker.example/p.png) Text[^1]\n\n[^1]: Note.\n");
    expect(html).not.toMatch(/<img|tracker\.example/);
    expect(html).toContain('href="#user-content-fn-1"');
    expect(html).toContain('id="user-content-fn-1"');
  });

  it("turns links to documentation pages into links to the pack's pages", async () => {
    const { model } = await validateFiles({ "docs/a.md": record("title: A\nlastVerified: 2026-11-01", "[Wi-Fi](./wifi.md#guest) and [gone](./secret-notes.md)\n") });
    expect(recordBodyHtml(model.docs[0]!, { topLevel: 2, docs: new Set(["wifi"]) })).toBe('<p><a href="./doc-wifi.html#guest">Wi-Fi</a> and gone</p>');
  });

  it("turns reference-style links to documentation pages into links to the pack's pages too", async () => {
    const { model } = await validateFiles({ "docs/a.md": record("title: A\nlastVerified: 2026-11-01", "See [the Wi-Fi page][wifi] and [notes][n].\n\n[wifi]: ./wifi.md\n[n]: docs/secret-notes.md\n") });
    expect(recordBodyHtml(model.docs[0]!, { topLevel: 2, docs: new Set(["wifi"]) })).toBe('<p>See <a href="./doc-wifi.html">the Wi-Fi page</a> and notes.</p>');
  });

  it("renders a record the same every time: the record's own Markdown tree is never changed", async () => {
    const { model } = await validateFiles({ "docs/a.md": record("title: A\nlastVerified: 2026-11-01", "# Top\n\n[Wi-Fi](./wifi.md)\n") });
    const doc = model.docs[0]!;
    const first = recordBodyHtml(doc, { topLevel: 3, docs: new Set(["wifi"]) });
    expect(first).toBe('<h3>Top</h3>\n<p><a href="./doc-wifi.html">Wi-Fi</a></p>');
    expect(recordBodyHtml(doc, { topLevel: 2, docs: new Set() })).toBe("<h2>Top</h2>\n<p>Wi-Fi</p>");
    expect(recordBodyHtml(doc, { topLevel: 3, docs: new Set(["wifi"]) })).toBe(first);
  });

  it("nests headings under the page's and drops a leading heading that repeats the title", async () => {
    expect(await bodyHtml("# Network\nIntro\n## Wi-Fi\nText\n", { topLevel: 3, title: "network" })).toBe("<p>Intro</p>\n<h3>Wi-Fi</h3>\n<p>Text</p>");
    expect(await bodyHtml("# Overview\n## Detail\n", { topLevel: 2 })).toBe("<h2>Overview</h2>\n<h3>Detail</h3>");
  });
});

describe("treeHtml", () => {
  it("keeps text the toolkit put in a tree as text, markup included, and links the addresses in it", () => {
    const html = treeHtml({
      type: "root",
      children: [
        { type: "heading", depth: 1, children: [{ type: "text", value: "Memo" }] },
        { type: "paragraph", children: [{ type: "text", value: "Dear <script>x</script>Ann, **write** to ann@example.com or see https://example.com/x." }] },
      ],
    });
    expect(html).toBe(
      '<h1>Memo</h1>\n<p>Dear &#x3C;script>x&#x3C;/script>Ann, **write** to <a href="mailto:ann@example.com">ann@example.com</a> or see <a href="https://example.com/x">https://example.com/x</a>.</p>',
    );
  });
});
