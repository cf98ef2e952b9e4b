import { describe, expect, it } from "vitest";
import { markdownReading } from "../../scripts/secrets/markdown-reading.ts";

describe("a Markdown value as a reader sees it", () => {
  it.each([
    ["an escape", "ghp\\_aB3d", "ghp_aB3d"],
    ["emphasis", "**Password:** X _y_", "Password: X y"],
    ["a link", "Password: [X](https://portal.example)", "Password: X"],
    ["two paragraphs", "Password\n\nX", "Password\nX"],
    ["a list item's paragraphs", "- Password\n\n  X", "Password\nX"],
    ["a hard break", "a\\\nb", "a\nb"],
    ["a table, as a plain table", "| Password |\n| --- |\n| X |", "| Password |\n| --- |\n| X |"],
    ["a table with an empty header, its first row the header", "|  |  |\n| - | - |\n| Device | Password |\n| NAS | X |", "| Device | Password |\n| --- | --- |\n| NAS | X |"],
    ["inline code", "Key: `abc`", "Key: abc"],
  ])("reads %s", (_, markdown, reading) => {
    expect(markdownReading(markdown)).toBe(reading);
  });

  it("returns a value with no markup as it is, unparsed", () => {
    expect(markdownReading("Dell OptiPlex 7090, serial 5TQ8JK3")).toBe("Dell OptiPlex 7090, serial 5TQ8JK3");
  });
});
