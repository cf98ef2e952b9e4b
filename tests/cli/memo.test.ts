import { toString } from "mdast-util-to-string";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { loadClient } from "../../scripts/load/load-client.ts";
import { memoParts } from "../../scripts/render/memo.ts";
import { treeHtml } from "../../scripts/render/markdown-html.ts";
import { validateClient } from "../../scripts/rules/index.ts";
import { copyExamples, edit, run } from "../helpers/repo.ts";

describe("handover memo", () => {
  it("writes the What's-Next memo from the records", async () => {
    const { code, stdout } = await run(["memo", "harbor-finch", "--root", copyExamples()]);
    expect(code).toBe(0);
    for (const fact of [
      "# What happens next: Harbor & Finch LLP",
      "Dear Priya Raman,",
      "**Our managed services stop:** 2026-12-15",
      "All work to remove your systems from our managed services is billable",
      "paid in advance",
      "- Managed Services Agreement: ends 2026-12-15",
      "- Hosted Voice (phones): continues as it is",
      "**No more critical updates** once our management agent is removed",
      "**No antivirus** once ours is removed",
      "hiring our employees without compensating us",
      "non-disclosure agreement",
      "Transition assistance is billable",
      "a summary of every outstanding issue",
      "Our backups keep running until Northpoint IT has a successful backup of its own that has been verified",
      "**Northpoint IT:** Marcus Bell",
      "priya.raman@harborfinch.example\n\nThank you for working with us.",
      "Kind regards,\n\nDana Okafor  \nClient Success Manager\n",
    ]) {
      expect(stdout).toContain(fact);
    }
  });

  it("contains nothing internal", async () => {
    const root = copyExamples();
    const canary = (where: string) => `CANARY-${where}`;
    edit(root, "clients/harbor-finch/client.md", /internalNotes: >-\n/, `internalNotes: >-\n  ${canary("notes")}\n`);
    edit(root, "clients/harbor-finch/client.md", /detail: >-\n/, `detail: >-\n    ${canary("ending")}\n`);
    edit(root, "clients/harbor-finch/client.md", /arrangement: >-\n/, `arrangement: >-\n      ${canary("money")}\n`);
    edit(root, "clients/harbor-finch/client.md", "## Internal: billing dispute\n", `## Internal: billing dispute\n\n${canary("section")}\n`);
    edit(root, "clients/harbor-finch/docs/transition-call-notes.md", /title: [^\n]*/, `title: ${canary("internal-record")}`);
    edit(root, "clients/harbor-finch/contracts/managed-services.md", /slaEvidence: [^\n]*/, `slaEvidence: ${canary("sla")}`);
    const { code, stdout } = await run(["memo", "harbor-finch", "--root", root]);
    expect(code).toBe(0);
    expect(stdout).not.toContain("CANARY");
    expect(stdout).not.toMatch(/INV-20931|dispute|bookkeeper/i);
  });

  it("writes the memo of a client just scaffolded, and says on stderr that it still holds TODOs", async () => {
    const root = copyExamples();
    expect((await run(["new", "acme", "--name", "Acme", "--root", root])).code).toBe(0);
    const result = await run(["memo", "acme", "--root", root]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("TODO:");
    expect(result.stderr).toMatch(/^clients\/acme\/client\.md:\d+:\d+ warning this still holds a `TODO:`/m);
    expect(result.stderr).toContain("The memo above was written; read these warnings before sending it.");
  });

  it("refuses to write a memo from invalid records", async () => {
    const root = copyExamples();
    edit(root, "clients/harbor-finch/client.md", "status: offboarding", "status: x");
    expect(await run(["memo", "harbor-finch", "--root", root])).toMatchObject({ code: 1, stderr: expect.stringMatching(/fix the errors above first/) });
  });

  it("writes a record's value as text: Markdown or HTML in it never becomes markup, in the memo or in the pack", async () => {
    const hostile = "Evil *Co* <script>alert(1)</script> [click](javascript:alert(1)) _x_ # 1. `code`";
    const root = copyExamples();
    edit(root, "clients/harbor-finch/client.md", /^name: .*$/m, `name: ${JSON.stringify(hostile)}`);
    // The signature's two lines would make a GitHub table if `|` were not escaped.
    edit(root, "clients/harbor-finch/client.md", "  name: Dana Okafor\n  role: Client Success Manager", '  name: "Dana | ~~Okafor~~"\n  role: "-|-"');
    const { code, stdout } = await run(["memo", "harbor-finch", "--root", root]);
    expect(code).toBe(0);
    // Read back as GitHub reads Markdown, the title and signature say exactly what the record says.
    const tree = unified().use(remarkParse).use(remarkGfm).parse(stdout);
    const signature = tree.children.at(-1);
    expect(signature?.type === "paragraph" && signature.children.map((node) => (node.type === "text" ? node.value : node.type))).toEqual(["Dana | ~~Okafor~~", "break", "-|-"]);
    expect(JSON.stringify(tree)).not.toMatch(/"type":"(table|delete)"/);
    const title = tree.children[0];
    expect(title?.type === "heading" && title.children.map((node) => node.type)).toEqual(["text"]);
    expect(toString(title)).toBe(`What happens next: ${hostile}`);
    expect(JSON.stringify(tree)).not.toMatch(/javascript:alert\(1\)"|"type":"html"/);

    const { model } = await validateClient(loadClient(root, "harbor-finch"));
    const html = treeHtml(memoParts(model).letter);
    expect(html).toContain("<h1>What happens next: Evil *Co* &#x3C;script>alert(1)&#x3C;/script> [click](javascript:alert(1)) _x_ # 1. `code`</h1>");
    expect(html).not.toMatch(/<script|href="javascript/i);
  });
});
