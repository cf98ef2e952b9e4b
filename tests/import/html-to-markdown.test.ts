import { toString } from "mdast-util-to-string";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { describe, expect, it } from "vitest";
import { htmlToMarkdown } from "../../scripts/import/html-to-markdown.ts";

describe("htmlToMarkdown", () => {
  it("keeps a document's structure: headings, lists, tables, links, code, emphasis", () => {
    const markdown = htmlToMarkdown(
      `<h1>Firewall</h1><p>The <strong>WAN</strong> port is <em>ether1</em>; see <a href="https://example.com/fw">the manual</a>.</p>` +
        `<ul><li>VLAN 10: staff</li><li>VLAN 20: guests</li></ul>` +
        `<table><tr><th>Port</th><th>Use</th></tr><tr><td>1</td><td>WAN</td></tr></table>` +
        `<pre><code>show ip route</code></pre>`,
    );
    expect(markdown).toBe(
      "# Firewall\n\nThe **WAN** port is _ether1_; see [the manual](https://example.com/fw).\n\n" +
        "- VLAN 10: staff\n- VLAN 20: guests\n\n| Port | Use |\n| ---- | --- |\n| 1    | WAN |\n\n```\nshow ip route\n```\n",
    );
  });

  it("drops scripts, styles, handlers, frames, forms, images and unsafe links, with their content where it is code", () => {
    const markdown = htmlToMarkdown(
      `<style>body{display:none}</style><script>alert("x")</script><p onclick="steal()">Hello <img src=x onerror="alert(1)" alt="logo"></p>` +
        `<a href="javascript:alert(1)">click</a> <a href="data:text/html,<script>alert(1)</script>">data</a>` +
        `<iframe src="https://evil.example"></iframe><form action="https://evil.example"><input name="q"></form><noscript>no</noscript>`,
    );
    for (const unsafe of ["alert", "steal", "display", "onerror", "onclick", "javascript:", "data:", "iframe", "evil.example", "<", "logo"]) {
      expect(markdown).not.toContain(unsafe);
    }
    expect(markdown).toContain("Hello");
    expect(markdown).toContain("click");
  });

  it("escapes text that would read as Markdown or HTML", () => {
    const markdown = htmlToMarkdown("<p>&lt;script&gt;alert(1)&lt;/script&gt; and *not emphasis* and [not](a link)</p>");
    const tree = unified().use(remarkParse).parse(markdown);
    const kinds = new Set<string>();
    visit(tree, (node) => void kinds.add(node.type));
    expect([...kinds].sort()).toEqual(["paragraph", "root", "text"]);
    expect(toString(tree)).toBe("<script>alert(1)</script> and *not emphasis* and [not](a link)");
    expect(markdown).toContain("\\*not emphasis\\*");
    expect(markdown).toContain("\\[not]");
  });

  it("gives an empty string for a document with no content", () => {
    expect(htmlToMarkdown("")).toBe("");
    expect(htmlToMarkdown("<script>x()</script><p> </p>")).toBe("");
  });

  it("keeps the text of a document nested too deep for its structure, without failing", () => {
    for (const open of ["<div>", "<ul><li>", "<table><tr><td>", "<blockquote>"]) {
      const markdown = htmlToMarkdown(`${open.repeat(20_000)}deep text<script>alert(1)</script>`);
      expect(markdown).toBe("deep text\n");
    }
    const shallow = htmlToMarkdown(`${"<blockquote>".repeat(50)}quoted`);
    expect(shallow.startsWith("> > >")).toBe(true);
  });
});
