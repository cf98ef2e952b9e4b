import type { Problem } from "../lib/problems.ts";

/**
 * What `handover import` reads from a platform's export, before it becomes records. Each source
 * (scripts/import/sources/<system>.ts) reads its own files into this one shape; the mapping turns
 * it into records, scanning every value for secrets first. A source drops secret columns as it
 * reads them (secret-columns.ts): no secret column's value is ever held here.
 */
export type SourceSystem = "itflow" | "itglue" | "hudu";

/** Where an item came from: enough to find the row again, never a value of it. */
export interface Origin {
  system: SourceSystem;
  /** The export's module or endpoint: `assets`, `passwords`, `configurations`, `asset_passwords`. */
  entity: string;
  /** The source's own id; for an export without ids (ITFlow's CSVs), a stable key made from the row's identity. */
  id: string;
  /** Path of the export file, relative to the export given on the command line, `/`-separated. */
  file: string;
  /** 1-based line of the row's start in that file (1 for a JSON file). */
  line: number;
}

export interface Imported<Fields> {
  origin: Origin;
  fields: Fields;
}

/** Dates are `YYYY-MM-DD` when the source gave a date, otherwise absent. Text is trimmed; empty is absent. */
export interface ClientFields {
  name: string;
  industry?: string;
  website?: string;
  notes?: string;
}

export interface ContactFields {
  name: string;
  title?: string;
  department?: string;
  email?: string;
  phone?: string;
  mobile?: string;
  location?: string;
}

export interface LocationFields {
  name: string;
  description?: string;
  address?: string;
  city?: string;
  state?: string;
  postalCode?: string;
  country?: string;
  phone?: string;
  hours?: string;
}

export interface VendorFields {
  name: string;
  description?: string;
  contactName?: string;
  phone?: string;
  website?: string;
  accountNumber?: string;
  notes?: string;
}

/** What the asset record's `type` will say: hardware, licences, subscriptions, domains, certificates, cloud tenants. */
export type AssetCategory = "hardware" | "licence" | "subscription" | "domain" | "certificate" | "cloud-tenant";

export interface AssetFields {
  name: string;
  category: AssetCategory;
  /** The source's own type name ("Firewall", "Server", "Managed Network Switch"), kept for the tech. */
  sourceType?: string;
  description?: string;
  make?: string;
  model?: string;
  serial?: string;
  operatingSystem?: string;
  ip?: string;
  mac?: string;
  location?: string;
  assignedTo?: string;
  vendor?: string;
  /** A licence's version and seats. */
  version?: string;
  seats?: string;
  purchasedOn?: string;
  installedOn?: string;
  /** Warranty end, or a domain's, certificate's, licence's or subscription's expiry. */
  expiresOn?: string;
  notes?: string;
}

export interface CredentialFields {
  name: string;
  description?: string;
  username?: string;
  url?: string;
  /** The source's category or folder ("Active Directory", "Vendor portals"). */
  category?: string;
  /** The source held a one-time-password secret for it: the credential uses MFA. The secret itself is never read into here. */
  hadOtp: boolean;
  archived?: boolean;
  notes?: string;
}

export interface TicketFields {
  number: string;
  subject: string;
  priority?: string;
  status?: string;
  openedOn?: string;
  /** False once the source says resolved or closed: only open tickets become issues. */
  open: boolean;
}

export interface DocumentFields {
  title: string;
  /** The document's HTML as the source holds it; converted and sanitised by the mapping (html-to-markdown.ts), never by a regular expression. */
  html: string;
}

export interface NetworkFields {
  name: string;
  description?: string;
  vlan?: string;
  network?: string;
  gateway?: string;
  range?: string;
  dns?: string[];
}

export interface ExportData {
  system: SourceSystem;
  client: Imported<ClientFields> | undefined;
  contacts: Imported<ContactFields>[];
  locations: Imported<LocationFields>[];
  vendors: Imported<VendorFields>[];
  assets: Imported<AssetFields>[];
  credentials: Imported<CredentialFields>[];
  tickets: Imported<TicketFields>[];
  documents: Imported<DocumentFields>[];
  networks: Imported<NetworkFields>[];
  /** The columns or fields dropped as secret, with how many non-empty values each held. Never a value. */
  dropped: DroppedColumn[];
  /** Problems in the export itself, located in its files (client: undefined; file: as in Origin). */
  problems: Problem[];
}

/** Whether the export gave nothing to import: the wrong platform, an empty folder, a ZIP in a ZIP. */
export function isEmptyExport(data: ExportData): boolean {
  return !data.client && [data.contacts, data.locations, data.vendors, data.assets, data.credentials, data.tickets, data.documents, data.networks].every((items) => items.length === 0);
}

export interface DroppedColumn {
  file: string;
  column: string;
  values: number;
}

export interface ReadOptions {
  /**
   * The organization to take from an export that holds several: an IT Glue organization, a Hudu
   * company, or an ITFlow client (a folder of several clients' CSVs). Matched by name or source id.
   */
  organization?: string;
}

/** One platform's reader. `path` is the export: a folder, or a `.zip` where the platform exports one. */
export interface ExportSource {
  system: SourceSystem;
  read(path: string, options: ReadOptions): Promise<ExportData>;
}

export function emptyExport(system: SourceSystem): ExportData {
  return { system, client: undefined, contacts: [], locations: [], vendors: [], assets: [], credentials: [], tickets: [], documents: [], networks: [], dropped: [], problems: [] };
}
