import { START, type Problem } from "../../lib/problems.ts";
import type { ExportData, ExportSource, ReadOptions } from "../export-data.ts";
import { columnWords } from "../secret-columns.ts";
import { deviceCategory } from "./asset-category.ts";
import { readHeader, type ColumnSpec, type SourceRow } from "./columns.ts";
import { readCsv } from "./csv-table.ts";
import { EXPORT_LIMITS, type ExportLimits } from "./export-limits.ts";
import { exportProblem } from "./export-problem.ts";
import { utf8Text } from "./export-text.ts";
import { contactValues, ITGLUE_FILES, type ItglueFile } from "./itglue-files.ts";
import { belongsTo, chooseOrganization, sameName, type Organization } from "./organization.ts";
import { defined, joinLines, origin, readExport, readUtf8, type ExportRun } from "./read-export.ts";
import { unsafeReason } from "./safe-path.ts";

/**
 * IT Glue: its export as a ZIP or unpacked. An account-wide export holds every organization;
 * `--organization` picks one, and rows of the others are left out. Documents are `documents.csv`
 * rows whose HTML is in `Documents/<locator>/`. Categories: a configuration whose type names a
 * cloud tenant (Microsoft 365, Azure, …) is a cloud-tenant, every other configuration hardware;
 * domains are domains.
 */
export const itglueSource: ExportSource = {
  system: "itglue",
  read: (path, options) => readItglueExport(path, options),
};

type FieldOf<K extends ItglueFile> = (typeof ITGLUE_FILES)[K] extends ColumnSpec<infer F> ? F : never;
type Row<K extends ItglueFile> = SourceRow<FieldOf<K>>;
type Tables = { [K in ItglueFile]?: { file: string; rows: Row<K>[]; hasOrganization: boolean } };

export function readItglueExport(path: string, options: ReadOptions, limits: ExportLimits = EXPORT_LIMITS): Promise<ExportData> {
  return readExport("itglue", path, limits, async (run) => {
    const tables = await readTables(run);
    const problems = run.data.problems;
    const organizations: (Organization & { row?: Row<"organizations"> })[] = tables.organizations
      ? tables.organizations.rows.map((row) => ({ ...(row.values.id ? { id: row.values.id } : {}), name: row.values.name as string, row }))
      : namedOrganizations(tables);
    const { chosen, refused } = chooseOrganization(organizations, options.organization, "organization", tables.organizations?.file ?? run.name, START, problems, run.data.dropped);
    if (refused) return;
    const several = organizations.length > 1;
    const mine = <K extends ItglueFile>(key: K): Row<K>[] => {
      const table = tables[key] as Tables[K];
      if (!table || key === "organizations") return [];
      if (!chosen) return table.rows;
      if (!table.hasOrganization && several) {
        problems.push(exportProblem(table.file, START, "this file names no organization, and the export holds several; it was not read"));
        for (const row of table.rows) row.leaveOut();
        return [];
      }
      return table.rows.filter((row) => {
        const { organization, organizationId } = row.values as { organization?: string; organizationId?: string };
        const keep = !table.hasOrganization || belongsTo(organizationId, chosen) || belongsTo(organization, chosen);
        if (!keep) row.leaveOut();
        return keep;
      });
    };
    if (chosen) mapOrganization(chosen, tables.organizations?.file, run.data);
    mapPasswords(mine("passwords"), tables.passwords?.file as string, run.data);
    mapConfigurations(mine("configurations"), tables.configurations?.file as string, run.data);
    mapContacts(mine("contacts"), tables.contacts?.file as string, run.data);
    mapLocations(mine("locations"), tables.locations?.file as string, run.data);
    mapDomains(mine("domains"), tables.domains?.file as string, run.data);
    await readDocuments(run, mine("documents"), tables.documents?.file as string);
  });
}

const ORGANIZATION_HEADERS = new Set(["organization", "organization name", "organization id"]);

/** Each known CSV of the export, found by its name wherever the export's top folder is. */
async function readTables(run: ExportRun): Promise<Tables> {
  const tables: Tables = {};
  const problems = run.data.problems;
  for (const path of run.files.paths) {
    const name = path.split("/").at(-1)?.toLowerCase() ?? "";
    if (!name.endsWith(".csv") || isDocumentsPath(path)) continue;
    const key = name.slice(0, -4) as ItglueFile;
    if (!Object.hasOwn(ITGLUE_FILES, key)) {
      problems.push(
        exportProblem(
          path,
          START,
          `handover imports ${Object.keys(ITGLUE_FILES)
            .map((file) => `${file}.csv`)
            .join(", ")} from IT Glue; this file was not read`,
          "warning",
        ),
      );
      continue;
    }
    if (tables[key]) {
      problems.push(exportProblem(path, START, `a second ${name} in the export (the first is ${tables[key].file}); it was not read`));
      continue;
    }
    const bytes = await readUtf8(run, path, run.limits.csvBytes);
    if (!bytes) continue;
    const spec = ITGLUE_FILES[key] as ColumnSpec<string>;
    let hasOrganization = false;
    const rows = readCsv(path, bytes, problems, (header, place) => {
      const reader = readHeader(spec, path, header, place, problems, run.data.dropped);
      hasOrganization = header.some((cell) => ORGANIZATION_HEADERS.has(columnWords(cell)));
      return reader;
    });
    (tables as Record<string, unknown>)[key] = { file: path, rows, hasOrganization };
  }
  return tables;
}

/** Without organizations.csv, the organizations are the names the rows give. */
function namedOrganizations(tables: Tables): Organization[] {
  const names: string[] = [];
  for (const table of Object.values(tables)) {
    for (const row of (table?.rows ?? []) as SourceRow<string>[]) {
      const name = row.values.organization;
      if (name !== undefined && !names.some((known) => sameName(known, name))) names.push(name);
    }
  }
  return names.sort().map((name) => ({ name }));
}

function isDocumentsPath(path: string): boolean {
  return /(?:^|\/)documents\//i.test(path);
}

function mapOrganization(chosen: Organization & { row?: Row<"organizations"> }, file: string | undefined, data: ExportData): void {
  if (!chosen.row || file === undefined) return;
  const v = chosen.row.values;
  data.client = {
    origin: origin("itglue", "organizations", v.id ?? chosen.name, file, chosen.row.line),
    fields: defined({ name: chosen.name, notes: joinLines(v.alert && `Alert: ${v.alert}`, v.quickNotes, v.description) }),
  };
}

/** An IT Glue id, or for a row without one its name: ids are how a re-import finds the record again. */
function idOf(row: { values: { id?: string }; line: number }, fallback: string): string {
  return row.values.id ?? fallback;
}

const TRUE = /^(?:true|yes|1)$/i;

function mapPasswords(rows: Row<"passwords">[], file: string, data: ExportData): void {
  for (const row of rows) {
    const v = row.values;
    data.credentials.push({
      origin: origin("itglue", "passwords", idOf(row, v.name as string), file, row.line),
      fields: defined({
        name: v.name as string,
        username: v.username,
        url: v.url,
        category: v.category,
        hadOtp: row.hadOtp,
        archived: v.archived === undefined ? undefined : TRUE.test(v.archived),
        notes: v.notes,
      }),
    });
  }
}

function mapConfigurations(rows: Row<"configurations">[], file: string, data: ExportData): void {
  for (const row of rows) {
    const v = row.values;
    const name = v.name ?? v.hostname;
    if (name === undefined) {
      data.problems.push(exportProblem(file, row.at("name"), "this configuration has neither a name nor a hostname; it was not read", "warning"));
      continue;
    }
    data.assets.push({
      origin: origin("itglue", "configurations", idOf(row, name), file, row.line),
      fields: defined({
        name,
        category: deviceCategory(v.type),
        sourceType: v.type,
        make: v.make,
        model: v.model,
        serial: v.serial,
        operatingSystem: v.operatingSystem,
        ip: v.ip,
        mac: v.mac,
        location: v.location,
        assignedTo: v.assignedTo,
        purchasedOn: row.date("purchased"),
        installedOn: row.date("installed"),
        expiresOn: row.date("warranty"),
        notes: joinLines(v.hostname && v.hostname !== name ? `Hostname: ${v.hostname}` : undefined, v.notes),
      }),
    });
  }
}

function mapContacts(rows: Row<"contacts">[], file: string, data: ExportData): void {
  for (const row of rows) {
    const v = row.values;
    const name = [v.firstName, v.lastName].filter(Boolean).join(" ");
    if (name === "") {
      data.problems.push(exportProblem(file, row.at("firstName"), "this contact has no name; it was not read", "warning"));
      continue;
    }
    const emails = contactValues(v.emails);
    const phones = contactValues(v.phones);
    const mobile = phones.find((phone) => /mobile|cell/i.test(phone.label ?? ""));
    const phone = phones.find((candidate) => candidate !== mobile && candidate.primary) ?? phones.find((candidate) => candidate !== mobile);
    data.contacts.push({
      origin: origin("itglue", "contacts", idOf(row, name), file, row.line),
      fields: defined({ name, title: v.title, email: (emails.find((email) => email.primary) ?? emails[0])?.value, phone: phone?.value, mobile: mobile?.value, location: v.location }),
    });
  }
}

function mapLocations(rows: Row<"locations">[], file: string, data: ExportData): void {
  for (const row of rows) {
    const v = row.values;
    data.locations.push({
      origin: origin("itglue", "locations", idOf(row, v.name as string), file, row.line),
      fields: defined({
        name: v.name as string,
        description: v.notes,
        address: [v.address1, v.address2].filter(Boolean).join(", ") || undefined,
        city: v.city,
        state: v.region,
        postalCode: v.postalCode,
        country: v.country,
        phone: v.phone,
      }),
    });
  }
}

function mapDomains(rows: Row<"domains">[], file: string, data: ExportData): void {
  for (const row of rows) {
    const v = row.values;
    data.assets.push({
      origin: origin("itglue", "domains", idOf(row, v.name as string), file, row.line),
      fields: defined({ name: v.name as string, category: "domain" as const, vendor: v.registrar, expiresOn: row.date("expires"), notes: v.notes }),
    });
  }
}

/** Each document's HTML: the `.html` files directly in `Documents/<locator>/`, in name order. */
async function readDocuments(run: ExportRun, rows: Row<"documents">[], file: string): Promise<void> {
  const problems: Problem[] = run.data.problems;
  const top = file?.includes("/") ? file.slice(0, file.lastIndexOf("/") + 1) : "";
  // The HTML files of each folder, found once: an export can hold thousands of documents and files.
  const pagesByFolder = new Map<string, string[]>();
  for (const path of run.files.paths) {
    if (!/\.html?$/i.test(path) || !isDocumentsPath(path)) continue;
    const folder = path.slice(0, path.lastIndexOf("/") + 1).toLowerCase();
    const pages = pagesByFolder.get(folder);
    if (pages) pages.push(path);
    else pagesByFolder.set(folder, [path]);
  }
  for (const row of rows) {
    const v = row.values;
    const locator = v.locator?.replace(/^documents\//i, "").replace(/\/+$/, "");
    if (!locator) {
      problems.push(exportProblem(file, row.at("locator"), "this document has no locator, so its HTML cannot be found; it was not read", "warning"));
      continue;
    }
    const unsafe = unsafeReason(locator);
    if (unsafe) {
      problems.push(exportProblem(file, row.at("locator"), `this locator ${unsafe}; the document was not read`));
      continue;
    }
    const pages = pagesByFolder.get(`${top}documents/${locator}/`.toLowerCase()) ?? [];
    if (pages.length === 0) {
      problems.push(exportProblem(file, row.at("locator"), `there is no HTML file in Documents/${locator}/; the document was not read`, "warning"));
      continue;
    }
    const parts: string[] = [];
    for (const page of pages) {
      const bytes = await run.files.read(page, run.limits.htmlBytes);
      const text = Buffer.isBuffer(bytes) ? utf8Text(page, bytes) : bytes;
      if (typeof text === "string") parts.push(text);
      else problems.push(text);
    }
    if (parts.length === 0) continue;
    run.data.documents.push({ origin: origin("itglue", "documents", idOf(row, v.name as string), file, row.line), fields: { title: v.name as string, html: parts.join("\n") } });
  }
}
