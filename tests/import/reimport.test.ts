import { existsSync, readdirSync, readFileSync, renameSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importClient } from "../../scripts/import/import-client.ts";
import { loadClient } from "../../scripts/load/load-client.ts";
import { validateClient } from "../../scripts/rules/index.ts";
import { sampleExport, origin } from "../helpers/export-data.ts";
import { edit, makeRepo, run } from "../helpers/repo.ts";

/** Every file under a folder with its bytes and modification time: what "changes nothing" compares. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, name);
    if (statSync(path).isFile()) files[name] = `${statSync(path).mtimeMs} ${readFileSync(path, "base64")}`;
  }
  return files;
}

const importInto = (root: string, data = sampleExport(), name?: string) => importClient(data, { root, slug: "acme", dryRun: false, name });
const read = (root: string, path: string) => readFileSync(join(root, "clients/acme", path), "utf8");

describe("importing again", () => {
  it("changes nothing, byte for byte, when the export is the same", () => {
    const root = makeRepo({});
    const first = importInto(root);
    expect(first.plan?.files.map((file) => file.status)).toEqual(Array(6).fill("created"));
    const before = snapshot(join(root, "clients/acme"));
    const second = importInto(root);
    expect(second.written).toBe(false);
    expect(second.plan?.files.every((file) => file.status === "unchanged")).toBe(true);
    expect(snapshot(join(root, "clients/acme"))).toEqual(before);
  });

  it("updates only the fields the import owns, and keeps every field a tech edited, decided or added", async () => {
    const root = makeRepo({});
    importInto(root);
    const firewall = "clients/acme/assets/front-office-firewall.md";
    edit(root, firewall, "owner: to-decide", "owner: client # confirmed with Jane on the phone");
    edit(root, firewall, "model: Fortinet FortiGate 60F", "model: Fortinet FortiGate 60F # the one by the door");
    edit(root, firewall, "disposition: to-decide", "disposition: stays");
    edit(root, firewall, "agents: to-decide", "agents:\n  - type: rmm\n    product: NinjaOne");
    edit(root, firewall, "- Type in ITFlow: Firewall", "- Type in ITFlow: Firewall\n\nThe client's own firewall: it stays where it is.");

    const newer = sampleExport();
    const asset = newer.assets[0]!;
    asset.fields = { ...asset.fields, serial: "FGT60F9999", model: "FortiGate 61F", description: "Replaced under warranty in 2026." };
    newer.tickets[0]!.fields.subject = "Printer offline on the 2nd floor";
    const outcome = importInto(root, newer);

    const changed = outcome.plan?.files.filter((file) => file.status === "changed").map(({ path, updated, kept }) => ({ path, updated, kept }));
    expect(changed).toEqual([
      { path: "assets/front-office-firewall.md", updated: ["model", "serial"], kept: ["body"] },
      { path: "issues/tck-42-printer-offline.md", updated: ["title", "body"], kept: [] },
    ]);
    const text = read(root, "assets/front-office-firewall.md");
    expect(text).toMatch(/^model: Fortinet FortiGate 61F # the one by the door$/m);
    expect(text).toMatch(/^serial: FGT60F9999$/m);
    expect(text).toMatch(/^owner: client # confirmed with Jane on the phone$/m);
    expect(text).toMatch(/^disposition: stays\nagents:\n {2}- type: rmm\n {4}product: NinjaOne$/m);
    expect(text).toContain("The client's own firewall: it stays where it is.");
    expect(text).not.toContain("Replaced under warranty");
    // The file keeps its name; its title and body follow the source, which no tech touched.
    expect(read(root, "issues/tck-42-printer-offline.md")).toContain("title: Printer offline on the 2nd floor");
    expect((await validateClient(loadClient(root, "acme"))).problems.filter((problem) => problem.severity === "error")).toEqual([]);

    // And again: the decisions stay, nothing moves.
    const third = importInto(root, newer);
    expect(third.plan?.files.every((file) => file.status === "unchanged")).toBe(true);
  });

  it("keeps the name a first import was given with --name when a later one has none", () => {
    const root = makeRepo({});
    importInto(root, sampleExport(), "Acme Dental Group LLP");
    expect(read(root, "client.md")).toMatch(/^name: Acme Dental Group LLP$/m);
    const again = importInto(root);
    expect(again.plan?.files.find((file) => file.path.endsWith("client.md"))?.status).toBe("unchanged");
    expect(read(root, "client.md")).toMatch(/^name: Acme Dental Group LLP$/m);
  });

  it("lets the source update a field again once a tech's edit agrees with it", () => {
    const root = makeRepo({});
    importInto(root);
    edit(root, "clients/acme/assets/front-office-firewall.md", "serial: FGT60F1234", "serial: FGT60F5555");
    const newer = sampleExport();
    newer.assets[0]!.fields.serial = "FGT60F5555";
    expect(importInto(root, newer).plan?.files.find((file) => file.path === "assets/front-office-firewall.md")?.status).toBe("changed");
    const later = sampleExport();
    later.assets[0]!.fields.serial = "FGT60F7777";
    importInto(root, later);
    expect(read(root, "assets/front-office-firewall.md")).toMatch(/^serial: FGT60F7777$/m);
  });

  it("keeps a field a tech removed removed", () => {
    const root = makeRepo({});
    importInto(root);
    edit(root, "clients/acme/assets/front-office-firewall.md", /^location: .*\n/m, "");
    const newer = sampleExport();
    newer.assets[0]!.fields.location = "Server closet, rack B";
    expect(importInto(root, newer).plan?.files.find((file) => file.path === "assets/front-office-firewall.md")).toMatchObject({ status: "unchanged", kept: ["location"] });
    expect(read(root, "assets/front-office-firewall.md")).not.toMatch(/^location:/m);
  });

  it("reports a record whose item left the source, or is no longer open, and never deletes it", () => {
    const root = makeRepo({});
    importInto(root);
    const newer = sampleExport();
    newer.assets.pop();
    newer.tickets[0]!.fields.open = false;
    const outcome = importInto(root, newer);
    expect(outcome.plan?.removed).toEqual([
      { path: "assets/acme-dental-example.md", provenance: { system: "itflow", entity: "domains", id: "acme-dental.example" }, reason: "no longer in the export" },
      { path: "issues/tck-42-printer-offline.md", provenance: { system: "itflow", entity: "tickets", id: "TCK-42" }, reason: "closed in the source" },
    ]);
    expect(existsSync(join(root, "clients/acme/assets/acme-dental-example.md"))).toBe(true);
    expect(existsSync(join(root, "clients/acme/issues/tck-42-printer-offline.md"))).toBe(true);
  });

  it("finds a record again by where it came from, whatever a tech renamed its file to", () => {
    const root = makeRepo({});
    importInto(root);
    renameSync(join(root, "clients/acme/assets/front-office-firewall.md"), join(root, "clients/acme/assets/fw-01.md"));
    const outcome = importInto(root);
    expect(outcome.plan?.files.map((file) => [file.path, file.status])).toContainEqual(["assets/fw-01.md", "unchanged"]);
    expect(existsSync(join(root, "clients/acme/assets/front-office-firewall.md"))).toBe(false);
  });

  it("names a new item's record beside the existing ones without landing on any", () => {
    const root = makeRepo({});
    importInto(root);
    const newer = sampleExport();
    newer.assets.push({ origin: origin("assets", "FW-02"), fields: { name: "Front-office firewall", category: "hardware" } });
    const created = importInto(root, newer).plan?.files.filter((file) => file.status === "created").map((file) => file.path);
    expect(created).toEqual([expect.stringMatching(/^assets\/front-office-firewall-[0-9a-f]{6}\.md$/)]);
  });

  it("adopts a client case made by `handover new`: its own name and words stay, the tables are added", async () => {
    const root = makeRepo({});
    expect((await run(["new", "acme", "--name", "Acme Dental Group", "--root", root, "--today", "2026-11-01"])).code).toBe(0);
    const before = read(root, "client.md");
    importInto(root);
    const after = read(root, "client.md");
    expect(after.startsWith(before.slice(0, before.indexOf("\n---\n")))).toBe(true);
    expect(after).toContain(before.slice(before.indexOf("\n---\n") + 5).trim());
    expect(after).toMatch(/^name: "Acme Dental Group"$/m);
    expect(after).toMatch(/\n## Contacts\n\n\| Name +\| Title/);
    expect(after).toMatch(/\n## Vendors\n/);
  });

  it("keeps a section of the client case a tech edited while the others follow the source", () => {
    const root = makeRepo({});
    importInto(root);
    edit(root, "clients/acme/client.md", "| Jane Doe |", "| Jane Doe (until December) |");
    edit(root, "clients/acme/client.md", "<!-- Imported from ITFlow.", "Acme Dental is a three-chair practice.\n\n<!-- Imported from ITFlow.");
    const newer = sampleExport();
    newer.contacts.push({ origin: origin("contacts", "Sam Roe"), fields: { name: "Sam Roe" } });
    newer.locations[0]!.fields.phone = "+1 555 0199";
    const outcome = importInto(root, newer);
    expect(outcome.plan?.files.find((file) => file.path === "client.md")).toMatchObject({ updated: ["body:locations"], kept: ["body:contacts"] });
    const text = read(root, "client.md");
    expect(text).toContain("Acme Dental is a three-chair practice.");
    expect(text).toContain("Jane Doe (until December)");
    expect(text).not.toContain("Sam Roe");
    expect(text).toMatch(/\| Main office \| 1 Main Street, Springfield, 12345 \| \+1 555 0199 \|/);
  });
});
