import { describe, expect, it } from "vitest";
import { record, run, validateFiles } from "../helpers/repo.ts";
import { trueNegatives, truePositives, type CorpusLine } from "../helpers/secret-corpus.ts";

const FIELDS = "title: Handover notes\nlastVerified: 2026-11-01";

/** A place in a record for a line: the body, a top-level block scalar, or one nested in a list. */
type Placement = "body" | "internalNotes" | "nested";

function place(text: string, where: Placement): { content: string; offset: number } {
  if (where === "body") {
    const head = record(FIELDS, "Intro.\n\n");
    return { content: `${head}${text}\n\nMore.\n`, offset: head.length };
  }
  const indent = where === "internalNotes" ? "  " : "      ";
  const head = `---\n${FIELDS}\n${where === "internalNotes" ? "internalNotes: |-\n" : "steps:\n  - note: |-\n"}`;
  const indented = text.split("\n").map((line) => `${indent}${line}`).join("\n");
  return { content: `${head}${indented}\n---\nBody.\n`, offset: head.length + indent.length };
}

/** Offset of a 1-based line and column in `text`. */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let at = 1; at < line; at += 1) offset = text.indexOf("\n", offset) + 1;
  return offset + column - 1;
}

/** Where a secret of a line lands in a record: in a block scalar every line after the first moves by the indent. */
function spanIn(line: CorpusLine, secret: { start: number; end: number }, where: Placement, offset: number) {
  const indent = where === "body" ? 0 : where === "internalNotes" ? 2 : 6;
  const shift = (at: number) => offset + at + indent * (line.text.slice(0, at).split("\n").length - 1);
  return { start: shift(secret.start), end: shift(secret.end) };
}

describe("the secrets corpus", () => {
  const positives = truePositives();
  const placements: Placement[] = ["body", "internalNotes", "nested"];

  it("holds at least 150 true positives across at least 60 families, and 60 true negatives", () => {
    const secrets = positives.flatMap((line) => line.secrets);
    expect(secrets.length).toBeGreaterThanOrEqual(150);
    expect(new Set(positives.map((line) => line.family)).size).toBeGreaterThanOrEqual(60);
    expect(trueNegatives().length).toBeGreaterThanOrEqual(60);
  });

  it("finds at least 98% of the secrets, in bodies and in frontmatter fields, at the secret itself", async () => {
    const files: Record<string, string> = {};
    const expected: { path: string; family: string; start: number; end: number; content: string }[] = [];
    positives.forEach((line, index) => {
      // Each line in the body and in one frontmatter field, alternating a top-level and a nested one.
      for (const where of ["body", placements[1 + (index % 2)]] as Placement[]) {
        const path = `docs/tp-${index}-${where}.md`;
        const { content, offset } = place(line.text, where);
        files[path] = content;
        for (const secret of line.secrets) expected.push({ path: `clients/t/${path}`, family: line.family, content, ...spanIn(line, secret, where, offset) });
      }
    });
    const { problems } = await validateFiles(files);
    const findings = problems.filter((problem) => problem.rule === "no-secrets");
    const missed = expected.filter(
      ({ path, start, end, content }) =>
        !findings.some((finding) => {
          if (finding.file !== path) return false;
          const at = offsetOf(content, finding.line, finding.column);
          return at >= start && at < end;
        }),
    );
    const recall = 1 - missed.length / expected.length;
    expect(recall, `missed: ${missed.map(({ path, family }) => `${family} in ${path}`).join(", ")}`).toBeGreaterThanOrEqual(0.98);
    expect(expected.length).toBeGreaterThanOrEqual(300);
  });

  it("finds nothing in ordinary MSP prose, in bodies or frontmatter", async () => {
    const files: Record<string, string> = {};
    trueNegatives().forEach((text, index) => {
      for (const where of placements) files[`docs/tn-${index}-${where}.md`] = place(text, where).content;
    });
    const { problems } = await validateFiles(files);
    expect(problems.filter((problem) => problem.rule === "no-secrets").map((problem) => `${problem.file}: ${problem.message}`)).toEqual([]);
  });

  it("never echoes a secret of the corpus in any output format", async () => {
    const files: Record<string, string> = {};
    positives.forEach((line, index) => (files[`clients/t/docs/tp-${index}.md`] = place(line.text, "body").content));
    const { makeRepo, CLIENT_MD } = await import("../helpers/repo.ts");
    const root = makeRepo({ "clients/t/client.md": CLIENT_MD, ...files });
    // Short PINs (four digits) can match a line number by chance; every secret of eight characters or more must be absent.
    const values = positives.flatMap((line) => line.secrets.map(({ start, end }) => line.text.slice(start, end))).filter((value) => value.length >= 8);
    for (const format of ["text", "json", "github", "sarif"]) {
      const { code, stdout, stderr } = await run(["validate", "--format", format, "t"], root);
      expect(code).toBe(1);
      expect(stdout).toContain("no-secrets");
      const leaked = values.filter((value) => stdout.includes(value) || stderr.includes(value) || stdout.includes(value.slice(0, 16)));
      expect(leaked, format).toEqual([]);
    }
  });
});
