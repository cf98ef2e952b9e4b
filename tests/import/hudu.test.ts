import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ExportData } from "../../scripts/import/export-data.ts";
import { huduSource } from "../../scripts/import/sources/hudu.ts";
import { exportFolder, FIXTURES, leaked } from "../helpers/export-files.ts";

const FOLDER = join(FIXTURES, "hudu");
const read = (path: string, organization?: string) => huduSource.read(path, organization === undefined ? {} : { organization });
const messages = (data: ExportData) => data.problems.map((problem) => `${problem.file}:${problem.line}:${problem.column} ${problem.severity} ${problem.message}`);
const byId = <T extends { origin: { id: string } }>(items: readonly T[], id: string) => items.find((item) => item.origin.id === id);
const fixture = (name: string): unknown => JSON.parse(readFileSync(join(FOLDER, name), "utf8"));

/** Every password and OTP secret, and every value of a Password or ConfidentialText field, of every company, read here from the fixture's JSON. */
function plantedSecrets(): string[] {
  const passwords = (fixture("asset_passwords.json") as { asset_passwords: Record<string, unknown>[] }).asset_passwords.flatMap((item) => [item.password, item.otp_secret]);
  const layouts = (fixture("asset_layouts.json") as { asset_layouts: { fields: { label: string; field_type: string }[] }[] }).asset_layouts;
  const secretLabels = new Set(layouts.flatMap((layout) => layout.fields.filter((field) => ["Password", "ConfidentialText"].includes(field.field_type)).map((field) => field.label)));
  const pages = fixture("assets.json") as { assets: { fields: { label: string; value: unknown }[] }[] }[];
  const fields = pages.flatMap((page) => page.assets.flatMap((asset) => asset.fields.filter((field) => secretLabels.has(field.label) || field.label === "Pre-shared Key" || field.label === "Encryption Passphrase").map((field) => field.value)));
  return [...passwords, ...fields].filter((value): value is string => typeof value === "string" && value !== "");
}

describe("the Hudu reader on an account-wide API export", async () => {
  const data = await read(FOLDER, "Harbor Finch Legal");

  it("imports nothing until --organization picks one of its companies", async () => {
    const none = await read(FOLDER);
    expect(none.assets).toEqual([]);
    expect(messages(none)).toEqual([
      'companies.json:1:1 error this export holds 2 companies (Harbor Finch Legal, Osprey Dental Group); pick the one to import with --organization "<name>". Nothing was imported',
    ]);
    expect((await read(FOLDER, "12")).client?.fields.name).toBe("Harbor Finch Legal");
  });

  it("reads the company, its address as a location and its notes, sanitised, as the MSP's own notes, and nothing of another company", () => {
    expect(data.client).toEqual({
      origin: { system: "hudu", entity: "companies", id: "12", file: "companies.json", line: 1 },
      fields: { name: "Harbor Finch Legal", industry: "Legal", website: "https://harborfinch.example", notes: "Court deadlines: **no maintenance** 8:00-18:00 on weekdays.\n" },
    });
    expect(data.locations.map((location) => location.fields)).toEqual([
      { name: "Main address", address: "410 Wharf Street, Suite 3", city: "Harbor City", state: "OR", postalCode: "97035", country: "United States", phone: "+1 555 0100" },
    ]);
    expect(data.documents.map((document) => document.fields.title)).toEqual(["Firewall configuration", "New starter checklist"]);
    expect(JSON.stringify(data)).not.toMatch(/Osprey|ODG-|Dentrix|ospreydental|MSP standard/);
  });

  it("merges the pages of assets.json and reads each asset's fields by label, its category from its layout", () => {
    expect(data.assets.filter((asset) => asset.origin.entity === "assets")).toHaveLength(12);
    expect(byId(data.assets, "101")?.fields).toEqual({
      name: "HF-DC01",
      category: "hardware",
      sourceType: "Computer Assets",
      serial: "7XK2Q93",
      make: "Dell",
      model: "PowerEdge R450",
      operatingSystem: "Windows Server 2022",
      expiresOn: "2027-03-14",
      notes: "Local admin: hfadmin / Heron-Local#6119",
    });
    expect(byId(data.assets, "105")?.fields).toEqual({
      name: "HF-FW01",
      category: "hardware",
      sourceType: "Network Devices",
      serial: "FGT60FTK21000123",
      make: "Fortinet",
      model: "FortiGate 60F",
      ip: "192.168.10.1",
      expiresOn: "2026-10-18",
    });
    expect(byId(data.assets, "108")?.fields.category).toBe("cloud-tenant");
    expect(byId(data.assets, "701")?.fields).toEqual({ name: "https://harborfinch.example", category: "domain", notes: "Squarespace site; DNS at Gandi" });
  });

  it("drops password, otp_secret and Password, ConfidentialText and secret-named fields, counting this company's values", () => {
    expect(data.dropped).toEqual([
      { file: "assets.json", column: "Computer Assets: BIOS Password", values: 2 },
      { file: "assets.json", column: "Network Devices: Admin Login", values: 1 },
      { file: "assets.json", column: "Microsoft 365: Break-glass Login", values: 1 },
      { file: "assets.json", column: "Wireless: Pre-shared Key", values: 1 },
      { file: "assets.json", column: "Backup Jobs: Encryption Passphrase", values: 1 },
      { file: "asset_passwords.json", column: "password", values: 4 },
      { file: "asset_passwords.json", column: "otp_secret", values: 2 },
    ]);
    expect(data.credentials.map((credential) => [credential.fields.name, credential.fields.hadOtp, credential.fields.archived])).toEqual([
      ["Domain Admin", false, false],
      ["Microsoft 365 Global Admin", true, false],
      ["FortiGate admin", true, false],
      ["Clio", false, true],
    ]);
    expect(byId(data.credentials, "301")?.fields).toEqual({
      name: "Domain Admin",
      description: "Tier 0 account",
      username: "HARBORFINCH\\hfadmin",
      url: "rdp://hf-dc01.harborfinch.local",
      category: "Active Directory",
      hadOtp: false,
      archived: false,
    });
  });

  it("holds no secret of any company", () => {
    const secrets = plantedSecrets();
    expect(secrets).toHaveLength(14);
    expect(leaked(data, secrets)).toEqual([]);
  });

  it("passes articles' HTML on as written, for the mapping to sanitise", () => {
    expect(byId(data.documents, "501")?.fields.html).toContain("<script>document.location=");
  });

  it("says what it left out or could not read, each in its place", () => {
    expect(messages(data)).toEqual([
      "articles.json:1:1 warning 1 articles belong to no company (the global knowledge base); they were left out",
      'asset_layouts.json:79:5 warning the layout "Microsoft 365" has fields handover does not read into an asset: Tenant ID',
      'asset_layouts.json:105:5 warning the layout "Wireless" has fields handover does not read into an asset: SSID',
      'asset_layouts.json:125:5 warning the layout "Backup Jobs" has fields handover does not read into an asset: Schedule',
      "assets.json:146:22 warning this Warranty Expiration is not a date in YYYY-MM-DD form; it was left out",
      'assets.json:283:7 warning the layout "Backup Jobs" names no kind of asset handover knows (hardware, licence, subscription, domain, certificate, cloud tenant); its assets were read as hardware: check them',
    ]);
  });
});

describe("the Hudu reader on broken exports", () => {
  it("places a JSON syntax error and never quotes the file", async () => {
    const data = await read(exportFolder({ "asset_passwords.json": '{"asset_passwords": [\n  {"id": 1, "name": "Router",\n   "password": Hunter2-Secret}\n]}\n' }));
    expect(messages(data)).toEqual(["asset_passwords.json:3:16 error this file is not valid JSON (invalid symbol here); export it again. It was not read"]);
    expect(leaked(data, ["Hunter2-Secret"])).toEqual([]);
  });

  it("refuses a file that is not the endpoint's shape, and entries that are not objects or have no id", async () => {
    const data = await read(
      exportFolder({
        "companies.json": '{"company": {"id": 1, "name": "Harbor Finch Legal"}}',
        "websites.json":
          '[\n  "https://a.example",\n  {"name": "https://b.example"},\n  {"id": 7, "company_id": 1, "name": "https://c.example"},\n  {"id": 7, "company_id": 1, "name": "https://c.example"}\n]',
      }),
    );
    expect(data.assets.map((asset) => asset.fields.name)).toEqual(["https://c.example"]);
    expect(messages(data)).toEqual([
      'companies.json:1:1 error this is not Hudu\'s companies as its API returns it: expected {"companies": [...]}, a list of such pages, or a list of companies; it was not read',
      "websites.json:2:3 error this entry of websites is not an object; it was not read",
      "websites.json:3:3 error this entry of websites has no id; it was not read",
      "websites.json:5:3 warning websites id 7 appears twice (overlapping pages?); only the first was read",
    ]);
  });

  it("says so when the export holds no endpoint file", async () => {
    const folder = exportFolder({ "readme.txt": "x", "people.json": "[]" });
    expect(messages(await read(folder))).toEqual([
      expect.stringMatching(/^handover-export-\w+:1:1 error this export holds none of Hudu's endpoint files/),
      expect.stringMatching(/^people\.json:1:1 warning handover reads Hudu's companies\.json, .*; this file was not read$/),
    ]);
  });
});
