import { describe, expect, it } from "vitest";
import { CLIENT_MD, makeRepo, record, run, validateFiles } from "./helpers/repo.ts";

/** Hostile input from a careless or malicious pull request: the tool reports it and stays safe. */
describe("hostile input", () => {
  it("keeps script, HTML and javascript: links in bodies as text for the renderer to escape", async () => {
    const body = '<script>alert("x")</script>\n\n<img src=x onerror=alert(1)>\n\n[click](javascript:alert(1))\n';
    const { problems, model } = await validateFiles({ "docs/a.md": record("title: '<b onmouseover=alert(1)>x</b>'\nlastVerified: 2026-11-01", body) });
    expect(problems).toEqual([]);
    const [doc] = model.docs;
    expect(doc?.data.title).toBe("<b onmouseover=alert(1)>x</b>");
    expect(doc?.source.text.slice(doc.bodyOffset)).toBe(body);
  });

  it.each([
    ["a,line=9.md", "a,line=9.md", "a%2Cline=9.md"],
    ["a:b.md", "a:b.md", "a%3Ab.md"],
    ["100%.md", "100%.md", "100%25.md"],
    ["a\nb.md", "a\\u000ab.md", "a%0Ab.md"],
  ])("reports the file name %j, escaped in every format", async (name, text, github) => {
    const root = makeRepo({ "clients/a/client.md": CLIENT_MD, [`clients/a/docs/${name}`]: record("title: X\nlastVerified: 2026-11-01") });
    const plain = await run(["validate", "--root", root]);
    expect(plain.code).toBe(1);
    expect(plain.stdout).toContain(`clients/a/docs/${text}:1:1 error record file name`);
    const annotations = await run(["validate", "--root", root, "--format", "github"]);
    expect(annotations.stdout).toContain(`::error file=clients/a/docs/${github},line=1,col=1,`);
    expect(annotations.stdout.trimEnd().split("\n")).toHaveLength(1);
    const json = JSON.parse((await run(["validate", "--root", root, "--format", "json"])).stdout);
    expect(json.problems[0].file).toBe(`clients/a/docs/${name}`);
  });

  it("does not run code in frontmatter, whatever the fence says", async () => {
    const { problems } = await validateFiles({
      "docs/a.md": "---javascript\n(function(){ globalThis.hacked = 1 })()\n---\n",
      "docs/b.md": "---\nx: !!js/function 'function(){ globalThis.hacked = 1 }'\n---\n",
    });
    expect(problems.map((p) => p.rule)).toEqual(["frontmatter", "frontmatter"]);
    expect((globalThis as Record<string, unknown>).hacked).toBeUndefined();
  });

  it("reports secrets in frontmatter and body without echoing them", async () => {
    const slack = "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx";
    const { problems } = await validateFiles({
      "access/a.md": record(
        `system: Router\naccount: admin\ntype: firewall\ninternalNotes: "bot ${slack}"`,
        "Admin page: https://admin:Sup3rS3cret@192.0.2.1/\n\nPIN: 8812\n",
      ),
    });
    expect(problems.map((p) => [p.rule, p.line])).toEqual([
      ["no-secrets", 5],
      ["no-secrets", 7],
      ["no-secrets", 9],
    ]);
    expect(JSON.stringify(problems)).not.toMatch(/AbCdEfGh|Sup3rS3cret|8812/);
  });

  it("hides a secret that other rules would quote: a reference, an unknown key, a broken fence", async () => {
    // Lower case, so that it passes as a record id and reaches the references rule.
    const slack = "xoxb-123456789012-1234567890123-abcdefghijklmnopqrstuvwx";
    const github = "ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";
    const root = makeRepo({
      "clients/a/client.md": CLIENT_MD,
      "clients/a/docs/reference.md": record(`title: X\nlastVerified: 2026-11-01\nassets: [${slack}]`),
      "clients/a/docs/key.md": record(`title: X\nlastVerified: 2026-11-01\n${github}: 1`),
      "clients/a/docs/fence.md": `--- ${github}\ntitle: X\n---\n`,
    });
    for (const format of ["text", "json", "github"]) {
      const { code, stdout } = await run(["validate", "--root", root, "--format", format]);
      expect(code).toBe(1);
      for (const secret of [slack, github]) {
        for (let start = 0; start + 8 <= secret.length; start += 1) expect(stdout, format).not.toContain(secret.slice(start, start + 8));
      }
    }
    const { stdout } = await run(["validate", "--root", root, "--format", "json"]);
    const rules = JSON.parse(stdout).problems.map((problem: { file: string; rule: string }) => `${problem.file.split("/").pop()} ${problem.rule}`);
    expect(rules).toEqual(expect.arrayContaining(["reference.md references", "reference.md no-secrets", "key.md schema", "key.md no-secrets", "fence.md frontmatter", "fence.md no-secrets"]));
  });
});
