import { describe, expect, it } from "vitest";
import { markdownReading } from "../../scripts/secrets/markdown-reading.ts";

describe("a Markdown value as a reader sees it", () => {
  it.each([
    ["an escape", "ghp\\_aB3d", "ghp_aB3d"],
    ["emphasis, with an escape that makes it parsed", "**Password:** X \\_y", "Password: X _y"],
    ["a link", "Password: [X](https://portal.example)", "Password: X"],
    ["an entity and HTML", "Password:&#32;<b>X</b>", "Password: <b>X</b>"],
    ["a hard break", "a\\\nb", "a\nb"],
    ["a table, as a plain table", "| Password |\n| --- |\n| X |", "| Password |\n| --- |\n| X |"],
    ["a table with an empty header, its first row the header", "|  |  |\n| - | - |\n| Device | Password |\n| NAS | X |", "| Device | Password |\n| --- | --- |\n| NAS | X |"],
  ])("reads %s", (_, markdown, reading) => {
    expect(markdownReading(markdown)).toBe(reading);
  });

  it.each([
    ["no markup", "Dell OptiPlex 7090, serial 5TQ8JK3"],
    ["emphasis, code and paragraphs, which the rules read through themselves", "**Password:** `X`\n\n- item\n\n  _y_"],
  ])("returns a value with %s as it is, unparsed", (_, value) => {
    expect(markdownReading(value)).toBe(value);
  });
});
