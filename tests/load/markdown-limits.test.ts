import { appendFileSync } from "node:fs";
import { join } from "node:path";
import type { Node, Parent } from "unist";
import { describe, expect, it } from "vitest";
import { parseBody } from "../../scripts/load/body.ts";
import { bodyShape, MAX_NESTING, tooDeep } from "../../scripts/load/markdown-limits.ts";
import { CLIENT_MD, copyExamples, makeRepo, record, run, validateFiles } from "../helpers/repo.ts";

const DOC = "title: Page\nlastVerified: 2026-11-01";
const RULE = "markdown-limits";

function depthOf(tree: Node): number {
  let deepest = 0;
  const stack: [Node, number][] = [[tree, 0]];
  for (let entry = stack.pop(); entry; entry = stack.pop()) {
    const [node, depth] = entry;
    deepest = Math.max(deepest, depth);
    for (const child of (node as Partial<Parent>).children ?? []) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** `levels` emphases, each inside the next: `_w *w x w* w_`. */
function emphasis(levels: number): string {
  let text = "x";
  for (let level = 0; level < levels; level += 1) {
    const mark = level % 2 ? "*" : "_";
    text = `${mark}w ${text} w${mark}`;
  }
  return text;
}

/** Bodies that nest deep enough to overflow any recursive walk, or indent deep enough to keep the parser busy for minutes. */
const HOSTILE: [string, string, string][] = [
  ["quotes", `${">".repeat(10_000)} # Internal\n`, "columns in"],
  ["list markers on one line", `${"- ".repeat(5_000)}x\n`, "columns in"],
  ["ordered list markers", `${"1. ".repeat(3_000)}x\n`, "columns in"],
  ["lists indented line by line", `${Array.from({ length: 400 }, (_, level) => `${" ".repeat(2 * level)}- x`).join("\n")}\n`, "columns in"],
  ["lists indented with tabs", `${Array.from({ length: 700 }, (_, level) => `${"\t".repeat(level)}- x`).join("\n")}\n`, "columns in"],
  ["quotes just past the limit", `${">".repeat(MAX_NESTING - 1)} x\n`, "levels deep"],
  ["lists just past the limit", `${"- ".repeat(MAX_NESTING / 2)}x\n`, "levels deep"],
  ["emphasis", `${emphasis(500)}\n`, "levels deep"],
  ["quotes around emphasis", `${"> ".repeat(30)}${emphasis(70)}\n`, "levels deep"],
  ["emphasis markers", `${"a*".repeat(3_000)}\n`, "runs of `*`, `_`, `~` or `[`"],
  ["strikethrough markers", `${"a~~".repeat(3_000)}\n`, "runs of `*`, `_`, `~` or `[`"],
  ["brackets", `${"[a](".repeat(3_000)}\n`, "runs of `*`, `_`, `~` or `[`"],
  ["quotes behind a footnote label with an escaped bracket", `[^a\\]b]: ${">".repeat(150)} # deep\n`, "columns in"],
];

describe("Markdown nested too deep", () => {
  it.each(HOSTILE)("reports %s, and validation goes on", async (_, body, message) => {
    const { problems } = await validateFiles({ "docs/deep.md": record(DOC, body), "docs/fine.md": record(DOC, "Text.\n") });
    const nesting = problems.filter((problem) => problem.rule === RULE);
    expect(nesting).toHaveLength(1);
    expect(nesting[0]).toMatchObject({ file: "clients/t/docs/deep.md", severity: "error" });
    expect(nesting[0]?.line).toBeGreaterThanOrEqual(5);
    expect(nesting[0]?.message).toContain(message);
  });

  it("passes a page nested as deep as real pages get, and long rules drawn with markers", async () => {
    const rules = `${"-".repeat(120)}\n\n${"*".repeat(120)}\n\n${"=".repeat(120)}\n\n${"1.".repeat(60)}\n\n`;
    const body = `${rules}${"> ".repeat(5)}- - 1. **_~~[deep](https://example.com)~~_**\n${Array.from({ length: 30 }, (_, level) => `${"  ".repeat(level)}- item`).join("\n")}\n`;
    const { problems } = await validateFiles({ "docs/deep.md": record(DOC, body) });
    expect(problems).toEqual([]);
  });

  it("reads a page with a 250 KB run of `*` under a list heading, which once took a minute", async () => {
    const { problems } = await validateFiles({ "docs/stars.md": record(DOC, `- # x\n${"*".repeat(250_000)}\n`) });
    expect(problems).toEqual([]);
  });

  it("reports only the limit for a backup narrative it could not read, not a missing restore section", async () => {
    const root = copyExamples();
    // A fence makes the line scan give up on the sections, so they would come from the (refused) body.
    appendFileSync(join(root, "clients/harbor-finch/backups/server-backup.md"), `\n\`\`\`\nrestore.ps1\n\`\`\`\n\n${">".repeat(120)} x\n`);
    const { stdout } = await run(["validate", "harbor-finch", "--root", root, "--format", "json"]);
    const rules = JSON.parse(stdout).problems.map((problem: { rule: string }) => problem.rule);
    expect(rules).toEqual([RULE]);
  });

  it("reports a record without frontmatter too", async () => {
    const { problems } = await validateFiles({ "docs/deep.md": `${">".repeat(5_000)} x\n` });
    expect(problems.filter((problem) => problem.rule === RULE)).toMatchObject([{ line: 1, column: 101 }]);
  });

  it("fails the run with exit 1 and a positioned error, never a crash, and builds no pack", async () => {
    const root = makeRepo({
      "clients/a/client.md": CLIENT_MD,
      "clients/a/docs/deep.md": record(DOC, `${emphasis(200)}\n`),
      "clients/a/docs/deeper.md": record(DOC, `${">".repeat(10_000)} # Internal\n`),
      "clients/b/client.md": CLIENT_MD,
    });
    const validate = await run(["validate", "--root", root, "--format", "json"]);
    expect(validate.code).toBe(1);
    expect(JSON.parse(validate.stdout).problems).toMatchObject([
      { client: "a", file: "clients/a/docs/deep.md", line: 5, rule: RULE },
      { client: "a", file: "clients/a/docs/deeper.md", line: 5, column: 101, rule: RULE },
    ]);
    const build = await run(["build", "a", "--root", root, "--out", `${root}/packs`]);
    expect(build.code).toBe(1);
    expect(build.stdout).toMatch(/^clients\/a\/docs\/deep\.md:5:\d+ error quotes, lists or emphasis are nested/m);
  });

  it("never lets a body past that parses deeper than the limit", () => {
    // Prefixes and nested emphasis mixed at random, up to well past both of bodyShape's thresholds.
    const prefixes = [">", "> ", "- ", "* ", "+ ", "1. ", "2) ", "\t", "  ", "   ", "[^n]: "];
    let state = 7;
    const random = (below: number) => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return Math.floor((state / 2147483648) * below);
    };
    let deepestPassed = 0;
    let caught = 0;
    for (let index = 0; index < 3_000; index += 1) {
      const lines: string[] = [];
      for (let line = 0, count = 1 + random(3); line < count; line += 1) {
        const prefix = Array.from({ length: random(12) }, () => prefixes[random(prefixes.length)]).join("");
        // Alternating `*` and `_` around words nests one emphasis in the next; `~~` and links wrap them.
        let text = "x";
        for (let level = 0, levels = random(45); level < levels; level += 1) {
          const kind = random(10);
          text = kind === 0 ? `~~w ${text} w~~` : kind === 1 ? `[w ${text} w](u)` : level % 2 ? `*w ${text} w*` : `_w ${text} w_`;
        }
        lines.push(`${prefix}${text}`);
      }
      const body = `${lines.join("\n")}\n`;
      const depth = depthOf(parseBody(`---\n---\n${body}`, 8).tree);
      const shape = bodyShape(body);
      if ("refuse" in shape || shape.parse) caught += 1;
      else {
        expect(depth, JSON.stringify(body)).toBeLessThanOrEqual(MAX_NESTING);
        deepestPassed = Math.max(deepestPassed, depth);
      }
    }
    // Both sides were exercised: bodies 20 levels deep passed (closers count as openers, so about
    // 20 inline levels pass), and many were sent to the parser.
    expect(deepestPassed).toBeGreaterThanOrEqual(20);
    expect(caught).toBeGreaterThan(300);
    // 3,000 parses take about 16 s alone on a 2-core machine; beside the rest of the suite, longer.
  }, 120_000);

  it("finds the first node too deep in document order, without recursion", () => {
    // Built in a loop: a chain this long would overflow a recursive walk.
    const chain = (length: number): Parent => {
      const top: Parent = { type: "blockquote", children: [] };
      let at = top;
      for (let level = 1; level < length; level += 1) {
        const child: Parent = { type: "blockquote", children: [] };
        at.children.push(child as never);
        at = child;
      }
      return top;
    };
    const [shallow, deep, later] = [chain(5), chain(200_000), chain(300)];
    const tree: Parent = { type: "root", children: [shallow, deep, later] as never[] };
    let tenthUnderDeep: Node = deep;
    for (let level = 0; level < 10; level += 1) tenthUnderDeep = (tenthUnderDeep as Parent).children[0] as Node;
    expect(tooDeep(tree, 10)).toBe(tenthUnderDeep);
    expect(tooDeep({ type: "root", children: [shallow] } as Parent, 10)).toBeUndefined();
  });
});
