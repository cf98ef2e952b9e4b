import { describe, expect, it } from "vitest";
import { loadClient } from "../../scripts/load/load-client.ts";
import { checkStructure } from "../../scripts/rules/structure.ts";
import { CLIENT_MD, makeRepo, record } from "../helpers/repo.ts";

const structure = (files: Record<string, string>, slug = "t") => checkStructure(loadClient(makeRepo(files), slug));

describe("structure rule", () => {
  it("accepts a client folder with its kind folders and safe names", () => {
    expect(structure({ "clients/t/client.md": CLIENT_MD, "clients/t/assets/fw-01.md": record("name: x") })).toEqual([]);
  });

  it("reports a missing client.md", () => {
    expect(structure({ "clients/t/docs/a.md": record("title: x") })).toEqual([
      expect.objectContaining({ file: "clients/t", message: expect.stringMatching(/missing `client.md`/) }),
    ]);
  });

  it("suggests the folder a tech meant", () => {
    const problems = structure({ "clients/t/client.md": CLIENT_MD, "clients/t/asset/fw.md": record("name: x") });
    expect(problems.map((p) => p.message)).toEqual(["unknown directory `asset` — did you mean `assets`?"]);
  });

  it("reports a bad slug, nested folders, non-Markdown files and unsafe record names", () => {
    const problems = structure(
      {
        "clients/Bad_Slug/client.md": CLIENT_MD,
        "clients/Bad_Slug/docs/old/a.md": record("title: x"),
        "clients/Bad_Slug/docs/diagram.png": "png",
        "clients/Bad_Slug/docs/Net Work.md": record("title: x"),
      },
      "Bad_Slug",
    );
    expect(problems.map((p) => [p.file, p.message.split(";")[0]])).toEqual([
      ["clients/Bad_Slug", "client folder name `Bad_Slug` must be lowercase letters, digits and single hyphens, starting and ending with a letter or digit, for example `harbor-finch`"],
      ["clients/Bad_Slug/docs/Net Work.md", "record file name `Net Work.md`: its name before `.md` must be lowercase letters, digits and single hyphens, starting and ending with a letter or digit, for example `fw-01.md`"],
      ["clients/Bad_Slug/docs/diagram.png", "only Markdown records (`.md`) belong in `docs/`"],
      ["clients/Bad_Slug/docs/old", "folders are not allowed inside `docs/`"],
    ]);
  });

  it("refuses names Windows keeps for devices and names over 64 characters, for folders and records alike", () => {
    const long = "a".repeat(65);
    const problems = structure({ "clients/con/client.md": CLIENT_MD, "clients/con/docs/nul.md": record("title: x"), [`clients/con/docs/${long}.md`]: record("title: x"), "clients/con/docs/com10.md": record("title: x") }, "con");
    expect(problems.map((p) => [p.file, p.message])).toEqual([
      ["clients/con", "client folder name `con` is a name Windows keeps for a device, which no checkout there can hold; add a word to it, for example `harbor-finch`"],
      [`clients/con/docs/${long}.md`, `record file name \`${long}.md\`: its name before \`.md\` is 65 characters long; it may be at most 64, for example \`fw-01.md\``],
      ["clients/con/docs/nul.md", "record file name `nul.md`: its name before `.md` is a name Windows keeps for a device, which no checkout there can hold; add a word to it, for example `fw-01.md`"],
    ]);
  });
});
