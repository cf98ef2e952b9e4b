import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importClient } from "../../scripts/import/import-client.ts";
import { origin, sampleExport } from "../helpers/export-data.ts";
import { edit, makeRepo, run } from "../helpers/repo.ts";

/** Every entry under a folder with its bytes: a failed import must leave exactly this. */
function tree(dir: string): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const name of (readdirSync(dir, { recursive: true }) as string[]).sort()) {
    const path = join(dir, name);
    entries[name] = statSync(path).isFile() ? readFileSync(path, "base64") : "(folder)";
  }
  return entries;
}

/** An export that changes two records and adds one, in a new kind folder, since `sampleExport()`. */
function newerExport() {
  const data = sampleExport();
  data.assets[0]!.fields.serial = "FGT60F9999";
  data.tickets[0]!.fields.subject = "Printer offline again";
  data.documents.push({ origin: origin("documents", "D-1"), fields: { title: "Runbook", html: "<p>Restart the printer.</p>" } });
  return data;
}

const failAt = (phase: "stage" | "commit", count: number) => {
  let seen = 0;
  return (step: "stage" | "commit") => {
    if (step === phase && ++seen === count) throw new Error(`disk full (test) at the ${phase} of file ${count}`);
  };
};

describe("a failed import", () => {
  it.each([
    ["while the change is staged", "stage", 2],
    ["half-way through moving the files into place", "commit", 3],
  ] as const)("leaves the client folder exactly as it was when it fails %s", (_, phase, count) => {
    const root = makeRepo({});
    importClient(sampleExport(), { root, slug: "acme", dryRun: false });
    edit(root, "clients/acme/assets/front-office-firewall.md", "owner: to-decide", "owner: client");
    const before = tree(join(root, "clients"));
    expect(() => importClient(newerExport(), { root, slug: "acme", dryRun: false, hook: failAt(phase, count) })).toThrow(/disk full \(test\)/);
    expect(tree(join(root, "clients"))).toEqual(before);
    // And the same import then goes through whole.
    const outcome = importClient(newerExport(), { root, slug: "acme", dryRun: false });
    expect(outcome.plan?.files.filter((file) => file.status !== "unchanged").map((file) => file.path)).toEqual(["assets/front-office-firewall.md", "docs/runbook.md", "issues/tck-42-printer-offline.md"]);
  });

  it("leaves no client folder behind when a new client's import fails", () => {
    const root = makeRepo({});
    expect(() => importClient(sampleExport(), { root, slug: "acme", dryRun: false, hook: failAt("stage", 4) })).toThrow(/disk full/);
    expect(readdirSync(join(root, "clients"))).toEqual([]);
    expect(() => importClient(sampleExport(), { root, slug: "acme", dryRun: false, hook: failAt("commit", 1) })).toThrow(/disk full/);
    expect(readdirSync(join(root, "clients"))).toEqual([]);
  });

  it("puts every file back when the file system refuses one", () => {
    const root = makeRepo({});
    const data = sampleExport();
    data.documents.push({ origin: origin("documents", "D-1"), fields: { title: "Runbook", html: "<p>Restart the printer.</p>" } });
    data.tickets = [];
    importClient(data, { root, slug: "acme", dryRun: false });
    // A stray file where the issues folder must go: the last move of the import fails for real.
    writeFileSync(join(root, "clients/acme/issues"), "not a folder\n");
    edit(root, "clients/acme/docs/runbook.md", "Restart the printer.", "Restart the printer, then the PC.");
    const before = tree(join(root, "clients"));
    const newer = newerExport();
    newer.documents[0]!.fields.html = "<p>Restart the printer and wait.</p>";
    expect(() => importClient(newer, { root, slug: "acme", dryRun: false })).toThrow(/ENOTDIR|EEXIST|not a directory/);
    expect(tree(join(root, "clients"))).toEqual(before);
    expect(existsSync(join(root, "clients/acme/assets/front-office-firewall.md"))).toBe(true);
  });
});

describe("--dry-run", () => {
  it("writes nothing and says what would be created, changed and dropped", async () => {
    const root = makeRepo({});
    const fixtures = new URL("../fixtures/import/itflow/", import.meta.url).pathname;
    const first = await run(["import", "itflow", fixtures, "--client", "harbor-finch-legal", "--root", root, "--dry-run"]);
    expect(first.code).toBe(0);
    expect(readdirSync(join(root, "clients"))).toEqual([]);
    expect(first.stdout).toMatch(/^Dry run: nothing was written\. Importing this itflow export would create clients\/harbor-finch-legal\/:\n {2}34 records would be created, 0 would be changed, 0 unchanged\n/);
    expect(first.stdout).toContain("Would create:\n  clients/harbor-finch-legal/access/");
    expect(first.stdout).toContain("Columns dropped as secret, never read:\n  Harbor Finch Legal-Credentials-2025-06-02_14-05-33.csv: Password (8 values)\n");
    expect(first.stdout).not.toContain("Next:");

    expect((await run(["import", "itflow", fixtures, "--client", "harbor-finch-legal", "--root", root])).code).toBe(0);
    edit(root, "clients/harbor-finch-legal/assets/hf-dc01.md", "owner: to-decide", "owner: client");
    const before = tree(join(root, "clients"));
    const again = await run(["import", "itflow", fixtures, "--client", "harbor-finch-legal", "--root", root, "--dry-run", "--format", "json"]);
    expect(again.code).toBe(0);
    expect(tree(join(root, "clients"))).toEqual(before);
    const report = JSON.parse(again.stdout);
    expect(report).toMatchObject({ ok: true, dryRun: true, existed: true, created: [], changed: [], unchanged: 34, toDecide: null });
  });
});
