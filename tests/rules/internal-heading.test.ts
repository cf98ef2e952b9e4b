import { describe, expect, it } from "vitest";
import { record, validateFiles } from "../helpers/repo.ts";

const DOC = "title: Network\nlastVerified: 2026-11-01";

const nested = async (body: string) =>
  (await validateFiles({ "docs/a.md": record(DOC, body) })).problems.filter((p) => p.rule === "internal-heading").map((p) => [p.line, p.column]);

describe("internal-heading rule", () => {
  it.each([
    ["in a quote", "Intro\n\n> ## Internal\n> hidden?\n", [[7, 3]]],
    ["in a list item", "- item\n\n  ## Internal: billing\n  hidden?\n", [[7, 3]]],
    ["as a setext heading in a list item", "- Internal notes\n  ---\n", [[5, 3]]],
    ["in an ordered list, quoted", "1. step\n   > ### Internal\n", [[6, 6]]],
    ["in bold in a list item, below a top-level Internal heading", "# Internal\nhidden\n\n- item\n\n  ## **Internal**\n", [[10, 3]]],
    ["as a link in a quote", "> # [Internal](#x) notes\n", [[5, 3]]],
    ["as code in a list item", "1. # `Internal`\n", [[5, 4]]],
    ["written with a character reference", "- ## &#73;nternal\n", [[5, 3]]],
    ["in a footnote", "Text[^n]\n\n[^n]: # Internal\n", [[7, 7]]],
  ])("reports an Internal heading %s, where it would hide nothing", async (_, body, expected) => {
    expect(await nested(body)).toEqual(expected);
  });

  it.each([
    ["a top-level heading", "## Internal\nhidden\n"],
    ["an indented top-level heading", "   ## Internal notes\nhidden\n"],
    ["a heading after a list", "- item\n\n## Internal\nhidden\n"],
    ["text that continues a quote lazily", "> quoted\nInternal notes follow\n"],
    ["a list item that only mentions the word", "- Internal wiring is labelled\n"],
    ["a heading inside a code block", "```\n## Internal\n```\n"],
  ])("leaves %s alone", async (_, body) => {
    expect(await nested(body)).toEqual([]);
  });
});
