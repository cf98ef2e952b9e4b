import { describe, expect, it } from "vitest";
import { shannonEntropy } from "../../scripts/secrets/entropy.ts";
import { KeywordPrefilter } from "../../scripts/secrets/keyword-prefilter.ts";
import { loadSecretRules } from "../../scripts/secrets/rule-set.ts";
import { scanText, secretRules } from "../../scripts/secrets/scan.ts";

/** Repeats that no bound limits (`*`, `+`, `{n,}`), outside character classes and escapes. */
function unboundedRepeats(source: string): string[] {
  const found: string[] = [];
  let inClass = false;
  for (let at = 0; at < source.length; at += 1) {
    const character = source[at];
    if (character === "\\") at += 1;
    else if (inClass) inClass = character !== "]";
    else if (character === "[") inClass = true;
    else if (character === "*" || (character === "+" && source[at - 1] !== "?")) found.push(source.slice(Math.max(0, at - 12), at + 1));
    else if (character === "{") {
      const open = /^\{\d+,\}/.exec(source.slice(at));
      if (open) found.push(source.slice(Math.max(0, at - 12), at + open[0].length));
    }
  }
  return found;
}

const rule = (fields: string) => `rules:\n  - id: test-rule\n    description: a test\n    keywords: [abc]\n${fields}`;

describe("the secret rules file", () => {
  it("loads: unique ids, lowercase keywords, every expression global with indices", () => {
    const rules = secretRules();
    expect(rules.length).toBeGreaterThanOrEqual(60);
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const r of rules) {
      expect(r.keywords.length, r.id).toBeGreaterThan(0);
      expect(r.pattern.flags, r.id).toMatch(/^d?g/);
    }
  });

  it("bounds every repeat of every rule, so no text makes one super-linear", () => {
    expect(secretRules().flatMap((r) => unboundedRepeats(r.pattern.source).map((where) => `${r.id}: …${where}`))).toEqual([]);
  });

  it("finds an unbounded repeat where there is one", () => {
    expect(unboundedRepeats("a+[+*]\\*b*c{2,}d{2,3}(?:x)?")).toEqual(["a+", "a+[+*]\\*b*", "a+[+*]\\*b*c{2,}"]);
  });

  it.each([
    [rule("    pattern: 'abc'\n    colour: red\n"), 'rule test-rule: unknown field "colour"'],
    [rule("    pattern: 'abc${nothing}'\n"), "rule test-rule: unknown fragment ${nothing}"],
    [rule("    pattern: 'abc('\n"), "rule test-rule: pattern does not compile"],
    ["rules:\n  - id: test-rule\n    description: a\n    keywords: [ABC]\n    pattern: 'x'\n", "keywords must be a list of lowercase text"],
    [`${rule("    pattern: 'abc'\n")}  - id: test-rule\n    description: again\n    keywords: [abc]\n    pattern: 'abc'\n`, "rule test-rule: id is used twice"],
    ["rules: []\n", "no rules"],
  ])("refuses a broken rule file, naming the rule", (text, message) => {
    expect(() => loadSecretRules(text)).toThrow(message);
  });

  it("expands fragments and numbers each secret group, so alternatives may each name one", () => {
    const [compiled] = loadSecretRules(`fragments:\n  sep: '[:=]'\n${rule("    pattern: 'abc${sep}(?<secret>\\d{4})|xyz(?<secret>[a-z]{4})'\n")}`);
    expect(compiled?.pattern.source).toBe("abc[:=](?<secret0>\\d{4})|xyz(?<secret1>[a-z]{4})");
  });
});

describe("entropy", () => {
  it("is 0 for one repeated character and log2(n) for n characters used once", () => {
    expect(shannonEntropy("aaaaaaaa")).toBe(0);
    expect(shannonEntropy("abcd")).toBe(2);
    expect(shannonEntropy("abcdefgh")).toBe(3);
    expect(shannonEntropy("")).toBe(0);
  });
});

describe("the generic secret rule", () => {
  const generic = (value: string) => scanText(`client_secret = ${value}\n`).filter((hit) => hit.rule === "generic-secret");

  it("takes a value of 3.5 bits a character or more, and not one just below", () => {
    // Eleven characters used once each: log2(11) = 3.46; twelve: log2(12) = 3.58.
    expect(shannonEntropy("a1cdefghij2")).toBeLessThan(3.5);
    expect(generic("a1cdefghij2")).toEqual([]);
    expect(shannonEntropy("a1cdefghijk2")).toBeGreaterThan(3.5);
    expect(generic("a1cdefghijk2")).toEqual([expect.objectContaining({ start: 16, end: 28 })]);
  });

  it("needs a digit and a letter: letters alone are a name, digits alone a number", () => {
    expect(generic("abcdefghijklmnop")).toEqual([]);
    expect(generic("9081726354019283")).toEqual([]);
    expect(generic("abcdefghijklmno5")).toHaveLength(1);
  });

  it.each([
    ["a date and time", "2026-11-01T10:00:00Z"],
    ["a ticket number", "INC0012345"],
    ["a ticket number with a year", "TCK-2026-0042"],
    ["a UUID-shaped record id", "3f2b8c1e-9a4d-4e7b-8c21-5d6f7a8b9c0d"],
    ["a git SHA", "9fceb02d0ae598e95dc970b74767f19372d61af8"],
    ["a short git SHA", "9fceb02d0a"],
    ["a version", "10.0.19045.4529"],
    ["a version with a tag", "v2.14.3-beta.1"],
    ["a placeholder", "YOUR_CLIENT_SECRET_1"],
    ["a variable", "${CLIENT_SECRET_2026}"],
    ["a host name", "login1.harborfinch.com"],
    ["a vault path", "Keeper/Clients2024"],
    ["a path", "/etc/secrets/graph2026.key"],
  ])("leaves %s alone", (_, value) => {
    expect(generic(value)).toEqual([]);
  });
});

describe("the keyword prefilter", () => {
  const rules = loadSecretRules(
    "rules:\n  - id: short\n    description: s\n    keywords: [sk]\n    pattern: 'x'\n  - id: long\n    description: l\n    keywords: [sk_live_]\n    pattern: 'y'\n  - id: other\n    description: o\n    keywords: [live]\n    pattern: 'z'\n",
  );
  const order = new Map(rules.map((r, index) => [r, index]));
  const ids = (text: string) => new KeywordPrefilter(rules).rulesFor(text, order).map((r) => r.id);

  it("finds a keyword inside a longer one and keywords that overlap", () => {
    expect(ids("key SK_LIVE_abc")).toEqual(["short", "long", "other"]);
    expect(ids("a desk")).toEqual(["short"]);
    expect(ids("nothing here")).toEqual([]);
  });

  it("finds the same rules in a text dense with keywords, where it searches keyword by keyword", () => {
    expect(ids(`${"sk ".repeat(5000)}live`)).toEqual(["short", "other"]);
  });
});
