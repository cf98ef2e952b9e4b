import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { copyExamples, edit, run } from "./helpers/repo.ts";

const README = readFileSync(new URL("../README.md", import.meta.url), "utf8");

/** The README's sample errors, each with the edit to the shipped examples that makes it. */
const SAMPLES: [string, string, RegExp, string][] = [
  ["unknown key `ownr`", "clients/harbor-finch/assets/fw-01.md", /^owner:/m, "ownr:"],
  ["services stop on 2026-12-01", "clients/harbor-finch/client.md", /^servicesStop: .*$/m, "servicesStop: 2026-12-01"],
];

describe("the README's sample errors", () => {
  it.each(SAMPLES)("%s is what validate prints, at the place the README says", async (marker, path, from, to) => {
    const sample = README.split("\n").find((line) => line.includes(marker) && line.startsWith("clients/"));
    expect(sample, marker).toBeDefined();
    const root = copyExamples();
    edit(root, path, from, to);
    const { stdout, stderr } = await run(["validate", "--root", root, "--today", "2026-11-22"]);
    expect(`${stdout}${stderr}`.split("\n")).toContain(sample);
  });
});
