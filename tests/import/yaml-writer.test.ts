import { CORE_SCHEMA, load } from "js-yaml";
import { parseDocument } from "yaml";
import { describe, expect, it } from "vitest";
import { yamlFields } from "../../scripts/import/yaml-writer.ts";
import { parseFrontmatter } from "../../scripts/load/frontmatter.ts";
import { createRng } from "../../bench/generate.ts";

/** Text YAML could read as something else, or that could end or break a line. */
const TRICKY = [
  "true", "False", "NULL", "~", "yes", "no", "on", "0123", "1e5", "-.5", "+12", "0x1F", ".inf", ".NaN", "2026-05-01", "2026-5-1",
  "a: b", "a #b", "#comment", "- item", "? key", "[list]", "{map}", "*alias", "&anchor", "!tag", "%directive", "@at", "`tick`", "'single'", "\"double\"",
  " leading", "trailing ", "two  spaces", "a - b", "line\nbreak", "tab\there", "nul\u0000", "del\u007f", "c1\u0085", "ls\u2028", "bom\ufeff", "Café — 日本語 🔥", "",
  "TODO: our account lead", "to-decide", "HF-DC01", "https://portal.example/login?x=1&y=2", "Main Office / Server closet, rack A", "a\\b",
];

function randomText(random: { next(): number }): string {
  const alphabet = "aZ09 :#-?[]{},&*!|>'\"%@`\\\n\t.~é日/()+";
  return Array.from({ length: Math.floor(random.next() * 16) }, () => alphabet[Math.floor(random.next() * alphabet.length)]).join("");
}

describe("the import's YAML writer", () => {
  const random = createRng(3);
  const texts = [...TRICKY, ...Array.from({ length: 500 }, () => randomText(random))];

  it("writes every text so that both YAML parsers and the record loader read it back as exactly that text", () => {
    for (const text of texts) {
      const yaml = yamlFields({ name: text, imported: { system: "itflow", withheld: [text], written: { "body:intro": "abcdefgh" } } });
      const expected = { name: text, imported: { system: "itflow", withheld: [text], written: { "body:intro": "abcdefgh" } } };
      expect(load(yaml, { schema: CORE_SCHEMA }), JSON.stringify(yaml)).toEqual(expected);
      expect(parseDocument(yaml, { version: "1.2", schema: "core" }).toJS(), JSON.stringify(yaml)).toEqual(expected);
      const parsed = parseFrontmatter(`---\n${yaml}---\n`);
      expect(parsed.issues, JSON.stringify(yaml)).toEqual([]);
      expect(parsed.frontmatter?.data, JSON.stringify(yaml)).toEqual(expected);
    }
  });

  it("writes plain what needs no quotes, in the records' own layout", () => {
    expect(yamlFields({ name: "Front-office firewall", renewsOn: "2027-05-01", mfa: true, owner: "to-decide", accountLead: { name: "TODO: our account lead" }, withheld: ["notes"], model: undefined })).toBe(
      'name: Front-office firewall\nrenewsOn: 2027-05-01\nmfa: true\nowner: to-decide\naccountLead:\n  name: "TODO: our account lead"\nwithheld:\n  - notes\n',
    );
  });
});
