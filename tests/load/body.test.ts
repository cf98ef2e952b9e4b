import { describe, expect, it } from "vitest";
import { isInternalHeading, parseBody } from "../../scripts/load/body.ts";

describe("parseBody", () => {
  it("finds sections with file offsets and marks internal ones, nested included", () => {
    const text = "---\na: 1\n---\n# Backup\nText\n## Internal: billing\nDispute\n### Detail\nMore\n## How to restore\nSteps\n";
    const { sections } = parseBody(text);
    expect(sections.map(({ heading, internal }) => [heading, internal])).toEqual([
      ["Backup", false],
      ["Internal: billing", true],
      ["Detail", true],
      ["How to restore", false],
    ]);
    const internal = sections[1]!;
    expect(text.slice(internal.start, internal.end)).toBe("## Internal: billing\nDispute\n### Detail\nMore\n");
  });

  it("keeps HTML and script as raw nodes for the renderer to sanitise, not executed or dropped", () => {
    const { tree } = parseBody("---\na: 1\n---\n<script>alert(1)</script>\n\n[x](javascript:alert(1))\n");
    expect(tree.children.map((node) => node.type)).toEqual(["yaml", "html", "paragraph"]);
  });
});

describe("isInternalHeading", () => {
  it.each([
    ["Internal", true],
    ["internal", true],
    ["Internal: billing dispute", true],
    ["Internal notes", true],
    ["Internal (pricing)", true],
    ["Internals of the network", false],
    ["Internet line", false],
  ])("%s → %s", (text, expected) => expect(isInternalHeading(text)).toBe(expected));
});
