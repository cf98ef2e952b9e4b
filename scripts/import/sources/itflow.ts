import { basename } from "node:path";
import { START, type Problem } from "../../lib/problems.ts";
import type { ExportData, ExportSource, Imported, ReadOptions } from "../export-data.ts";
import { categoryOfType, deviceCategory } from "./asset-category.ts";
import { readHeader, type ColumnSpec, type SourceRow } from "./columns.ts";
import { readCsv } from "./csv-table.ts";
import { EXPORT_LIMITS, type ExportLimits } from "./export-limits.ts";
import { exportProblem } from "./export-problem.ts";
import { ITFLOW_MODULES, moduleOfHeader, parseItflowFileName, type ItflowFileName, type ItflowModule } from "./itflow-modules.ts";
import { chooseOrganization, sameName } from "./organization.ts";
import { defined, joinLines, origin, readExport, readUtf8, type ExportRun } from "./read-export.ts";
import { rowKeys } from "./row-keys.ts";

/**
 * ITFlow: a folder (or ZIP) of its per-module CSV exports, `<Client>-<Module>-<date>_<time>.csv`.
 * Each file is recognised by its header row, the name only confirming it; of two exports of one
 * module the newer by its name's timestamp is read. Categories: an asset whose Type names a cloud
 * tenant (Microsoft 365, Azure, …) is a cloud-tenant, every other asset hardware; software is a
 * subscription when its Type or License Type says subscription, SaaS or cloud, otherwise a
 * licence; certificates and domains are what they say.
 */
export const itflowSource: ExportSource = {
  system: "itflow",
  read: (path, options) => readItflowExport(path, options),
};

type FieldOf<M extends ItflowModule> = (typeof ITFLOW_MODULES)[M] extends ColumnSpec<infer F> ? F : never;
type Row<M extends ItflowModule> = SourceRow<FieldOf<M>>;

interface CsvFile {
  path: string;
  bytes: Buffer;
  module: ItflowModule;
  name: ItflowFileName | undefined;
}

export function readItflowExport(path: string, options: ReadOptions, limits: ExportLimits = EXPORT_LIMITS): Promise<ExportData> {
  return readExport("itflow", path, limits, async (run) => {
    const csvs = await recogniseFiles(run);
    const problems = run.data.problems;
    const parsed = new Map<CsvFile, Row<ItflowModule>[]>();
    const rows = <M extends ItflowModule>(file: CsvFile, module: M): Row<M>[] => {
      if (!parsed.has(file)) parsed.set(file, rowsOf(run, file, module) as Row<ItflowModule>[]);
      return parsed.get(file) as Row<M>[];
    };
    const clientsFile = newest(
      csvs.filter((file) => file.module === "clients"),
      problems,
    );
    const clientRows = clientsFile ? rows(clientsFile, "clients") : [];
    const prefixes = distinct(csvs.flatMap((file) => (file.module !== "clients" && file.name?.client ? [file.name.client] : [])));
    // Which client the export is of: its file names say; else the Clients export; else an account-wide Assets export's Client column.
    let names = prefixes;
    let where = run.name;
    if (names.length === 0 && clientsFile) {
      names = clientRows.map((row) => row.values.name as string);
      where = clientsFile.path;
    } else if (names.length === 0) {
      const assetsFile = newest(
        csvs.filter((file) => file.module === "assets"),
        [],
      );
      names = assetsFile ? distinct(rows(assetsFile, "assets").flatMap((row) => (row.values.client ? [row.values.client] : []))) : [];
      where = assetsFile?.path ?? where;
    }
    const { chosen, refused } = chooseOrganization(
      names.map((name) => ({ name })),
      options.organization,
      "client",
      where,
      START,
      problems,
      run.data.dropped,
    );
    if (refused) return;
    const client = chosen?.name;
    const clientRow = client === undefined ? undefined : clientRows.find((row) => sameName(row.values.name as string, client));
    if (clientsFile && client !== undefined && !clientRow) {
      problems.push(exportProblem(clientsFile.path, START, `this Clients export has no row for ${JSON.stringify(client)}; the client's own details were not imported`, "warning"));
    }
    const ofClient = csvs.filter((file) => {
      if (file.module === "clients" || !file.name?.client || client === undefined || sameName(file.name.client, client)) return true;
      problems.push(exportProblem(file.path, START, `this is an export of another client (${file.name.client}); it was not read`, "warning"));
      return false;
    });
    for (const module of Object.keys(ITFLOW_MODULES) as ItflowModule[]) {
      if (module === "clients") continue;
      const file = newest(
        ofClient.filter((candidate) => candidate.module === module),
        problems,
      );
      if (file) MAPPERS[module](rows(file, module) as never, file.path, run.data, client);
    }
    if (clientsFile && clientRow) mapClient(clientRow, clientsFile.path, run.data);
  });
}

/** Every CSV of the export with the module its header row (or else its name) says it is. */
async function recogniseFiles(run: ExportRun): Promise<CsvFile[]> {
  const csvs: CsvFile[] = [];
  const problems = run.data.problems;
  for (const path of run.files.paths) {
    if (!path.toLowerCase().endsWith(".csv")) {
      problems.push(exportProblem(path, START, "this is not a CSV file, and ITFlow exports each module as CSV; it was not read", "warning"));
      continue;
    }
    const bytes = await readUtf8(run, path, run.limits.csvBytes);
    if (!bytes) continue;
    let header: readonly string[] | undefined;
    const headerProblems: Problem[] = [];
    readCsv(path, bytes, headerProblems, (cells) => void (header = cells));
    const name = parseItflowFileName(basename(path));
    const byHeader = header ? moduleOfHeader(header) : undefined;
    if (name && byHeader && name.module !== byHeader) {
      problems.push(exportProblem(path, START, `the file name says ${title(name.module)}, but the header row is ${title(byHeader)}'s; it was read as ${title(byHeader)}`, "warning"));
    }
    const module = byHeader ?? name?.module;
    if (module) {
      csvs.push({ path, bytes, module, name });
    } else if (headerProblems.length > 0) {
      problems.push(...headerProblems);
    } else {
      const modules = Object.keys(ITFLOW_MODULES).map(title).join(", ");
      problems.push(exportProblem(path, START, `this CSV's header row is not that of an ITFlow export (${modules}); it was not read`, "warning"));
    }
  }
  return csvs;
}

/** The one export of a module to read: the newest by the timestamp in its name. */
function newest(files: readonly CsvFile[], problems: Problem[]): CsvFile | undefined {
  if (files.length <= 1) return files[0];
  const stamps = files.map((file) => file.name?.stamp);
  const latest = stamps.every((stamp) => stamp !== undefined) ? [...stamps].sort().at(-1) : undefined;
  const winners = files.filter((file) => file.name?.stamp === latest);
  const module = title((files[0] as CsvFile).module);
  if (latest === undefined || winners.length !== 1) {
    for (const file of files) {
      problems.push(exportProblem(file.path, START, `${files.length} exports of ${module} are here and their names do not tell which is newer; keep only one. None of them was read`));
    }
    return undefined;
  }
  const winner = winners[0] as CsvFile;
  for (const file of files) {
    if (file !== winner) problems.push(exportProblem(file.path, START, `an older export of ${module}: ${winner.path} is newer and was read instead`, "warning"));
  }
  return winner;
}

function rowsOf<M extends ItflowModule>(run: ExportRun, file: CsvFile, module: M): Row<M>[] {
  const spec = ITFLOW_MODULES[module] as unknown as ColumnSpec<FieldOf<M>>;
  return readCsv(file.path, file.bytes, run.data.problems, (header, place) => readHeader(spec, file.path, header, place, run.data.problems, run.data.dropped));
}

function title(module: string): string {
  return `${module[0]?.toUpperCase() ?? ""}${module.slice(1)}`;
}

function distinct(names: readonly string[]): string[] {
  return names.filter((name, index) => names.findIndex((other) => sameName(other, name)) === index);
}

/** Each row as an item of `entity` added to `target`, keyed by its name (and a second value where names repeat). */
function imported<M extends ItflowModule, T>(
  target: Imported<T>[],
  entity: string,
  file: string,
  rows: readonly Row<M>[],
  key: (row: Row<M>) => [string, string | undefined],
  fields: (row: Row<M>) => T,
): void {
  const primaries: string[] = [];
  const secondaries: (string | undefined)[] = [];
  for (const row of rows) {
    const [primary, secondary] = key(row);
    primaries.push(primary);
    secondaries.push(secondary);
  }
  const keys = rowKeys(primaries, secondaries);
  rows.forEach((row, index) => target.push({ origin: origin("itflow", entity, keys[index] as string, file, row.line), fields: defined(fields(row) as object) as T }));
}

const CLOSED_STATUS = /^(?:resolved|closed|cancell?ed)$/i;

type Mapper<M extends ItflowModule> = (rows: Row<M>[], file: string, data: ExportData, client: string | undefined) => void;

const MAPPERS: { [M in Exclude<ItflowModule, "clients">]: Mapper<M> } = {
  contacts: (rows, file, data) => {
    imported(
      data.contacts,
      "contacts",
      file,
      rows,
      (row) => [row.values.name as string, row.values.email],
      ({ values: v }) => ({
        name: v.name as string,
        title: v.title,
        department: v.department,
        email: v.email,
        phone: v.phone && v.extension ? `${v.phone} ext. ${v.extension}` : v.phone,
        mobile: v.mobile,
        location: v.location,
      }),
    );
  },
  locations: (rows, file, data) => {
    imported(
      data.locations,
      "locations",
      file,
      rows,
      (row) => [row.values.name as string, row.values.address],
      ({ values: v }) => ({ ...v, name: v.name as string }),
    );
  },
  vendors: (rows, file, data) => {
    imported(
      data.vendors,
      "vendors",
      file,
      rows,
      (row) => [row.values.name as string, row.values.accountNumber],
      ({ values: v }) => ({ ...v, name: v.name as string }),
    );
  },
  assets: (rows, file, data, client) => {
    const mine = rowsOfClient(rows, file, client, data.problems);
    imported(
      data.assets,
      "assets",
      file,
      mine,
      (row) => [row.values.name as string, row.values.serial],
      (row) => {
        const v = row.values;
        return {
          name: v.name as string,
          category: deviceCategory(v.type),
          sourceType: v.type,
          description: v.description,
          make: v.make,
          model: v.model,
          serial: v.serial,
          operatingSystem: v.operatingSystem,
          ip: v.ip,
          mac: v.mac,
          location: v.location && v.physicalLocation ? `${v.location} / ${v.physicalLocation}` : (v.location ?? v.physicalLocation),
          assignedTo: v.assignedTo,
          purchasedOn: row.date("purchased"),
          installedOn: row.date("installed"),
          expiresOn: row.date("warranty"),
          notes: v.notes,
        };
      },
    );
  },
  networks: (rows, file, data) => {
    imported(
      data.networks,
      "networks",
      file,
      rows,
      (row) => [row.values.name as string, row.values.network],
      ({ values: v }) => {
        const dns = [v.dns1, v.dns2].filter((server): server is string => server !== undefined);
        return { name: v.name as string, description: v.description, vlan: v.vlan, network: v.network, gateway: v.gateway, range: v.range, dns: dns.length > 0 ? dns : undefined };
      },
    );
  },
  certificates: (rows, file, data) => {
    imported(
      data.assets,
      "certificates",
      file,
      rows,
      (row) => [row.values.name as string, row.values.domain],
      (row) => ({
        name: row.values.name as string,
        category: "certificate" as const,
        description: row.values.description,
        vendor: row.values.issuer,
        expiresOn: row.date("expires"),
        notes: row.values.domain && `Domain: ${row.values.domain}`,
      }),
    );
  },
  domains: (rows, file, data) => {
    imported(
      data.assets,
      "domains",
      file,
      rows,
      (row) => [row.values.domain as string, undefined],
      (row) => ({
        name: row.values.domain as string,
        category: "domain" as const,
        description: row.values.description,
        vendor: row.values.registrar,
        expiresOn: row.date("expires"),
        notes: row.values.webHost && `Web host: ${row.values.webHost}`,
      }),
    );
  },
  credentials: (rows, file, data) => {
    imported(
      data.credentials,
      "credentials",
      file,
      rows,
      (row) => [row.values.name as string, row.values.username],
      (row) => ({
        name: row.values.name as string,
        description: row.values.description,
        username: row.values.username,
        url: row.values.uri,
        hadOtp: row.hadOtp,
      }),
    );
  },
  software: (rows, file, data) => {
    imported(
      data.assets,
      "software",
      file,
      rows,
      (row) => [row.values.name as string, row.values.version],
      (row) => {
        const v = row.values;
        return {
          name: v.name as string,
          category: categoryOfType(v.type, v.licenseType) === "subscription" ? ("subscription" as const) : ("licence" as const),
          sourceType: [v.type, v.licenseType].filter(Boolean).join(" / ") || undefined,
          description: v.description,
          version: v.version,
          seats: v.seats,
          assignedTo: v.contacts,
          purchasedOn: row.date("purchased"),
          expiresOn: row.date("expires"),
          notes: joinLines(v.notes, v.assets && `Assets: ${v.assets}`),
        };
      },
    );
  },
  tickets: (rows, file, data) => {
    imported(
      data.tickets,
      "tickets",
      file,
      rows,
      (row) => [row.values.number as string, undefined],
      (row) => {
        const v = row.values;
        const resolved = row.date("resolved");
        const closed = row.date("closed");
        return {
          number: v.number as string,
          subject: v.subject as string,
          priority: v.priority,
          status: v.status,
          openedOn: row.date("opened"),
          open: !CLOSED_STATUS.test(v.status ?? "") && resolved === undefined && closed === undefined,
        };
      },
    );
  },
};

/** An account-wide Assets export has a Client column: only this client's rows are read. */
function rowsOfClient(rows: Row<"assets">[], file: string, client: string | undefined, problems: Problem[]): Row<"assets">[] {
  if (client === undefined) return rows;
  const mine = rows.filter((row) => {
    if (row.values.client === undefined || sameName(row.values.client, client)) return true;
    row.leaveOut();
    return false;
  });
  if (mine.length < rows.length) {
    problems.push(exportProblem(file, START, `${rows.length - mine.length} rows are of other clients (their Client column); they were left out`, "warning"));
  }
  return mine;
}

/** The client row, and its primary location and contact where the export has no Locations or Contacts of its own. */
function mapClient(row: Row<"clients">, file: string, data: ExportData): void {
  const v = row.values;
  const name = v.name as string;
  data.client = { origin: origin("itflow", "clients", name, file, row.line), fields: defined({ name, industry: v.industry, website: v.website }) };
  if (data.locations.length === 0 && v.locationName) {
    data.locations.push({
      origin: origin("itflow", "clients", `${name} (${v.locationName})`, file, row.line),
      fields: defined({ name: v.locationName, address: v.address, city: v.city, state: v.state, postalCode: v.postalCode, country: v.country, phone: v.locationPhone }),
    });
  }
  if (data.contacts.length === 0 && v.contactName) {
    data.contacts.push({
      origin: origin("itflow", "clients", `${name} (${v.contactName})`, file, row.line),
      fields: defined({ name: v.contactName, title: v.title, email: v.email, phone: v.contactPhone && v.extension ? `${v.contactPhone} ext. ${v.extension}` : v.contactPhone, mobile: v.mobile }),
    });
  }
}
