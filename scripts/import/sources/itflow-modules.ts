import { columnWords } from "../secret-columns.ts";
import type { ColumnSpec } from "./columns.ts";

/**
 * ITFlow's per-module CSV exports, with exactly the headers ITFlow writes. Billing columns of the
 * Clients export (rate, currency, terms, tax id) are known and never read: they are internal.
 */

/** ITFlow prefixes a cell that starts with `=`, `+`, `-`, `@`, a tab or a CR with `'`, so a spreadsheet shows it as text; this undoes exactly that. */
export function unescapeItflowCell(raw: string): string {
  return raw.length > 1 && raw[0] === "'" && "=+-@\t\r".includes(raw[1] as string) ? raw.slice(1) : raw;
}

function spec<F extends string>(label: string, fields: Record<F, readonly string[]>, required: readonly NoInfer<F>[], extra: Partial<ColumnSpec<NoInfer<F>>> = {}): ColumnSpec<F> {
  return { label: `ITFlow's ${label} export`, fields, required, secrets: [], cell: unescapeItflowCell, ...extra };
}

export const ITFLOW_MODULES = {
  clients: spec(
    "Clients",
    {
      name: ["Client Name"],
      industry: ["Industry"],
      website: ["Website"],
      locationName: ["Primary Location Name"],
      locationPhone: ["Location Phone"],
      address: ["Location Address"],
      city: ["City"],
      state: ["State"],
      postalCode: ["Postal Code"],
      country: ["Country"],
      contactName: ["Primary Contact Name"],
      title: ["Title"],
      contactPhone: ["Contact Phone"],
      extension: ["Extension"],
      mobile: ["Contact Mobile"],
      email: ["Contact Email"],
    },
    ["name"],
    { unread: ["Referral", "Hourly Rate", "Currency", "Payment Terms", "Tax ID", "Abbreviation"] },
  ),
  contacts: spec("Contacts", { name: ["Name"], title: ["Title"], department: ["Department"], email: ["Email"], phone: ["Phone"], extension: ["Ext"], mobile: ["Mobile"], location: ["Location"] }, [
    "name",
  ]),
  locations: spec(
    "Locations",
    { name: ["Name"], description: ["Description"], address: ["Address"], city: ["City"], state: ["State"], postalCode: ["Postal Code"], phone: ["Phone"], hours: ["Hours"] },
    ["name"],
  ),
  vendors: spec(
    "Vendors",
    { name: ["Name"], description: ["Description"], contactName: ["Contact Name"], phone: ["Phone"], website: ["Website"], accountNumber: ["Account Number"], notes: ["Notes"] },
    ["name"],
  ),
  assets: spec(
    "Assets",
    {
      name: ["Name"],
      description: ["Description"],
      type: ["Type"],
      make: ["Make"],
      model: ["Model"],
      serial: ["Serial Number"],
      operatingSystem: ["Operating System"],
      purchased: ["Purchase Date"],
      warranty: ["Warranty Expire"],
      installed: ["Install Date"],
      assignedTo: ["Assigned To"],
      location: ["Location"],
      physicalLocation: ["Physical Location"],
      notes: ["Notes"],
      client: ["Client"],
      ip: ["Primary IP"],
      mac: ["Primary MAC"],
    },
    ["name"],
  ),
  networks: spec(
    "Networks",
    { name: ["Name"], description: ["Description"], vlan: ["VLAN"], network: ["Network"], gateway: ["Gateway"], range: ["IP Range"], dns1: ["Primary DNS"], dns2: ["Secondary DNS"] },
    ["name"],
  ),
  certificates: spec("Certificates", { name: ["Name"], description: ["Description"], domain: ["Domain"], issuer: ["Issuer"], expires: ["Expiration Date"] }, ["name"]),
  domains: spec("Domains", { domain: ["Domain"], description: ["Description"], registrar: ["Registrar"], webHost: ["Web Host"], expires: ["Expiration Date"] }, ["domain"]),
  credentials: spec("Credentials", { name: ["Name"], description: ["Description"], username: ["Username"], uri: ["URI"] }, ["name"], { secrets: ["Password", "TOTP"], otp: ["TOTP"] }),
  software: spec(
    "Software",
    {
      name: ["Name"],
      version: ["Version"],
      description: ["Description"],
      type: ["Type"],
      licenseType: ["License Type"],
      seats: ["Seats"],
      assets: ["Assets"],
      contacts: ["Contacts"],
      purchased: ["Purchased"],
      expires: ["Expires"],
      notes: ["Notes"],
    },
    ["name"],
    { secrets: ["Key"] },
  ),
  tickets: spec(
    "Tickets",
    { number: ["Ticket Number"], priority: ["Priority"], status: ["Status"], subject: ["Subject"], opened: ["Date Opened"], resolved: ["Date Resolved"], closed: ["Date Closed"] },
    ["number", "subject"],
  ),
};

export type ItflowModule = keyof typeof ITFLOW_MODULES;

/** The module names in ITFlow's file names; older versions called credentials "Logins". */
const FILE_MODULES: Readonly<Record<string, ItflowModule>> = {
  clients: "clients",
  contacts: "contacts",
  locations: "locations",
  vendors: "vendors",
  assets: "assets",
  networks: "networks",
  certificates: "certificates",
  domains: "domains",
  credentials: "credentials",
  logins: "credentials",
  software: "software",
  tickets: "tickets",
};

export interface ItflowFileName {
  /** The client the export is of (absent from account-wide exports). */
  client?: string;
  module: ItflowModule;
  /** `YYYY-MM-DD_HH-MM-SS` (or `YYYY-MM-DD` from older versions): sorts as text in time order. */
  stamp: string;
}

const FILE_NAME = /^(?:(.+)-)?([A-Za-z]+)-(\d{4}-\d{2}-\d{2}(?:_\d{2}-\d{2}-\d{2})?)\.csv$/i;

/** `Harbor Finch Legal-Assets-2025-06-02_14-05-33.csv` → client, module and time, or undefined for any other name. */
export function parseItflowFileName(name: string): ItflowFileName | undefined {
  const match = FILE_NAME.exec(name);
  const module = match ? FILE_MODULES[(match[2] as string).toLowerCase()] : undefined;
  if (!match || !module) return undefined;
  const client = match[1]?.trim();
  return { ...(client ? { client } : {}), module, stamp: match[3] as string };
}

const KNOWN_HEADERS = new Map(
  (Object.entries(ITFLOW_MODULES) as [ItflowModule, ColumnSpec<string>][]).map(([module, columns]) => [
    module,
    new Set([...Object.values(columns.fields).flat(), ...columns.secrets, ...(columns.unread ?? [])].map(columnWords)),
  ]),
);

/**
 * The module a header row is of: the one whose headers it shares most of, measured against the
 * larger of the two sets so a subset of Contacts' headers is not mistaken for Vendors'. Under half
 * shared is no module.
 */
export function moduleOfHeader(header: readonly string[]): ItflowModule | undefined {
  const words = new Set(header.map(columnWords).filter((word) => word !== ""));
  let best: ItflowModule | undefined;
  let bestScore = 0;
  for (const [module, known] of KNOWN_HEADERS) {
    let shared = 0;
    for (const word of words) if (known.has(word)) shared += 1;
    const score = shared / Math.max(words.size, known.size);
    if (score > bestScore) {
      best = module;
      bestScore = score;
    }
  }
  return bestScore >= 0.5 ? best : undefined;
}
