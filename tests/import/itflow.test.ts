import { readFileSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import type { ExportData } from "../../scripts/import/export-data.ts";
import { itflowSource } from "../../scripts/import/sources/itflow.ts";
import { unescapeItflowCell } from "../../scripts/import/sources/itflow-modules.ts";
import { exportFolder, FIXTURES, fixtureFiles, leaked } from "../helpers/export-files.ts";

const FOLDER = join(FIXTURES, "itflow");
const STAMP = "2025-06-02_14-05-33";
const CREDENTIALS = `Harbor Finch Legal-Credentials-${STAMP}.csv`;
const ASSETS = `Harbor Finch Legal-Assets-${STAMP}.csv`;

/** The values of the fixtures' secret columns, read here with csv-parse alone. */
function plantedSecrets(): string[] {
  const column = (file: string, name: string) => {
    const [header, ...rows] = parse(readFileSync(join(FOLDER, file))) as string[][];
    const index = (header as string[]).indexOf(name);
    return rows.map((row) => row[index] as string).filter((value) => value !== "");
  };
  return [...column(CREDENTIALS, "Password"), ...column(CREDENTIALS, "TOTP"), ...column(`Harbor Finch Legal-Software-${STAMP}.csv`, "Key")];
}

const read = (path: string, organization?: string) => itflowSource.read(path, organization === undefined ? {} : { organization });
const messages = (data: ExportData) => data.problems.map((problem) => `${problem.file}:${problem.line}:${problem.column} ${problem.severity} ${problem.message}`);
const byId = <T extends { origin: { id: string } }>(items: readonly T[], id: string) => items.find((item) => item.origin.id === id);

describe("the ITFlow reader on the Harbor Finch Legal export", async () => {
  const data = await read(FOLDER);

  it("reads the client from the Clients export, and no row of the other client in it", () => {
    expect(data.client?.fields).toEqual({ name: "Harbor Finch Legal", industry: "Legal", website: "https://harborfinch.example" });
    expect(data.client?.origin).toEqual({ system: "itflow", entity: "clients", id: "Harbor Finch Legal", file: "Clients-2025-06-02_14-05-10.csv", line: 2 });
    expect(JSON.stringify(data)).not.toContain("Osprey");
    // Billing columns are never read.
    expect(JSON.stringify(data)).not.toContain("93-4471820");
  });

  it("reads every module into its fields", () => {
    expect(data.contacts.map((contact) => contact.fields.name)).toEqual(["Oliver Evans", "Mara Quint", "Priya Patel", "Dana Whitlock", "Reception Desk"]);
    expect(byId(data.contacts, "Oliver Evans")?.fields).toEqual({
      name: "Oliver Evans",
      title: "Managing Partner",
      department: "Partners",
      email: "oliver.evans@harborfinch.example",
      phone: "+1 555 0101 ext. 12",
      mobile: "+1 555 0177",
      location: "Main Office",
    });
    expect(data.vendors.map((vendor) => vendor.fields.name)).toEqual(["Cascade Fiber", "Clio", "Northgate IT Supply"]);
    expect(data.networks[0]?.fields).toEqual({
      name: "Office LAN",
      description: "Staff devices and servers",
      vlan: "10",
      network: "192.168.10.0/24",
      gateway: "192.168.10.1",
      range: "192.168.10.100-192.168.10.199",
      dns: ["192.168.10.5", "1.1.1.1"],
    });
    expect(byId(data.assets, "HF-DC01")?.fields).toMatchObject({
      category: "hardware",
      sourceType: "Server",
      make: "Dell",
      model: "PowerEdge R450",
      serial: "7XK2Q93",
      operatingSystem: "Windows Server 2022",
      purchasedOn: "2022-03-14",
      installedOn: "2022-03-21",
      expiresOn: "2027-03-14",
      location: "Main Office / Server closet, rack A",
    });
    expect(byId(data.assets, "HF-LT-EVANS")?.fields.assignedTo).toBe("Oliver Evans");
  });

  it("maps each kind of asset to its category", () => {
    const categories = Object.fromEntries(data.assets.map((asset) => [asset.origin.id, asset.fields.category]));
    expect(categories).toMatchObject({
      "HF-FW01": "hardware",
      "Harbor Finch Microsoft 365": "cloud-tenant",
      "VPN certificate": "certificate",
      "harborfinch.example": "domain",
      "Microsoft 365 Business Premium": "subscription",
      "Windows Server 2022 Standard": "licence",
    });
    expect(byId(data.assets, "harborfinch.example")?.fields).toEqual({
      name: "harborfinch.example",
      category: "domain",
      description: "Main domain, email",
      vendor: "Gandi",
      expiresOn: "2026-02-11",
      notes: "Web host: Squarespace",
    });
    expect(byId(data.assets, "Adobe Acrobat Pro")?.fields).toMatchObject({
      category: "subscription",
      sourceType: "Desktop / Subscription",
      seats: "6",
      version: "2024",
      notes: "Assets: HF-LT-EVANS, HF-LT-PATEL",
    });
  });

  it("reads the newer of two Assets exports and says the older was not read", () => {
    expect(data.assets.filter((asset) => asset.origin.entity === "assets")).toHaveLength(12);
    expect(byId(data.assets, "HF-OLD-SRV")).toBeUndefined();
    expect(messages(data)).toContain(`Harbor Finch Legal-Assets-2025-05-01_09-00-00.csv:1:1 warning an older export of Assets: ${ASSETS} is newer and was read instead`);
  });

  it("undoes ITFlow's formula escaping, and only that", () => {
    expect(byId(data.assets, "HF-FW01")?.fields.description).toBe('=HYPERLINK("http://evil.example/fw","Firmware notes")');
    expect(byId(data.tickets, "TCK-4830")?.fields.subject).toBe("-- Printer offline again");
    expect(byId(data.tickets, "TCK-4833")?.fields.subject).toBe("@Reception: scan to email fails");
    expect(["'=1", "'+1 555", "'-", "'@x", "'\tx", "'\rx", "'plain", "''=x", "'", "=x"].map(unescapeItflowCell)).toEqual(["=1", "+1 555", "-", "@x", "\tx", "\rx", "'plain", "''=x", "'", "=x"]);
  });

  it("trims padded headers and reads a file that starts with a BOM", () => {
    expect(data.locations.map((location) => location.fields.name)).toEqual(["Main Office", "Records Storage"]);
    expect(data.locations[0]?.fields.description).toBe("Head office, 3rd floor");
    expect(data.contacts[0]?.origin.line).toBe(2);
  });

  it("keeps line numbers right across CRLF and a quoted line break, and normalises the break in the value", () => {
    expect(data.credentials.map((credential) => [credential.origin.id, credential.origin.line])).toEqual([
      ["Domain Admin", 2],
      ["Microsoft 365 Global Admin (admin@harborfinch.onmicrosoft.example)", 3],
      ["Microsoft 365 Global Admin (breakglass@harborfinch.onmicrosoft.example)", 5],
      ["FortiGate admin", 6],
      ["Synology DSM", 7],
      ["UniFi Network", 8],
      ["Clio", 9],
      ["Staff Wi-Fi", 10],
    ]);
    expect(data.credentials[1]?.fields.description).toBe("Tenant admin\nUse from the office only");
  });

  it("drops Password, TOTP and Key, counting their values, and records whether a TOTP was set", () => {
    expect(data.dropped).toEqual([
      { file: CREDENTIALS, column: "Password", values: 8 },
      { file: CREDENTIALS, column: "TOTP", values: 3 },
      { file: `Harbor Finch Legal-Software-${STAMP}.csv`, column: "Key", values: 2 },
    ]);
    expect(data.credentials.filter((credential) => credential.fields.hadOtp).map((credential) => credential.fields.name)).toEqual(["Microsoft 365 Global Admin", "FortiGate admin", "UniFi Network"]);
    for (const credential of data.credentials) expect(Object.keys(credential.fields).sort()).toEqual(expect.not.arrayContaining(["password", "totp"]));
  });

  it("holds no value of a secret column anywhere, problems included", () => {
    const secrets = plantedSecrets();
    expect(secrets).toHaveLength(13);
    expect(leaked(data, secrets)).toEqual([]);
  });

  it("passes a password pasted into Notes on as it is, for the mapping's scanner to withhold", () => {
    expect(byId(data.assets, "HF-DC01")?.fields.notes).toBe("Rebuilt after RAID fault in 2024.\nLocal admin: hfadmin / Tr1dent-Local#4471 (change after handover)");
  });

  it("marks tickets open until resolved or closed", () => {
    expect(data.tickets.map((ticket) => [ticket.fields.number, ticket.fields.open, ticket.fields.openedOn])).toEqual([
      ["TCK-4821", true, "2025-05-28"],
      ["TCK-4822", true, "2025-05-20"],
      ["TCK-4790", false, "2025-05-02"],
      ["TCK-4801", false, "2025-05-06"],
      ["TCK-4830", true, "2025-06-01"],
      ["TCK-4833", true, "2025-06-02"],
    ]);
  });

  it("reports only the older Assets export", () => {
    expect(data.problems).toHaveLength(1);
  });
});

const CONTACTS_HEADER = "Name,Title,Department,Email,Phone,Ext,Mobile,Location\n";
const contactsFile = (client = "Harbor Finch Legal", stamp = STAMP) => `${client}-Contacts-${stamp}.csv`;

describe("the ITFlow reader on hostile and broken exports", () => {
  it("skips a ragged row with a located error and reads the rows around it", async () => {
    const data = await read(exportFolder({ [contactsFile()]: `${CONTACTS_HEADER}Ann Lee,CEO,,ann@x.example,,,,HQ\nBob, Stray comma,Ops,,bob@x.example,,,,HQ\nCara Moe,,,,,,,HQ\n` }));
    expect(data.contacts.map((contact) => contact.fields.name)).toEqual(["Ann Lee", "Cara Moe"]);
    expect(messages(data)).toEqual([`${contactsFile()}:3:1 error this row has 9 cells where the header has 8, so its columns cannot be trusted; it was not read (a comma in a cell without quotes?)`]);
  });

  it("reports an unknown header at its column with a did-you-mean, never quoting it", async () => {
    const data = await read(exportFolder({ [contactsFile()]: "Name,Title,Departmnet,Email,Phone,Ext,Mobile,Location\nAnn Lee,CEO,Board,ann@x.example,,,,HQ\n" }));
    expect(messages(data)).toEqual([`${contactsFile()}:1:12 warning this column is not one of ITFlow's Contacts export's, so its values are not read (did you mean 'Department'?)`]);
    expect(data.contacts[0]?.fields).toEqual({ name: "Ann Lee", title: "CEO", email: "ann@x.example", location: "HQ" });
  });

  it("refuses a file without its required column, and never puts a header-less file's data in a message", async () => {
    const data = await read(exportFolder({ [`Harbor Finch Legal-Credentials-${STAMP}.csv`]: "Nmae,Description,Username,Password,TOTP,URI\nDC,AD,admin,Hunter2-Secret!,,\n" }));
    expect(data.credentials).toEqual([]);
    expect(messages(data)).toContain(
      `Harbor Finch Legal-Credentials-${STAMP}.csv:1:1 error ITFlow's Credentials export needs a 'Name' column and this header row has none (column 1 may be it, misspelt); the file was not read`,
    );
    const headerless = await read(exportFolder({ [`Harbor Finch Legal-Credentials-${STAMP}.csv`]: "DC01,Domain controller,admin,Hunter2-Secret!,JBSWY3DP,https://dc\n" }));
    expect(leaked(headerless, ["Hunter2-Secret!", "JBSWY3DP", "DC01", "admin"])).toEqual([]);
    expect(headerless.problems.length).toBeGreaterThan(0);
  });

  it("refuses a file that is not UTF-8, at the first bad byte, and a UTF-16 one", async () => {
    const latin1 = Buffer.concat([Buffer.from(`${CONTACTS_HEADER}Ann Lee,CEO,,,,,,HQ\nRen`), Buffer.from([0xe9]), Buffer.from("e Dupont,,,,,,,HQ\n")]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CONTACTS_HEADER, "utf16le")]);
    const data = await read(exportFolder({ [contactsFile()]: latin1, [`Harbor Finch Legal-Locations-${STAMP}.csv`]: utf16 }));
    expect(data.contacts).toEqual([]);
    expect(messages(data)).toEqual([
      `${contactsFile()}:3:4 error this file is not valid UTF-8 (saved as Windows-1252 or another code page?); export it again, or save it as UTF-8. It was not read`,
      `Harbor Finch Legal-Locations-${STAMP}.csv:1:1 error this file is UTF-16; export it again, or save it as CSV UTF-8 / UTF-8 text`,
    ]);
  });

  it("refuses a CSV over the size limit before reading it", async () => {
    const folder = exportFolder({ [contactsFile()]: CONTACTS_HEADER });
    truncateSync(join(folder, contactsFile()), 64 * 1024 * 1024 + 1);
    const data = await read(folder);
    expect(messages(data)).toEqual([`${contactsFile()}:1:1 error this file is 64 MiB, over the 64 MiB limit for it; it was not read. Export fewer records at a time`]);
  });

  it("reports a quoted cell that never closes at the row it starts, keeping the rows before", async () => {
    const data = await read(exportFolder({ [contactsFile()]: `${CONTACTS_HEADER}Ann Lee,CEO,,,,,,HQ\r\nBob,"Ops,,,,,,HQ\r\nCara,,,,,,,HQ\r\n` }));
    expect(data.contacts.map((contact) => contact.fields.name)).toEqual(["Ann Lee"]);
    expect(messages(data)).toEqual([`${contactsFile()}:3:1 error a quoted cell starting in this row is never closed; this row and the rest of the file were not read`]);
  });

  it("does not follow a symlink in the export folder", async () => {
    const outside = exportFolder({ "secrets.csv": "Name,Description,Username,Password,TOTP,URI\nRoot,,root,Outside-Secret-9,,\n" });
    const folder = exportFolder({});
    symlinkSync(join(outside, "secrets.csv"), join(folder, `Harbor Finch Legal-Credentials-${STAMP}.csv`));
    const data = await read(folder);
    expect(data.credentials).toEqual([]);
    expect(data.dropped).toEqual([]);
    expect(messages(data)).toEqual([`Harbor Finch Legal-Credentials-${STAMP}.csv:1:1 warning this is a symbolic link; links in an export are not followed, so it was not read`]);
  });

  it("recognises a file by its header whatever its name, and says when the name disagrees", async () => {
    const data = await read(
      exportFolder({
        "contacts export.csv": `${CONTACTS_HEADER}Ann Lee,,,,,,,\n`,
        [`Harbor Finch Legal-Vendors-${STAMP}.csv`]: "Name,Description,Address,City,State,Postal Code,Phone,Hours\nHQ,,1 Main St,,,,,\n",
      }),
    );
    expect(data.contacts.map((contact) => contact.fields.name)).toEqual(["Ann Lee"]);
    expect(data.locations.map((location) => location.fields.name)).toEqual(["HQ"]);
    expect(messages(data)).toEqual([`Harbor Finch Legal-Vendors-${STAMP}.csv:1:1 warning the file name says Vendors, but the header row is Locations's; it was read as Locations`]);
  });

  it("refuses two exports of one module whose names do not tell which is newer", async () => {
    const data = await read(exportFolder({ "contacts a.csv": `${CONTACTS_HEADER}Ann,,,,,,,\n`, "contacts b.csv": `${CONTACTS_HEADER}Bob,,,,,,,\n` }));
    expect(data.contacts).toEqual([]);
    expect(messages(data)).toEqual([
      "contacts a.csv:1:1 error 2 exports of Contacts are here and their names do not tell which is newer; keep only one. None of them was read",
      "contacts b.csv:1:1 error 2 exports of Contacts are here and their names do not tell which is newer; keep only one. None of them was read",
    ]);
  });

  it("imports nothing from a folder of several clients until --organization picks one", async () => {
    const files = { [contactsFile()]: `${CONTACTS_HEADER}Ann Lee,,,,,,,\n`, [contactsFile("Osprey Dental Group")]: `${CONTACTS_HEADER}Rhea Lindqvist,,,,,,,\n` };
    const folder = exportFolder(files);
    const none = await read(folder);
    expect(none.contacts).toEqual([]);
    expect(messages(none)).toEqual([
      expect.stringMatching(/:1:1 error this export holds 2 clients \(Harbor Finch Legal, Osprey Dental Group\); pick the one to import with --organization "<name>". Nothing was imported$/),
    ]);
    const picked = await read(folder, "osprey dental group");
    expect(picked.contacts.map((contact) => contact.fields.name)).toEqual(["Rhea Lindqvist"]);
    expect(messages(picked)).toEqual([`${contactsFile()}:1:1 warning this is an export of another client (Harbor Finch Legal); it was not read`]);
    const wrong = await read(folder, "Harbour Finch Legal");
    expect(messages(wrong)).toEqual([expect.stringContaining(`error this export holds no client named "Harbour Finch Legal" (did you mean 'Harbor Finch Legal'?)`)]);
  });

  it("keeps only this client's rows of an account-wide Assets export", async () => {
    const header =
      "Name,Description,Type,Make,Model,Serial Number,Operating System,Purchase Date,Warranty Expire,Install Date,Assigned To,Location,Physical Location,Notes,Client,Primary IP,Primary MAC\n";
    const folder = exportFolder({ [`Assets-${STAMP}.csv`]: `${header}HF-DC01,,Server,,,,,,,,,,,,Harbor Finch Legal,192.168.10.5,\nODG-DC01,,Server,,,,,,,,,,,,Osprey Dental Group,10.0.0.5,\n` });
    expect(messages(await read(folder))).toEqual([expect.stringContaining("error this export holds 2 clients (Harbor Finch Legal, Osprey Dental Group)")]);
    const data = await read(folder, "Harbor Finch Legal");
    expect(data.assets.map((asset) => [asset.fields.name, asset.fields.ip])).toEqual([["HF-DC01", "192.168.10.5"]]);
    expect(messages(data)).toEqual([`Assets-${STAMP}.csv:1:1 warning 1 rows are of other clients (their Client column); they were left out`]);
  });

  it("drops a column a tech added whose name says it holds a secret, counting its values and never reading them", async () => {
    const header = "Name,Description,Type,Make,Model,Serial Number,Operating System,Purchase Date,Warranty Expire,Install Date,Assigned To,Location,Physical Location,Notes,Encryption Passphrase,BitLocker Recovery Key,Key Contact\n";
    const data = await read(exportFolder({ [`Harbor Finch Legal-Assets-${STAMP}.csv`]: `${header}HF-LT01,,Laptop,,,,,,,,,,,,correct horse battery staple,123456-654321-111111-222222,Ann Lee\n` }));
    expect(data.dropped).toEqual([
      { file: `Harbor Finch Legal-Assets-${STAMP}.csv`, column: "Encryption Passphrase", values: 1 },
      { file: `Harbor Finch Legal-Assets-${STAMP}.csv`, column: "BitLocker Recovery Key", values: 1 },
    ]);
    expect(leaked(data, ["correct horse battery staple", "123456-654321-111111-222222"])).toEqual([]);
    expect(messages(data)).toEqual([`Harbor Finch Legal-Assets-${STAMP}.csv:1:${header.indexOf("Key Contact") + 1} warning this column is not one of ITFlow's Assets export's, so its values are not read`]);
  });

  it("reports an unreadable date at its cell and reads ITFlow's zero date as none", async () => {
    const data = await read(
      exportFolder({
        [`Harbor Finch Legal-Domains-${STAMP}.csv`]: 'Domain,Description,Registrar,Web Host,Expiration Date\na.example,"x, y",Gandi,,03/04/2026\nb.example,,,,0000-00-00\nc.example,,,,2026-02-30\n',
      }),
    );
    expect(data.assets.map((asset) => asset.fields.expiresOn)).toEqual([undefined, undefined, undefined]);
    expect(messages(data)).toEqual([
      `Harbor Finch Legal-Domains-${STAMP}.csv:2:25 warning this Expiration Date is not a date in YYYY-MM-DD form (03/04/2025 could be March or April); it was left out`,
      `Harbor Finch Legal-Domains-${STAMP}.csv:4:14 warning this Expiration Date is not a date in YYYY-MM-DD form (03/04/2025 could be March or April); it was left out`,
    ]);
  });

  it("says what it did not read: another kind of file, an empty CSV, an unknown CSV", async () => {
    const data = await read(exportFolder({ "notes.txt": "hello", "empty.csv": "", "other.csv": "Foo,Bar\n1,2\n", ".DS_Store": "x" }));
    expect(messages(data)).toEqual([
      "empty.csv:1:1 warning this CSV file is empty: it has no header row",
      "notes.txt:1:1 warning this is not a CSV file, and ITFlow exports each module as CSV; it was not read",
      "other.csv:1:1 warning this CSV's header row is not that of an ITFlow export (Clients, Contacts, Locations, Vendors, Assets, Networks, Certificates, Domains, Credentials, Software, Tickets); it was not read",
    ]);
  });

  it("reads the same export from a ZIP and from a single file", async () => {
    const { exportZip } = await import("../helpers/export-files.ts");
    const zip = await read(exportZip(Object.fromEntries(Object.entries(fixtureFiles("itflow")).map(([path, bytes]) => [`export/${path}`, bytes]))));
    const folder = await read(FOLDER);
    const relocated = (data: ExportData) => JSON.parse(JSON.stringify(data).replaceAll("export/", ""));
    expect(relocated(zip)).toEqual(folder);
    const single = join(exportFolder({}), CREDENTIALS);
    writeFileSync(single, readFileSync(join(FOLDER, CREDENTIALS)));
    expect((await read(single)).credentials).toEqual(folder.credentials);
  });

  it("says so when there is nothing at the path", async () => {
    const data = await read(join(exportFolder({}), "missing"));
    expect(messages(data)).toEqual([expect.stringMatching(/^missing:1:1 error there is no file or folder at .*missing; give the export's folder or \.zip$/)]);
  });
});
