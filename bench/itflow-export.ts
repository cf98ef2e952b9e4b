/**
 * A synthetic ITFlow export for the import bench: one client's Clients, Contacts, Assets,
 * Credentials (Password and TOTP filled, as ITFlow exports them) and Tickets CSVs, written the way
 * ITFlow's fputcsv writes them (fields with spaces, commas, quotes or line breaks quoted, formula
 * cells escaped with `'`). Every value comes from a seeded PRNG: a seed always gives the same bytes.
 * `parseItflowFloor` is the least an import can do with them: read each CSV and parse it with
 * csv-parse alone.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { createRng } from "./generate.ts";

export interface ItflowExportOptions {
  assets: number;
  credentials: number;
  tickets: number;
  contacts: number;
  seed: number;
}

export const BENCH_EXPORT: ItflowExportOptions = { assets: 5000, credentials: 5000, tickets: 2000, contacts: 200, seed: 1 };

const CLIENT = "Harbor Finch Legal";
const STAMP = "2025-06-02_14-05-33";
const TYPES = ["Desktop", "Laptop", "Server", "Firewall/Router", "Switch", "Access Point", "Printer", "Virtual Machine", "Mobile Phone", "Other"];
const MAKES = [
  ["Dell", "OptiPlex 7010"],
  ["Lenovo", "ThinkPad T14 Gen 4"],
  ["HP", "EliteBook 840 G10"],
  ["Fortinet", "FortiGate 60F"],
  ["Ubiquiti", "U6 Pro"],
  ["Brother", "MFC-L9670CDN"],
  ["Synology", "RS1221+"],
];
const STATUSES = ["New", "Open", "On Hold", "Resolved", "Closed", "Closed", "Closed"];
const WORDS = ["printer", "VPN", "mailbox", "laptop", "backup", "licence", "scanner", "Wi-Fi", "share", "Teams", "password reset", "slow", "offline", "error"];
const FIRST = ["Ann", "Ben", "Cara", "Dev", "Eli", "Fay", "Gus", "Hana", "Ivo", "Jo", "Kai", "Lena", "Mo", "Nia", "Oli", "Priya"];
const LAST = ["Evans", "Quint", "Patel", "Whitlock", "Ramos", "Lindqvist", "Okafor", "Nakamura", "Duarte", "Kowalski"];

/** PHP's fputcsv, then ITFlow's formula escaping. */
function csvLine(cells: readonly string[]): string {
  return cells
    .map((raw) => {
      const cell = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
      return /[,"\r\n\t ]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
    })
    .join(",");
}

function csv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return `${[header, ...rows].map(csvLine).join("\n")}\n`;
}

export function writeItflowExport(dir: string, options: ItflowExportOptions): { files: number; bytes: number } {
  mkdirSync(dir, { recursive: true });
  const rng = createRng(options.seed);
  const day = (year: number) => `${year}-${String(rng.int(1, 12)).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`;
  const person = () => `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
  const base32 = () => Array.from({ length: 32 }, () => "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"[rng.int(0, 31)]).join("");
  const password = () => Array.from({ length: 16 }, () => "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!#%*-"[rng.int(0, 58)]).join("");
  const files: Record<string, string> = {
    [`Clients-${STAMP}.csv`]: csv(
      [
        "Client Name",
        "Industry",
        "Referral",
        "Website",
        "Primary Location Name",
        "Location Phone",
        "Location Address",
        "City",
        "State",
        "Postal Code",
        "Country",
        "Primary Contact Name",
        "Title",
        "Contact Phone",
        "Extension",
        "Contact Mobile",
        "Contact Email",
        "Hourly Rate",
        "Currency",
        "Payment Terms",
        "Tax ID",
        "Abbreviation",
      ],
      [
        [
          CLIENT,
          "Legal",
          "",
          "https://harborfinch.example",
          "Main Office",
          "+1 555 0100",
          "410 Wharf Street",
          "Harbor City",
          "OR",
          "97035",
          "United States",
          "Oliver Evans",
          "Managing Partner",
          "+1 555 0101",
          "",
          "",
          "oliver@harborfinch.example",
          "145.00",
          "USD",
          "30",
          "",
          "HFL",
        ],
      ],
    ),
    [`${CLIENT}-Contacts-${STAMP}.csv`]: csv(
      ["Name", "Title", "Department", "Email", "Phone", "Ext", "Mobile", "Location"],
      Array.from({ length: options.contacts }, (_, index) => {
        const name = `${person()} ${index}`;
        return [
          name,
          rng.pick(["Associate", "Paralegal", "Partner", "Office Manager"]),
          rng.pick(["Litigation", "Operations", "Partners"]),
          `${name.toLowerCase().replaceAll(" ", ".")}@harborfinch.example`,
          `+1 555 ${String(rng.int(0, 9999)).padStart(4, "0")}`,
          String(rng.int(10, 99)),
          "",
          "Main Office",
        ];
      }),
    ),
    [`${CLIENT}-Assets-${STAMP}.csv`]: csv(
      [
        "Name",
        "Description",
        "Type",
        "Make",
        "Model",
        "Serial Number",
        "Operating System",
        "Purchase Date",
        "Warranty Expire",
        "Install Date",
        "Assigned To",
        "Location",
        "Physical Location",
        "Notes",
      ],
      Array.from({ length: options.assets }, (_, index) => {
        const [make, model] = rng.pick(MAKES) as [string, string];
        const notes = rng.chance(0.2) ? `Moved to ${rng.pick(["reception", "the partners' wing", "the server closet"])} in ${rng.int(2019, 2025)}.\nCheck ${rng.pick(WORDS)} after handover.` : "";
        return [
          `HF-${String(index).padStart(5, "0")}`,
          rng.chance(0.05) ? `=HYPERLINK("http://example.invalid/${index}")` : `${rng.pick(WORDS)} ${rng.pick(WORDS)}`,
          rng.pick(TYPES),
          make,
          model,
          base32().slice(0, 10),
          rng.pick(["Windows 11 Pro", "Windows Server 2022", "macOS 14", ""]),
          day(2021),
          day(2026),
          day(2021),
          rng.chance(0.5) ? person() : "",
          "Main Office",
          rng.pick(["Rack A", "Reception", ""]),
          notes,
        ];
      }),
    ),
    [`${CLIENT}-Credentials-${STAMP}.csv`]: csv(
      ["Name", "Description", "Username", "Password", "TOTP", "URI"],
      Array.from({ length: options.credentials }, (_, index) => [
        `${rng.pick(["Router", "NAS", "Portal", "Server", "Switch", "Vendor portal"])} ${index}`,
        `${rng.pick(WORDS)} admin`,
        `admin${index}`,
        password(),
        rng.chance(0.4) ? base32() : "",
        `https://device-${index}.harborfinch.example`,
      ]),
    ),
    [`${CLIENT}-Tickets-${STAMP}.csv`]: csv(
      ["Ticket Number", "Priority", "Status", "Subject", "Date Opened", "Date Resolved", "Date Closed"],
      Array.from({ length: options.tickets }, (_, index) => {
        const status = rng.pick(STATUSES);
        const opened = `${day(2025)} ${String(rng.int(8, 17)).padStart(2, "0")}:${String(rng.int(0, 59)).padStart(2, "0")}:00`;
        return [
          `TCK-${10000 + index}`,
          rng.pick(["Low", "Medium", "High"]),
          status,
          `${rng.chance(0.05) ? "-- " : ""}${rng.pick(WORDS)} ${rng.pick(WORDS)}`,
          opened,
          status === "Resolved" || status === "Closed" ? opened : "",
          status === "Closed" ? opened : "",
        ];
      }),
    ),
  };
  let bytes = 0;
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), content);
    bytes += Buffer.byteLength(content);
  }
  return { files: Object.keys(files).length, bytes };
}

/** The floor: every CSV of the folder read and parsed with csv-parse, nothing else. */
export function parseItflowFloor(dir: string): { rows: number } {
  let rows = 0;
  for (const name of readdirSync(dir).sort()) {
    if (name.endsWith(".csv")) rows += (parse(readFileSync(join(dir, name))) as unknown[]).length;
  }
  return { rows };
}
