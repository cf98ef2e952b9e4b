import { existsSync, lstatSync, readFileSync, readdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { KIND_NAMES, RECORD_KINDS } from "../../scripts/model/kinds.ts";
import { makeRepo, run } from "../helpers/repo.ts";

describe("handover new", () => {
  it("scaffolds every record kind, and the result validates as it stands", async () => {
    const root = makeRepo({});
    const created = await run(["new", "harbor-finch", "--name", 'Harbor & Finch: "LLP"', "--root", root, "--today", "2026-11-22"]);
    expect(created.code).toBe(0);
    // Every kind but the acceptance receipt, which only exists once the client accepts the pack.
    for (const kind of KIND_NAMES.filter((name) => name !== "acceptance")) {
      expect(created.stdout).toContain(`clients/harbor-finch/${RECORD_KINDS[kind].location}`);
    }
    expect(readFileSync(join(root, "clients/harbor-finch/client.md"), "utf8")).toContain('name: "Harbor & Finch: \\"LLP\\""');
    expect(readFileSync(join(root, "clients/harbor-finch/docs/network-overview.md"), "utf8")).toContain("lastVerified: 2026-11-22");
    const validated = await run(["validate", "--root", root, "--format", "json"]);
    expect(validated.code).toBe(0);
    const problems = JSON.parse(validated.stdout).problems as { severity: string; rule: string }[];
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((problem) => problem.severity === "warning" && problem.rule === "scaffold-todo")).toBe(true);
    expect(await run(["checklist", "--check", "--root", root])).toMatchObject({ code: 0 });
  });

  it("warns about every TODO left, but not about guidance in comments", async () => {
    const root = makeRepo({});
    await run(["new", "acme", "--name", "Acme", "--root", root, "--today", "2026-11-22"]);
    const { stdout } = await run(["validate", "--root", root]);
    expect(stdout).toContain("clients/acme/access/domain-admin.md:3:10 warning this still holds a `TODO:` from `handover new`");
    expect(stdout).not.toMatch(/contracts\/managed-services\.md/);
  });

  it("never overwrites an existing client folder", async () => {
    const root = makeRepo({ "clients/acme/client.md": "my notes" });
    const result = await run(["new", "acme", "--name", "Acme", "--root", root]);
    expect(result).toMatchObject({ code: 2, stderr: expect.stringMatching(/clients\/acme already exists; nothing was changed/) });
    expect(readFileSync(join(root, "clients/acme/client.md"), "utf8")).toBe("my notes");
  });

  it("refuses a symlinked clients/ folder before writing anything through it", async () => {
    const root = makeRepo({});
    const elsewhere = makeRepo({});
    rmSync(join(root, "clients"), { recursive: true });
    symlinkSync(join(elsewhere, "clients"), join(root, "clients"));
    const result = await run(["new", "viasym", "--name", "V", "--root", root]);
    expect(result).toMatchObject({ code: 2, stderr: expect.stringContaining("`clients/` in " + root + " is a symbolic link; it must be a real folder") });
    expect(readdirSync(join(elsewhere, "clients"))).toEqual([]);
  });

  it("refuses a clients/ that is not a folder", async () => {
    const root = makeRepo({});
    rmSync(join(root, "clients"), { recursive: true });
    writeFileSync(join(root, "clients"), "not a folder");
    const result = await run(["new", "acme", "--name", "Acme", "--root", root]);
    expect(result).toMatchObject({ code: 2, stderr: expect.stringMatching(/`clients\/` in .* is not a folder/) });
    expect(readFileSync(join(root, "clients"), "utf8")).toBe("not a folder");
  });

  it("refuses a dangling symlink at clients/<slug> as an existing client", async () => {
    const root = makeRepo({});
    const missing = join(root, "nowhere");
    symlinkSync(missing, join(root, "clients/linky"));
    const result = await run(["new", "linky", "--name", "L", "--root", root]);
    expect(result).toMatchObject({ code: 2, stderr: expect.stringMatching(/clients\/linky already exists; nothing was changed/) });
    expect(lstatSync(join(root, "clients/linky")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(root, "clients/linky"))).toBe(missing);
    expect(existsSync(missing)).toBe(false);
    expect(readdirSync(join(root, "clients"))).toEqual(["linky"]);
  });

  it.each([["../escape"], ["Acme"], ["a/b"], ["-x"]])("refuses the unsafe slug %s", async (slug) => {
    const root = makeRepo({});
    const result = await run(["new", slug, "--name", "X", "--root", root]);
    expect(result.code).toBe(2);
    expect(existsSync(join(root, "escape"))).toBe(false);
  });

  it("requires a name on one line, and a real --today", async () => {
    const root = makeRepo({});
    expect((await run(["new", "a", "--root", root])).stderr).toMatch(/--name "Display Name" is required/);
    expect((await run(["new", "a", "--name", "A\nB", "--root", root])).stderr).toMatch(/on one line/);
    expect((await run(["new", "a", "--name", "A", "--root", root, "--today", "2026-02-30"])).stderr).toMatch(/--today must be a real date/);
    expect(existsSync(join(root, "clients/a"))).toBe(false);
  });
});
