import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { locate, parseFrontmatter, parseWithPositions, parseYamlData } from "../../scripts/load/frontmatter.ts";

const messages = (text: string) => parseFrontmatter(text).issues.map((issue) => issue.message);

describe("parseFrontmatter", () => {
  it("parses YAML 1.2 with positions", () => {
    const result = parseFrontmatter("---\nname: Harbor\nnotice:\n  date: 2026-11-01\n---\nBody\n");
    expect(result.issues).toEqual([]);
    expect(result.frontmatter?.data).toEqual({ name: "Harbor", notice: { date: "2026-11-01" } });
    expect(result.bodyOffset).toBe("---\nname: Harbor\nnotice:\n  date: 2026-11-01\n---\n".length);
    const offset = locate(result.frontmatter!, ["notice", "date"]);
    expect(offset).toBe("---\nname: Harbor\nnotice:\n  date: ".length);
  });

  it.each(["---js", "---javascript", "---JavaScript", "--- js", "---coffee"])("never runs a %s frontmatter engine", (fence) => {
    const marker = `pwned_${fence.replace(/\W/g, "")}`;
    const result = parseFrontmatter(`${fence}\nglobalThis.${marker} = true; module.exports = { name: "x" }\n---\n`);
    expect(result.frontmatter).toBeUndefined();
    expect(result.issues[0]?.message).toMatch(/first line must be exactly `---`/);
    expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
  });

  it("keeps YAML 1.1 surprises as text: dates stay strings, `no` stays `no`", () => {
    const data = parseFrontmatter("---\ndate: 2026-11-01\nflag: no\nother: yes\nzip: 010\n---\n").frontmatter?.data;
    expect(data).toEqual({ date: "2026-11-01", flag: "no", other: "yes", zip: 10 });
    expect(typeof data?.date).toBe("string");
  });

  it("refuses explicit tags that would build a Date or run a constructor", () => {
    expect(messages("---\na: !!timestamp 2026-11-01\n---\n").join()).toMatch(/tag `!!timestamp` is not allowed/);
    expect(messages("---\na: !!js/function 'x'\n---\n").join()).toMatch(/tag/);
  });

  it("refuses YAML directives", () => {
    expect(messages("---\n%YAML 1.1\n---\n").join()).toMatch(/the frontmatter is never closed|directives/);
  });

  it("refuses duplicate keys at the duplicate", () => {
    const result = parseFrontmatter("---\nname: a\nname: b\n---\n");
    expect(result.frontmatter).toBeUndefined();
    expect(result.issues).toEqual([{ offset: "---\nname: a\n".length, message: expect.stringMatching(/appears twice/) }]);
  });

  it("refuses aliases, including an alias bomb", () => {
    const bomb = "---\na: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: [*c, *c, *c]\n---\n";
    const result = parseFrontmatter(bomb);
    expect(result.frontmatter).toBeUndefined();
    expect(result.issues.some((issue) => /alias `\*a` is not allowed/.test(issue.message))).toBe(true);
  });

  it("refuses a __proto__ key and leaves Object.prototype alone", () => {
    const result = parseFrontmatter("---\n__proto__:\n  polluted: true\n---\n");
    expect(result.issues[0]?.message).toMatch(/`__proto__` is not allowed/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("requires exact fences", () => {
    expect(messages("name: x\n")).toEqual([expect.stringMatching(/has no frontmatter/)]);
    expect(messages("---\nname: x\n")).toEqual([expect.stringMatching(/never closed/)]);
    expect(messages("---\nname: x\n--- \n")).toEqual([expect.stringMatching(/closing fence must be exactly/)]);
    expect(messages("--- \nname: x\n---\n")).toEqual([expect.stringMatching(/first line must be exactly/)]);
  });

  it("requires a mapping", () => {
    expect(messages("---\n- a\n- b\n---\n")).toEqual([expect.stringMatching(/set of `key: value` fields/)]);
    expect(messages("---\n? [a, b]\n: 1\n---\n")).toEqual([expect.stringMatching(/key must be a plain name/)]);
  });

  it("reads empty frontmatter as no fields", () => {
    expect(parseFrontmatter("---\n---\nbody\n").frontmatter?.data).toEqual({});
  });
});

describe("the fast path for plain YAML", () => {
  const EXAMPLES = fileURLToPath(new URL("../../clients/", import.meta.url));
  const files = (readdirSync(EXAMPLES, { recursive: true }) as string[]).filter((file) => file.endsWith(".md") && !file.endsWith("CHECKLIST.md"));

  it("reads every example record exactly as the full parse does", () => {
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      const text = readFileSync(join(EXAMPLES, file), "utf8");
      const yamlText = text.slice(4, text.indexOf("\n---\n", 4) + 1);
      const fast = parseYamlData(yamlText, 4);
      const full = parseWithPositions(yamlText, 4);
      expect(fast.frontmatter?.data, file).toEqual(full.frontmatter?.data);
    }
  });

  it.each([
    "a: 010\nb: 0o17\nc: 0x1F\nd: 1e3\ne: .inf\nf: ~\ng: 'x'\nh: \"y\"\ni: 2026-11-01\nj: yes\nk: True\nl: -.5\n",
    "list:\n  - a\n  - b: 1\n    c: [1, 2]\nflow: { x: 1 }\nblock: |\n  line 1\n  line 2\nfolded: >-\n  one\n  two\n",
    "empty:\nnested:\n  deeper:\n    - 1\n",
  ])("agrees with the full parse on tricky plain values", (yamlText) => {
    expect(parseYamlData(yamlText, 0).frontmatter?.data).toEqual(parseWithPositions(yamlText, 0).frontmatter?.data);
  });

  it("still locates fields, parsing positions only when asked", () => {
    const result = parseFrontmatter("---\nname: A\nowner: client\n---\n");
    expect(locate(result.frontmatter!, ["owner"])).toBe("---\nname: A\nowner: ".length);
  });

  it.each(["a: &x 1\nb: *x\n", "a: !!str 1\n", "? [a]\n: 1\n", "__proto__: 1\n", "a: 1\na: 2\n", "%YAML 1.1\n"])("sends %j to the full parse and its refusal", (yamlText) => {
    expect(parseYamlData(yamlText, 0).issues.length).toBeGreaterThan(0);
  });
});

describe("the fast path gate", () => {
  it("lets lists of flow mappings through, as in the playbook, and still catches flow keys", () => {
    const plain = "steps:\n  - { field: client.name }\n  - { field: client.notice.date, equals: x }\n";
    expect(parseYamlData(plain, 0).frontmatter?.data).toEqual(parseWithPositions(plain, 0).frontmatter?.data);
    expect(parseYamlData("{ a: 1 }: x\n", 0).issues.length).toBeGreaterThan(0);
  });
});
