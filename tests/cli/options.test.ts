import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyExamples, run } from "../helpers/repo.ts";

describe("options a command checks before it runs", () => {
  it.each([
    [["history", "harbor-finch", "--since", "2026-13-01"], "--since must be a real date written YYYY-MM-DD"],
    [["build", "harbor-finch", "--date", "01/11/2026"], "--date must be a real date written YYYY-MM-DD"],
    [["check", "harbor-finch", "--today", "2026-02-30"], "--today must be a real date written YYYY-MM-DD"],
  ])("%j names the option that is wrong", async (args, message) => {
    const root = copyExamples();
    const result = await run([...args, "--root", root]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it.each([["clients"], ["clients/packs"]])("build --out %s is refused before anything is written: packs are no client folders", async (out) => {
    const root = copyExamples();
    const before = readdirSync(join(root, "clients")).sort();
    const result = await run(["build", "harbor-finch", "--root", root, "--out", join(root, out)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--out must be outside clients/, which holds only client folders");
    expect(readdirSync(join(root, "clients")).sort()).toEqual(before);
  });
});
