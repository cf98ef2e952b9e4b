import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { zipSync } from "fflate";
import { exportFolder, exportZip, fixtureFiles } from "../helpers/export-files.ts";
import { edit, makeRepo, run } from "../helpers/repo.ts";

const FIXTURES = fileURLToPath(new URL("../fixtures/import/", import.meta.url));

/** Every file under a folder with its bytes. */
function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of (readdirSync(dir, { recursive: true }) as string[]).sort()) {
    const path = join(dir, name);
    if (statSync(path).isFile()) files[name] = readFileSync(path, "base64");
  }
  return files;
}

const check = async (root: string, slug: string) => {
  const result = await run(["check", slug, "--root", root, "--today", "2026-11-22", "--format", "json"]);
  return { code: result.code, problems: JSON.parse(result.stdout).problems as { file: string; rule: string; severity: string; message: string }[] };
};

describe("handover import on each platform's export", () => {
  it.each([
    ["itflow", "itflow", []],
    ["itglue", "itglue", ["--organization", "Harbor Finch Legal"]],
    ["hudu", "hudu", ["--organization", "Harbor Finch Legal"]],
  ] as const)("imports %s into records that validate, with every fact only a person can decide open in check", async (source, folder, extra) => {
    const root = makeRepo({});
    const first = await run(["import", source, join(FIXTURES, folder), "--client", "hfl", "--root", root, ...extra]);
    expect(first.code, first.stdout).toBe(0);
    const decide = Number(/lists the (\d+) facts to decide/.exec(first.stdout)?.[1]);
    expect(decide).toBeGreaterThan(10);

    expect((await run(["validate", "--root", root])).code).toBe(0);
    expect((await run(["checklist", "--check", "--root", root])).code).toBe(0);
    const { code, problems } = await check(root, "hfl");
    expect(code).toBe(0);
    const open = problems.filter((problem) => problem.rule === "to-decide");
    expect(open).toHaveLength(decide);
    expect(open.every((problem) => problem.severity === "warning" && /^open step: decide `[a-zA-Z]+`/.test(problem.message))).toBe(true);
    const fields = new Set(open.map((problem) => /decide `([a-zA-Z]+)`/.exec(problem.message)?.[1]));
    for (const field of ["owner", "disposition", "agents", "handedTo", "method", "handedOn"]) expect(fields).toContain(field);

    // Again, from the same export: not one byte changes, the checklist included.
    const before = tree(join(root, "clients"));
    const second = await run(["import", source, join(FIXTURES, folder), "--client", "hfl", "--root", root, ...extra]);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/ 0 records created, 0 changed, \d+ unchanged\n/);
    expect(tree(join(root, "clients"))).toEqual(before);
  });

  it("imports ITFlow's tickets: open ones as issues, closed ones left out and counted", async () => {
    const root = makeRepo({});
    const result = await run(["import", "itflow", join(FIXTURES, "itflow"), "--client", "hfl", "--root", root, "--format", "json"]);
    const report = JSON.parse(result.stdout);
    expect(report.created.filter((path: string) => path.startsWith("issues/"))).toEqual([
      "issues/tck-4821-vpn-drops-for-remote-staff.md",
      "issues/tck-4822-replace-ups-battery-hf-ups01.md",
      "issues/tck-4830-printer-offline-again.md",
      "issues/tck-4833-reception-scan-to-email-fails.md",
    ]);
    expect(report.skipped.map((item: { reason: string }) => item.reason)).toEqual(["closed in the source", "closed in the source"]);
    expect(report.dropped).toContainEqual({ file: "Harbor Finch Legal-Credentials-2025-06-02_14-05-33.csv", column: "Password", values: 8 });
    const issue = readFileSync(join(root, "clients/hfl/issues/tck-4821-vpn-drops-for-remote-staff.md"), "utf8");
    expect(issue).toMatch(/^severity: to-decide\ndisposition: to-decide\ncoverage: to-decide\nrisk: to-decide$/m);
  });
});

describe("handover import refuses", () => {
  it.each([
    [["import", "itfow", "x", "--client", "acme"], /unknown source `itfow`; .* did you mean `itflow`\?/],
    [["import", "itflow", "x"], /--client <slug> is required/],
    [["import", "itflow"], /give the platform and the export/],
    [["import", "itflow", join(FIXTURES, "itflow"), "--client", "../evil"], /the slug `\.\.\/evil` must be lowercase letters/],
    [["import", "itflow", join(FIXTURES, "itflow"), "--client", "Acme"], /the slug `Acme` must be lowercase letters/],
    [["import", "itflow", join(FIXTURES, "itflow"), "--client", "com1"], /the slug `com1` is a name Windows keeps for a device/],
    [["import", "itflow", join(FIXTURES, "itflow"), "--client", "a".repeat(250)], /the slug `a{80}…` is 250 characters long; it may be at most 64/],
    [["import", "itflow", join(FIXTURES, "itflow"), "--client", "acme", "--name", "Two\nlines"], /--name must be the client's display name on one line/],
    [["import", "itflow", join(FIXTURES, "itflow"), "--client", "acme", "--name", "  "], /--name is empty: give the client's display name/],
    [["import", "itflow", join(FIXTURES, "itflow"), "--client", "acme", "--format", "sarif"], /--format must be one of text, json/],
  ])("%j as a usage error, changing nothing", async (args, message) => {
    const root = makeRepo({});
    const result = await run([...args, "--root", root]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(readdirSync(join(root, "clients"))).toEqual([]);
  });

  it("a slug taken by something that is not a client folder, and a symlinked clients/", async () => {
    const root = makeRepo({ "clients/acme": "a stray file\n" });
    const taken = await run(["import", "itflow", join(FIXTURES, "itflow"), "--client", "acme", "--root", root]);
    expect(taken).toMatchObject({ code: 2, stderr: expect.stringContaining("clients/acme exists and is not a client folder; nothing was changed") });
    const linked = makeRepo({});
    const elsewhere = makeRepo({});
    const { rmSync } = await import("node:fs");
    rmSync(join(linked, "clients"), { recursive: true });
    symlinkSync(join(elsewhere, "clients"), join(linked, "clients"));
    const symlinked = await run(["import", "itflow", join(FIXTURES, "itflow"), "--client", "acme", "--root", linked]);
    expect(symlinked).toMatchObject({ code: 2, stderr: expect.stringContaining("is a symbolic link") });
    expect(readdirSync(join(elsewhere, "clients"))).toEqual([]);
  });

  it("an export that is not there, placed at the path as given", async () => {
    const root = makeRepo({});
    const result = await run(["import", "itflow", "missing-export", "--client", "hfl", "--root", root], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^missing-export:1:1 error there is no file or folder at /);
    expect(readdirSync(join(root, "clients"))).toEqual([]);
  });

  it("an export with errors: nothing is written, and the problem is placed in the export's file", async () => {
    const root = makeRepo({});
    const result = await run(["import", "hudu", join(FIXTURES, "hudu"), "--client", "hfl", "--root", root]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/fixtures\/import\/hudu\/companies\.json:1:1 error this export holds 2 companies .* --organization/);
    expect(result.stderr).toContain("nothing was imported: fix the problems above, then import again.");
    expect(readdirSync(join(root, "clients"))).toEqual([]);
  });

  it("a client whose records it cannot read: fixed first, nothing changed", async () => {
    const root = makeRepo({});
    expect((await run(["import", "itflow", join(FIXTURES, "itflow"), "--client", "hfl", "--root", root])).code).toBe(0);
    edit(root, "clients/hfl/assets/hf-dc01.md", /^name: .*$/m, "name: [unclosed");
    const before = tree(join(root, "clients"));
    const result = await run(["import", "itflow", join(FIXTURES, "itflow"), "--client", "hfl", "--root", root]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/clients\/hfl\/assets\/hf-dc01\.md:\d+:\d+ error YAML/);
    expect(tree(join(root, "clients"))).toEqual(before);
  });
});

describe("handover import exits 1", () => {
  it("when the import worked but the client's records still have errors", async () => {
    const root = makeRepo({});
    expect((await run(["import", "itflow", join(FIXTURES, "itflow"), "--client", "hfl", "--root", root])).code).toBe(0);
    mkdirSync(join(root, "clients/hfl/contracts"));
    writeFileSync(join(root, "clients/hfl/contracts/msa.md"), "---\ntitle: MSA\ntype: managed-services\nbundled: false\ndisposition: sometime\n---\n");
    const result = await run(["import", "itflow", join(FIXTURES, "itflow"), "--client", "hfl", "--root", root]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/clients\/hfl\/contracts\/msa\.md:5:14 error `disposition` must be one of/);
  });
});

describe("handover import with hostile names", () => {
  it("writes only safe file names inside the client folder, and names that are text, never markup or formulas", async () => {
    const exported = makeRepo({});
    const header = "Name,Description,Type,Make,Model,Serial Number,Operating System,Purchase Date,Warranty Expire,Install Date,Assigned To,Location,Physical Location,Notes";
    const names = ["../../../etc/passwd", "..\\\\..\\\\boot.ini", "CON", "<script>alert(1)</script>", "'=HYPERLINK(\"\"https://evil.example\"\")", "🔥🔥", "a/b/c", ".hidden", "x".repeat(400)];
    writeFileSync(join(exported, "Acme-Assets-2026-11-01_09-00-00.csv"), [header, ...names.map((name, index) => `"${name}",,Desktop,,,SN${index},,,,,,,,`)].join("\n"));
    const root = makeRepo({});
    const result = await run(["import", "itflow", exported, "--client", "acme", "--name", "Acme", "--root", root, "--format", "json"]);
    expect(result.code, result.stdout).toBe(0);
    const created: string[] = JSON.parse(result.stdout).created;
    expect(created.filter((path) => path.startsWith("assets/")).sort()).toEqual(
      ["assets/asset.md", "assets/boot-ini.md", "assets/con-1.md", "assets/etc-passwd.md", "assets/hidden.md", "assets/hyperlink-https-evil-example.md", "assets/script-alert-1-script.md", "assets/a-b-c.md", `assets/${"x".repeat(48)}.md`].sort(),
    );
    expect(readdirSync(root).sort()).toEqual(["clients"]);
    expect(readdirSync(join(root, "clients"))).toEqual(["acme"]);
    const script = readFileSync(join(root, "clients/acme/assets/script-alert-1-script.md"), "utf8");
    expect(script).toMatch(/^name: "<script>alert\(1\)<\/script>"$/m);
    expect(script).toContain("# \\<script>alert(1)\\</script>");
    expect(readFileSync(join(root, "clients/acme/assets/hyperlink-https-evil-example.md"), "utf8")).toContain('name: "=HYPERLINK(\\"https://evil.example\\")"\n');
    expect((await run(["validate", "--root", root])).code).toBe(0);
  });
});

describe("handover import on an export it recognises nothing in", () => {
  it.each([
    ["an empty folder", "itflow", () => exportFolder({})],
    ["an IT Glue export read as ITFlow", "itflow", () => join(FIXTURES, "itglue")],
    ["a ZIP inside the export's ZIP", "itglue", () => exportZip({ "export.zip": zipSync(fixtureFiles("itglue")) })],
  ])("%s: exit 2, nothing written, and says so", async (_, source, exported) => {
    const root = makeRepo({});
    const path = exported();
    const result = await run(["import", source, path, "--client", "acme", "--name", "Acme", "--root", root]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${path}:1:1 error nothing here was recognised as ${source} data`);
    expect(result.stderr).toContain("nothing was imported");
    expect(readdirSync(join(root, "clients"))).toEqual([]);
  });
});

describe("handover import shows no secret in a name it reports", () => {
  const token = `ghp_${"aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5"}`;

  it("in a dropped column's header and a file's name, as text and as JSON", async () => {
    const exported = exportFolder({
      "Acme-Assets-2026-11-01_09-00-00.csv": `Name,Description,Type,Make,Model,Serial Number,Operating System,Purchase Date,Warranty Expire,Install Date,Assigned To,Location,Physical Location,Notes,token ${token}\r\nPC-1,,Desktop,Dell,OptiPlex,SN1,Windows 11,,,,,,,,x\r\n`,
      [`notes-${token}.csv`]: "Unknown,Header\r\na,b\r\n",
    });
    for (const format of ["text", "json"]) {
      const root = makeRepo({});
      const result = await run(["import", "itflow", exported, "--client", "acme", "--name", "Acme", "--root", root, "--format", format]);
      expect(result.code, result.stderr).toBeLessThan(2);
      const output = `${result.stdout}${result.stderr}`;
      expect(output).not.toContain(token.slice(4));
      expect(output).toContain("‹hidden: looks like a secret›");
    }
  });

  it("in an organization's name, in the error that lists them and its did-you-mean", async () => {
    const files = fixtureFiles("itglue");
    const organizations = new TextDecoder().decode(files["organizations.csv"]).replace("Osprey Dental Group", `Osprey ${token}`);
    const exported = exportFolder({ ...files, "organizations.csv": organizations });
    for (const organization of [undefined, `Osprey ${token.slice(0, -1)}`]) {
      const root = makeRepo({});
      const result = await run(["import", "itglue", exported, "--client", "acme", "--root", root, ...(organization ? ["--organization", organization] : [])]);
      expect(result.code).toBe(2);
      // The name as typed is the tech's own input; the export's is never shown.
      expect(result.stderr).not.toContain(token.slice(4));
      expect(result.stderr).toContain("Osprey ‹hidden: looks like a secret›");
    }
  });
});
