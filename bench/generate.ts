/**
 * Writes a synthetic handover repository: realistic clients whose records all pass
 * `handover validate`. Every value comes from a seeded PRNG, so a given seed always
 * writes the same bytes and the benchmark always validates the same data.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";

export interface GenerateOptions {
  clients: number;
  /** Index of the first client to write (default 0), so a caller can write the repository in batches. */
  first?: number;
  recordsPerClient: number;
  seed: number;
}

export interface GeneratedRepository {
  root: string;
  slugs: string[];
  files: number;
  bytes: number;
}

/** mulberry32: tiny, fast and good enough for test data; Math.random cannot be seeded. */
export function createRng(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const chance = (probability: number): boolean => next() < probability;
  const weighted = <T extends string>(weights: Record<T, number>): T => {
    const entries = Object.entries(weights) as [T, number][];
    let roll = next() * entries.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return entries[entries.length - 1]![0];
  };
  /** Up to `count` distinct items, in their original order. */
  const sample = <T>(items: readonly T[], count: number): T[] => {
    const chosen = new Set<number>();
    while (chosen.size < Math.min(count, items.length)) chosen.add(int(0, items.length - 1));
    return [...chosen].sort((a, b) => a - b).map((index) => items[index] as T);
  };
  return { next, int, pick, chance, weighted, sample };
}

export type Rng = ReturnType<typeof createRng>;

// ---------------------------------------------------------------------------------------------
// Word pools. Plain business prose only: nothing that looks like a credential, so the secrets
// rule stays quiet for the right reason (the data is clean), not because it was switched off.

const FIRMS = ["Harbor", "Cedar", "Summit", "Bluewater", "Northgate", "Ironwood", "Maple", "Granite", "Willow", "Lakeside", "Riverside", "Oakridge", "Brightline", "Silverleaf", "Pinecrest", "Redstone", "Fairview", "Kingsley", "Ashford", "Meadowbrook", "Westbury", "Copperfield", "Hillcrest", "Stonebridge"];
/** Name suffix, what the business is, and the application it cannot work without. */
const SECTORS = [
  ["Dental Group", "dental practice", "Dentrix"], ["Family Law LLP", "law firm", "Clio"], ["Accounting", "accounting firm", "QuickBooks Desktop Enterprise"],
  ["Veterinary Clinic", "veterinary clinic", "AVImark"], ["Architects", "architecture studio", "Revit with a shared project server"], ["Logistics", "freight forwarder", "CargoWise"],
  ["Insurance Agency", "insurance agency", "Applied Epic"], ["Medical Practice", "medical practice", "Practice Fusion"], ["Property Management", "property manager", "AppFolio"],
  ["Engineering", "engineering consultancy", "Sage 50"], ["Credit Union", "credit union branch", "Jack Henry Symitar"], ["Realty", "real estate office", "Dotloop"],
] as const;
const FIRST = ["Alice", "Ben", "Carla", "David", "Elena", "Farid", "Grace", "Hiro", "Ines", "James", "Kavya", "Liam", "Maria", "Noah", "Olga", "Pedro", "Quinn", "Rosa", "Sam", "Tariq", "Uma", "Victor", "Wendy", "Yusuf", "Zoe"];
const LAST = ["Nguyen", "Okafor", "Schmidt", "Patel", "Garcia", "Kowalski", "Haddad", "Lindqvist", "Moreau", "Tanaka", "Brennan", "Silva", "Novak", "Adeyemi", "Larsen", "Romano", "Fischer", "Chen", "Murphy", "Costa"];
const CLIENT_ROLES = ["Office Manager", "Practice Manager", "Operations Director", "Managing Partner", "Finance Manager", "Owner"];
const LEADS = ["Dana Whitfield", "Marcus Reyes", "Priya Raman", "Tom Eriksen", "Hannah Cole"];
const SUCCESSORS = ["Northpoint IT", "Clearpath Technology", "Summit Tech Partners", "Redline Networks", "Keystone Managed Services", "Orbit IT Solutions"];
const ISPS = ["Comcast Business", "Lumen", "Spectrum Business", "AT&T Business", "Verizon Fios Business"];
const CITIES = ["Portland", "Madison", "Raleigh", "Boise", "Tucson", "Richmond", "Omaha", "Spokane", "Albany", "Savannah"];
const REASONS = ["new-provider", "new-provider", "new-provider", "in-house", "acquired-or-merged", "out-of-business", "outgrew-us", "non-payment", "scope-creep", "poor-fit", "technological-naivete", "other"] as const;
const REASON_DETAIL: Record<string, string> = {
  "new-provider": "The client chose a provider with a local office after a competitive review.",
  "in-house": "The client hired a full-time IT coordinator and will run IT themselves.",
  "acquired-or-merged": "The practice was acquired and moves onto the buyer's systems.",
  "out-of-business": "The owners are closing the business at the end of the lease.",
  "outgrew-us": "The client now needs a 24/7 service desk we do not offer.",
  "non-payment": "Invoices were repeatedly paid late despite a payment plan.",
  "scope-creep": "Requests kept falling outside the agreement and the client would not agree a change order.",
  "poor-fit": "Expectations about response times never matched the agreement.",
  "technological-naivete": "The client declined every recommended upgrade and the risk became unacceptable.",
  other: "The relationship ended by agreement after the owner retired.",
};

type HardwareKind = "fw" | "srv" | "nas" | "sw" | "ap" | "ws" | "lt" | "prn";
const HARDWARE: Record<HardwareKind, { name: string; models: string[]; serial: string; location: string }> = {
  fw: { name: "Office firewall", models: ["Fortinet FortiGate 60F", "SonicWall TZ370", "WatchGuard Firebox T45"], serial: "FGT", location: "Comms rack, ground floor" },
  srv: { name: "Main server", models: ["Dell PowerEdge T350", "HPE ProLiant ML30 Gen11", "Lenovo ThinkSystem ST250 V2"], serial: "SVR", location: "Server closet, 2nd floor" },
  nas: { name: "Backup NAS", models: ["Synology DS923+", "QNAP TS-464", "Synology RS822+"], serial: "NAS", location: "Server closet, 2nd floor" },
  sw: { name: "Core switch", models: ["Aruba Instant On 1930 24G", "Cisco CBS350-24P", "UniFi Switch Pro 24 PoE"], serial: "SW", location: "Comms rack, ground floor" },
  ap: { name: "Wireless access point", models: ["UniFi U6 Pro", "Aruba Instant On AP22", "Meraki MR36"], serial: "AP", location: "Ceiling, open-plan office" },
  ws: { name: "Reception workstation", models: ["Dell OptiPlex 7010", "HP Elite Mini 800 G9", "Lenovo ThinkCentre M70q"], serial: "WS", location: "Front desk" },
  lt: { name: "Partner laptop", models: ["Dell Latitude 5440", "Lenovo ThinkPad T14 Gen 4", "HP EliteBook 840 G10"], serial: "LT", location: "Issued to staff" },
  prn: { name: "Multifunction printer", models: ["Canon imageRUNNER C3226i", "Brother MFC-L9670CDN", "Ricoh IM C3000"], serial: "PRN", location: "Copy room, 1st floor" },
};
/** After the firewall, server and NAS every office has: mostly desks and laptops. */
const MORE_HARDWARE: HardwareKind[] = ["ws", "ws", "ws", "lt", "lt", "lt", "sw", "ap", "ap", "prn"];
const NON_HARDWARE_IDS: Record<string, string> = { "software-licence": "licences", subscription: "subscription", domain: "domain", "cloud-tenant": "m365-tenant" };

const ISSUES = [
  ["Main server warranty has expired", "If the server fails, replacement parts may take a week and the practice software is down until then."],
  ["Windows 10 workstations need upgrading", "The remaining Windows 10 machines no longer receive security updates and are exposed to known attacks."],
  ["Firewall firmware is two versions behind", "Known vulnerabilities in the old firmware could let an attacker into the office network."],
  ["Backup NAS is nearly full", "Once the NAS is full, nightly backups stop and recent work cannot be restored."],
  ["Shared mailbox permissions are inconsistent", "Staff who left still appear on shared mailboxes until the permissions are cleaned up."],
  ["UPS battery failed its self-test", "A short power cut would switch the server off without a clean shutdown."],
  ["Printer scan-to-email uses a legacy relay", "Scanning to e-mail will stop when the legacy relay is retired by the mail provider."],
  ["Domain renewal is not on auto-renew", "If the domain lapses, e-mail and the website stop working until it is recovered."],
  ["Guest Wi-Fi is on the office network", "Visitors' devices can reach office computers and printers."],
  ["Line-of-business database has no restore test", "Nobody has confirmed the database can actually be restored from the current backups."],
] as const;
const CLOSING_NOTES = ["Closed without completing service due to end of contract.", "Closed at the client's request; the new provider will assess it.", "Closed with a note to the client explaining the remaining risk."];

// ---------------------------------------------------------------------------------------------

type Status = "active" | "offboarding" | "handed-over" | "archived";
type Kind = "contract" | "asset" | "issue" | "backup" | "access" | "doc";

/** 24 records after client.md, in the proportions of a typical small-office client. */
const KIND_CYCLE: Kind[] = [
  "contract", "asset", "asset", "issue", "access", "backup", "doc", "asset", "contract", "asset", "issue", "access",
  "asset", "asset", "issue", "access", "asset", "contract", "backup", "doc", "asset", "issue", "access", "asset",
];
const FOLDER: Record<Kind, string> = { contract: "contracts", asset: "assets", issue: "issues", backup: "backups", access: "access", doc: "docs" };
const CONTRACT_ORDER = ["managed-services", "bdr", "email-filtering", "haas", "telephone", "antivirus", "time-and-materials", "other"] as const;
const CONTRACT_TITLES: Record<string, string> = {
  "managed-services": "Managed Services Agreement", bdr: "Backup and Disaster Recovery", "email-filtering": "E-mail Filtering Service", haas: "Hardware as a Service",
  telephone: "Hosted Telephone Service", antivirus: "Managed Antivirus", "time-and-materials": "Time and Materials Projects", other: "Website Hosting",
};

interface Person { name: string; role?: string; phone?: string; email?: string }
interface Asset { id: string; type: string; hardware?: HardwareKind }
interface Contract { id: string; type: string }

interface Client {
  rng: Rng;
  slug: string;
  name: string;
  sector: string;
  domain: string;
  city: string;
  lob: string;
  status: Status;
  /** Handed over or archived: the offboarding work is finished. */
  done: boolean;
  /** Day offsets from 2026-01-01; only clients that were given notice write them as notice and stop dates. */
  noticeDay: number;
  periodDays: number;
  stopDay: number;
  lead: Person;
  contact: Person;
  successor: string;
  contracts: Contract[];
  assets: Asset[];
  ticket: number;
}

const EPOCH = Date.UTC(2026, 0, 1);
const day = (offset: number): string => new Date(EPOCH + offset * 86_400_000).toISOString().slice(0, 10);

function slugify(text: string): string {
  return text.toLowerCase().replace(/&/g, "and").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

function person(rng: Rng, domain: string, role?: string): Person {
  const first = rng.pick(FIRST);
  const last = rng.pick(LAST);
  const p: Person = { name: `${first} ${last}` };
  if (role) p.role = role;
  if (rng.chance(0.8)) p.phone = `+1 555 01${String(rng.int(0, 99)).padStart(2, "0")}`;
  p.email = `${first.toLowerCase()}.${last.toLowerCase()}@${domain}`;
  return p;
}

/** A record file: YAML frontmatter written by the `yaml` library (so quoting is always right), then the body. */
function record(data: Record<string, unknown>, body: string): string {
  // No anchors: the loader refuses YAML aliases, and a shared contact object would produce one.
  return `---\n${stringify(data, { lineWidth: 0, aliasDuplicateObjects: false })}---\n${body ? `\n${body.trimEnd()}\n` : ""}`;
}

function paragraph(rng: Rng, sentences: readonly string[], min: number, max: number): string {
  return rng.sample(sentences, rng.int(min, max)).join(" ");
}

function planClient(seed: number, index: number, recordsPerClient: number): { client: Client; kinds: Kind[] } {
  // One generator per client: client N is the same whatever --clients and the clients before it are.
  const rng = createRng(seed * 1_000_003 + index);
  const [suffix, sector, lob] = rng.pick(SECTORS);
  const name = `${rng.pick(FIRMS)} ${suffix}`;
  const slug = `${slugify(name)}-${String(index + 1).padStart(4, "0")}`;
  const domain = `${slug.replace(/-/g, "")}.com`;
  const status = rng.weighted<Status>({ offboarding: 45, "handed-over": 25, active: 22, archived: 8 });
  const noticeDay = rng.int(-200, 150);
  const periodDays = rng.pick([30, 60, 90]);
  // Never earlier than notice plus the notice period, or the notice-period rule objects.
  const stopDay = noticeDay + periodDays + rng.int(0, 20);
  const client: Client = {
    rng, slug, name, sector, domain, status, noticeDay, periodDays, stopDay,
    done: status === "handed-over" || status === "archived",
    city: rng.pick(CITIES),
    lob,
    lead: { name: rng.pick(LEADS), role: "Account Lead", email: "service@bluefield-it.com" },
    contact: person(rng, domain, rng.pick(CLIENT_ROLES)),
    successor: rng.pick(SUCCESSORS),
    contracts: [],
    assets: [],
    ticket: 48_000 + rng.int(0, 9_000),
  };
  const kinds = Array.from({ length: Math.max(0, recordsPerClient - 1) }, (_, i) => KIND_CYCLE[i % KIND_CYCLE.length] as Kind);
  // Ids first, so references from issues, backups, access and docs always resolve.
  const taken = new Set<string>();
  const unique = (base: string, numbered: boolean) => {
    let n = 1;
    const idOf = () => (numbered ? `${base}-${String(n).padStart(2, "0")}` : n === 1 ? base : `${base}-${n}`);
    while (taken.has(idOf())) n += 1;
    taken.add(idOf());
    return idOf();
  };
  kinds.forEach((kind) => {
    if (kind === "contract") {
      const type = CONTRACT_ORDER[client.contracts.length] ?? rng.pick(CONTRACT_ORDER);
      client.contracts.push({ id: unique(type, false), type });
    } else if (kind === "asset") {
      const type = rng.weighted({ hardware: 60, "software-licence": 10, subscription: 12, domain: 8, "cloud-tenant": 10 });
      // Every office has a firewall, a server and a NAS before anything else.
      const hardware = type === "hardware" ? ((["fw", "srv", "nas"] as const)[client.assets.length] ?? rng.pick(MORE_HARDWARE)) : undefined;
      const id = hardware ? unique(hardware, true) : unique(NON_HARDWARE_IDS[type]!, false);
      client.assets.push({ id, type, hardware });
    }
  });
  return { client, kinds };
}

function clientCase(c: Client): string {
  const { rng } = c;
  const gaveNotice = c.status === "offboarding" || c.status === "handed-over" || (c.status === "archived" && rng.chance(0.7));
  const data: Record<string, unknown> = { name: c.name, status: c.status };
  if (gaveNotice) {
    const reason = rng.pick(REASONS);
    data.ending = { initiatedBy: reason === "non-payment" || reason === "scope-creep" ? "msp" : rng.pick(["client", "client", "mutual"]), reason, detail: REASON_DETAIL[reason] };
    data.notice = { date: day(c.noticeDay), inWriting: rng.chance(0.9), letter: `DMS/${c.slug}/notice-letter.pdf`, periodDays: c.periodDays };
    data.servicesStop = day(c.stopDay);
    data.primaryContact = c.contact;
    const inHouse = (data.ending as { reason: string }).reason === "in-house";
    data.successor = inHouse
      ? { type: "in-house", company: `${c.name} IT team`, contact: person(rng, c.domain, "IT Coordinator") }
      : { type: "msp", company: c.successor, contact: person(rng, `${slugify(c.successor).replace(/-/g, "")}.com`, "Onboarding Engineer") };
    data.transition = { supportedBy: rng.pick(["msp", "shared", "successor"]), successorTakesOverOn: day(c.stopDay), assistance: "Two hours of walkthrough with the successor's engineer, billed from the prepaid block." };
  } else if (rng.chance(0.5)) {
    data.primaryContact = c.contact;
  }
  data.accountLead = c.lead;
  if (gaveNotice) {
    const { done } = c;
    data.money = {
      currency: "USD",
      receivables: { outstanding: rng.int(0, 40) * 125, arrangement: "Paid in full before the final handover meeting.", ...(done ? { settledOn: day(c.stopDay - 5) } : {}) },
      prepaidLabour: { amount: rng.int(4, 20) * 150, hours: rng.int(4, 20), collectedOn: day(c.noticeDay + 7) },
      accountingTermsChange: rng.pick(["needed", "not-needed"]),
      newsletter: rng.pick(["keep", "remove"]),
      ...(done ? { recurringBillingCancelledOn: day(c.stopDay), psaExpirySetOn: day(c.noticeDay + 3) } : {}),
    };
    data.offboarding = {
      removalTicket: `T-${c.ticket}`,
      issuesSummarySentOn: day(c.noticeDay + 10),
      ...(done ? { documentationVerifiedOn: day(c.stopDay - 10), documentationDeliveredOn: day(c.stopDay - 3), documentationFormat: rng.pick(["electronic", "paper", "both"]), paperworkFiledOn: day(c.stopDay + 5) } : {}),
    };
    if (done) data.whatsNextMemoSentOn = day(c.noticeDay + 14);
  }
  if (rng.chance(0.3)) data.internalNotes = "Escalations go to the service manager first; the owner prefers phone calls to e-mail.";

  const intro = [
    `${c.name} is a ${rng.int(8, 60)}-person ${c.sector} in ${c.city}.`,
    `We have looked after their IT since ${rng.int(2012, 2023)}: the server, the workstations, the network and Microsoft 365.`,
    `Their line-of-business application is ${c.lob}, which runs on the main server and is backed up every night.`,
    `The internet line is a ${rng.pick(ISPS)} fibre circuit with 4G failover on the firewall.`,
    `${c.contact.name} is the day-to-day contact and approves any billable work.`,
    "Most staff work in the office; a few work from home two days a week over the VPN.",
    "Printing and scanning go through the multifunction printer in the copy room.",
    "Support requests reach us through the portal, by e-mail or by phone during office hours.",
  ];
  const sites = ["Main office, ground and first floor.", "Server closet on the second floor, locked; the office manager holds the door key.", "A small satellite office shares the main office's Microsoft 365 tenant."];
  return record(
    data,
    [
      `# ${c.name}`,
      paragraph(rng, intro, 3, 6),
      paragraph(rng, intro, 2, 4),
      "## Sites",
      rng.sample(sites, rng.int(1, 3)).map((site) => `- ${site}`).join("\n"),
      "## Internal",
      "Invoices were occasionally paid late; the finance manager responds best to a call before the due date.",
    ].join("\n\n"),
  );
}

function contract(c: Client, k: Contract): string {
  const { rng } = c;
  const offboarding = c.status !== "active";
  const disposition = k.type === "managed-services" && offboarding ? "ends" : rng.weighted({ ends: offboarding ? 50 : 10, continues: 30, "continues-unbundled": 20 });
  const startDay = c.noticeDay - rng.int(365, 2500);
  const data: Record<string, unknown> = { title: CONTRACT_TITLES[k.type] ?? "Service Agreement", type: k.type, bundled: k.type !== "managed-services" && rng.chance(0.6), disposition, startDate: day(startDay) };
  if (disposition === "ends") data.endDate = day(c.stopDay);
  if (rng.chance(0.7)) data.noticePeriodDays = rng.pick([30, 60, 90]);
  if (disposition === "ends" && c.done) {
    data.recurringBillingCancelledOn = day(c.stopDay);
    data.psaExpirySetOn = day(c.noticeDay + 3);
  }
  if (disposition === "continues-unbundled") data.recurringBillingCreatedOn = day(c.noticeDay + 20);
  if (k.type === "managed-services") data.slaEvidence = "Monthly SLA reports in the PSA, exported to the client folder in the DMS.";
  if (k.type === "email-filtering" && disposition === "ends") {
    data.mailRouting = { removalTicket: `T-${c.ticket + 7}`, pointsTo: "Microsoft 365 Exchange Online Protection", ...(c.done ? { dnsUpdatedOn: day(c.stopDay - 2), mailFlowTestedOn: day(c.stopDay - 2) } : {}) };
  }
  const scope = [
    `This agreement covers ${CONTRACT_TITLES[k.type]?.toLowerCase() ?? "the service"} for ${c.name}.`,
    "Support is provided during business hours, 8:00 to 18:00, Monday to Friday, excluding public holidays.",
    "Response times follow the priority of the ticket: four business hours for urgent requests, one business day otherwise.",
    "Projects, new equipment and work outside the scope are quoted and billed separately.",
    "The fee is invoiced monthly in advance and reviewed once a year.",
    "Either party may end the agreement with written notice as set out in the terms.",
  ];
  const included = ["Patching of servers and workstations", "Monitoring and alerting", "Help desk for all staff", "Quarterly business review", "Vendor management for the internet line and printers", "Antivirus and endpoint protection"];
  return record(data, [paragraph(rng, scope, 2, 5), "## Included", rng.sample(included, rng.int(2, 5)).map((item) => `- ${item}`).join("\n")].join("\n\n"));
}

function asset(c: Client, a: Asset): string {
  const { rng } = c;
  const data: Record<string, unknown> = {};
  if (a.hardware) {
    const hw = HARDWARE[a.hardware];
    const haas = c.contracts.find((k) => k.type === "haas");
    const owner = haas && rng.chance(0.4) ? "msp" : rng.weighted({ client: 80, leased: 8, msp: 12 });
    const disposition = owner === "client" ? rng.weighted({ stays: 75, decommission: 25 }) : owner === "msp" ? rng.pick(["retrieve", "transfer-ownership"]) : "stays";
    Object.assign(data, { name: hw.name, type: "hardware", model: rng.pick(hw.models), serial: `${hw.serial}${rng.int(10_000_000, 99_999_999)}`, location: hw.location, owner });
    if (owner === "msp" && haas) data.contract = haas.id;
    data.disposition = disposition;
    if (disposition === "retrieve") data.dispositionDueOn = day(c.stopDay + 7);
    if (c.done && disposition !== "stays") data.dispositionDoneOn = day(c.stopDay + 5);
    if (["srv", "ws", "lt", "nas"].includes(a.hardware)) {
      const removed = c.done;
      data.agents = [
        { type: "rmm", product: "NinjaOne", ...(removed ? { removedOn: day(c.stopDay) } : {}) },
        { type: "antivirus", product: "SentinelOne", ...(removed ? { removedOn: day(c.stopDay) } : {}) },
        ...(a.hardware === "srv" ? [{ type: "backup", product: "Veeam Agent for Windows" }] : []),
      ];
    }
  } else {
    const names: Record<string, [string, string, string]> = {
      "software-licence": ["Adobe Acrobat Pro licences", "Adobe", "Volume licence VL-2024"],
      subscription: [`${c.lob} subscription`, c.lob, "Annual subscription"],
      domain: [c.domain, rng.pick(["Cloudflare Registrar", "GoDaddy", "Namecheap"]), c.domain],
      "cloud-tenant": ["Microsoft 365 tenant", "Microsoft", `${c.slug.replace(/-/g, "")}.onmicrosoft.com`],
    };
    const [name, vendor, serial] = names[a.type] as [string, string, string];
    Object.assign(data, { name, type: a.type, serial, owner: "client", disposition: "stays", vendor });
    if (a.type === "subscription" || a.type === "domain") data.renewsOn = day(c.stopDay + rng.int(30, 300));
    data.transition = rng.pick(["transfer-to-client", "transfer-to-successor", "client-keeps", "cancel", "continues-with-msp"]);
    data.adminRightsHeldBy = rng.chance(0.5) ? `${c.name} (client)` : `${c.successor} (successor)`;
  }
  const notes = [
    "Covered by the manufacturer's warranty until the date on the invoice in the DMS.",
    "Firmware was last updated during the quarterly maintenance window.",
    "Labelled with the asset tag on the underside.",
    "The configuration backup is exported monthly to the documentation share.",
    "Renewal notices go to the shared accounts mailbox.",
  ];
  return record(data, rng.chance(0.7) ? paragraph(rng, notes, 1, 3) : "");
}

function issue(c: Client, id: number): string {
  const { rng } = c;
  const [title, risk] = rng.pick(ISSUES);
  const severity = rng.weighted({ low: 35, medium: 35, high: 20, critical: 10 });
  const disposition = rng.weighted({ "work-before-end": 40, "close-with-note": 30, "hand-over": 30 });
  const data: Record<string, unknown> = { ticket: `T-${c.ticket + 100 + id}`, title, severity, disposition, coverage: rng.pick(["ending-contract", "billable"]), risk };
  const assets = rng.sample(c.assets.map((a) => a.id), rng.int(0, 2));
  if (assets.length > 0) data.assets = assets;
  const { done } = c;
  if (done && disposition === "work-before-end") data.resolvedOn = day(c.stopDay - 4);
  if (done && disposition === "close-with-note") Object.assign(data, { closedOn: day(c.stopDay - 1), closingNote: rng.pick(CLOSING_NOTES) });
  if ((severity === "high" || severity === "critical") && disposition !== "work-before-end") {
    data.acknowledgement = { signedBy: `${c.contact.name}, ${c.contact.role}`, signedOn: day(c.noticeDay + 20), document: `DMS/${c.slug}/risk-acknowledgement-${id + 1}.pdf` };
  }
  const explain = [
    `${risk}`,
    "We raised this in the last two quarterly reviews and recommended fixing it before the handover.",
    "The fix takes about half a day and can be done after hours so nobody is interrupted.",
    "Until it is fixed, keep an eye on the alerts in the monitoring report.",
    `The new provider should look at this in their first week; the ticket history is in the handover pack under ${data.ticket}.`,
    "A quote for the work was sent to the office manager and is still open.",
  ];
  return record(data, [`# ${title}`, paragraph(rng, explain, 2, 5)].join("\n\n"));
}

function backup(c: Client, id: number): string {
  const { rng } = c;
  const m365 = id % 2 === 1;
  const covered = c.assets.filter((a) => (m365 ? a.type === "cloud-tenant" : a.hardware === "srv" || a.hardware === "nas")).map((a) => a.id);
  const product = m365 ? rng.pick(["Datto SaaS Protection", "Veeam Backup for Microsoft 365"]) : rng.pick(["Veeam Backup & Replication 12", "Datto SIRIS", "Acronis Cyber Protect 16"]);
  const bdr = c.contracts.find((k) => k.type === "bdr");
  const data: Record<string, unknown> = {
    title: m365 ? "Microsoft 365 backup" : "Nightly server backup",
    covers: m365 ? "Mailboxes, OneDrive and SharePoint sites of every user." : `The main server, including the ${c.lob} database and the shared folders.`,
  };
  const assets = rng.sample(covered, rng.int(1, 2));
  if (assets.length > 0) data.assets = assets;
  if (bdr) data.contract = bdr.id;
  Object.assign(data, {
    product,
    schedule: m365 ? "Three times a day" : `Every night at ${rng.pick(["21:00", "22:00", "23:30"])}`,
    retention: rng.pick(["30 daily, 12 monthly", "14 daily, 8 weekly, 12 monthly", "90 days"]),
    location: m365 ? "Vendor cloud, US region" : "On-site NAS and Wasabi us-east-2",
    encryptionKeyHeldBy: "Our service manager, in the MSP vault; a sealed copy is in the client's safe.",
    lastSuccessfulBackup: day(Math.min(c.stopDay, 150) - 1),
    lastRestoreTest: day(c.noticeDay - rng.int(10, 90)),
  });
  const transition: Record<string, unknown> = {};
  if (c.status !== "active") transition.ourBackupsStopOn = day(c.stopDay + 7);
  if (c.done) {
    if (rng.chance(0.8)) transition.successorFirstVerifiedBackup = { date: day(c.stopDay + 2), verifiedBy: `${c.contact.name} (${c.successor})`, evidence: `Job report attached to T-${c.ticket + 50}` };
    else transition.clientRelease = { signedBy: `${c.contact.name}, ${c.contact.role}`, signedOn: day(c.stopDay - 2), document: `DMS/${c.slug}/backup-release.pdf` };
    transition.historicalBackups = rng.pick([
      { disposition: "retained", until: day(c.stopDay + 365), detail: "Kept in our cloud storage for one year, then deleted." },
      { disposition: "handed-over", doneOn: day(c.stopDay + 3), detail: "Copied to an encrypted drive and collected by the client." },
      { disposition: "destroyed", doneOn: day(c.stopDay + 30) },
    ]);
  } else if (c.status === "offboarding") {
    transition.historicalBackups = { disposition: "negotiating" };
  }
  data.transition = transition;
  const how = [
    `${product} copies ${m365 ? "every mailbox and file in Microsoft 365" : "the whole server"} on the schedule above.`,
    "A report of each run is e-mailed to the service desk, and failures open a ticket automatically.",
    "Copies are encrypted before they leave the office.",
    "The first copy of each week is kept longer so older versions can be recovered.",
    "Restores of single files take minutes; a full server restore takes about four hours.",
  ];
  const steps = m365
    ? ["Sign in to the backup portal with your admin account.", "Find the user and choose Mail, OneDrive or SharePoint.", "Pick the date to restore from and select the items.", "Restore to the original location, or export and send the files."]
    : ["Open the backup console on the management workstation.", "Choose the server and the restore point you need.", "For a file, browse to it and restore it to its original folder.", "For the whole server, boot the spare hardware or a virtual machine from the latest copy.", "Check the application opens and the data is current, then tell staff."];
  const parts = [`# How the backup works`, paragraph(rng, how, 2, 4), "## How to restore", steps.map((step, n) => `${n + 1}. ${step}`).join("\n")];
  if (rng.chance(0.4)) parts.push("## Internal", "The restore test took longer than planned; allow a full afternoon next time.");
  return record(data, parts.join("\n\n"));
}

function access(c: Client, id: number): string {
  const { rng } = c;
  const find = (pred: (a: Asset) => boolean) => c.assets.find(pred)?.id;
  const options = [
    { system: `Microsoft 365 tenant ${c.slug.replace(/-/g, "")}.onmicrosoft.com`, account: `admin@${c.domain}`, type: "cloud-admin", asset: find((a) => a.type === "cloud-tenant") },
    { system: "Office firewall admin interface", account: "admin", type: "firewall", asset: find((a) => a.hardware === "fw") },
    { system: `Active Directory domain ${c.slug.split("-")[0]}.local`, account: "Administrator", type: "domain-admin", asset: find((a) => a.hardware === "srv") },
    { system: `Domain registrar account for ${c.domain}`, account: `it@${c.domain}`, type: "registrar", asset: find((a) => a.type === "domain") },
    { system: `${c.lob} vendor portal`, account: c.contact.email ?? `office@${c.domain}`, type: "vendor-portal", asset: undefined },
    { system: "Office Wi-Fi controller", account: "wifi-admin", type: "wifi", asset: find((a) => a.hardware === "ap") },
  ];
  const choice = options[id % options.length]!;
  const data: Record<string, unknown> = { system: choice.system, account: choice.account, type: choice.type };
  if (choice.asset) data.asset = choice.asset;
  if (c.done || (c.status === "offboarding" && rng.chance(0.4))) {
    const mfa = choice.type === "cloud-admin" || choice.type === "registrar";
    Object.assign(data, { handedTo: c.contact, method: rng.pick(["password-manager-share", "in-person", "sealed-envelope", "client-reset"]), handedOn: day(c.stopDay - 2), mfaTransferred: mfa });
    if (c.done) Object.assign(data, { ourAccessRemovedOn: day(c.stopDay), credentialsRotatedOn: day(c.stopDay + 1) });
  }
  const notes = ["Handed over in the final handover meeting; the recipient confirmed they could sign in.", "The client changed the credential themselves after the handover.", "Multi-factor authentication is tied to the recipient's phone.", "Our technicians' named accounts were disabled the same day."];
  return record(data, rng.chance(0.5) ? paragraph(rng, notes, 1, 2) : "");
}

const DOC_PAGES = ["Network overview", "Server runbook", "New starter checklist", "Printers and scanning", "Line-of-business application", "Vendor contacts"];

function doc(c: Client, id: number): string {
  const { rng } = c;
  const title = DOC_PAGES[id % DOC_PAGES.length]!;
  const data: Record<string, unknown> = { title, lastVerified: day(c.stopDay - rng.int(5, 60)), verifiedBy: rng.pick(LEADS), order: id + 1 };
  const assets = rng.sample(c.assets.filter((a) => a.hardware).map((a) => a.id), rng.int(1, 4));
  if (assets.length > 0) data.assets = assets;
  const rows = c.assets.filter((a) => a.hardware).map((a) => `| ${a.id} | ${HARDWARE[a.hardware!].name} | ${HARDWARE[a.hardware!].location} |`);
  const prose = [
    `This page describes the ${title.toLowerCase()} for ${c.name} as it stands at the handover.`,
    "Everything here was checked on site against the real equipment on the date above.",
    "Changes made after that date are not reflected; check with the office manager first.",
    `The internet line terminates in the comms rack and feeds the firewall, which hands out addresses in 192.168.${rng.int(1, 50)}.0/24.`,
    "Staff devices use the office Wi-Fi; visitors use the guest network, which is isolated from office devices.",
    `${c.lob} runs on the main server; its database is stopped briefly each night for the backup.`,
    "New staff receive a laptop from the spare stock, a Microsoft 365 account and access to the shared folders of their team.",
    "Leavers are disabled on their last day and their mailbox is converted to a shared mailbox for 90 days.",
    "Printer toner is ordered by the office manager through the supplier's portal.",
    "Windows updates install on the second Tuesday of each month, overnight, with an automatic restart at 02:00.",
    "The switches are unmanaged apart from the core switch, which carries the office, voice and guest VLANs.",
    "If the internet line drops, the firewall fails over to the 4G router within a minute; calls may drop once.",
    "Shared folders are mapped by group policy; each team sees its own folder and the common folder.",
    "The server is shut down cleanly by the UPS after ten minutes on battery.",
    `Vendor support for ${c.lob} is reached through their portal; the account number is in the vendor contacts page.`,
  ];
  const steps = [
    "Check the monitoring report for alerts from the night before.",
    "Confirm the nightly backup report shows success for every job.",
    "Restart the affected workstation before anything else; most printing problems clear this way.",
    "If the server does not respond, check the UPS display and the server's front panel lights.",
    "Call the internet provider's business line if both the line and the 4G failover are down.",
    "Write down what happened and when, so the next provider can see the history.",
  ];
  const sections = ["Overview", "Equipment", "Day-to-day tasks", "When something goes wrong", "Changes since the last review", "Contacts"];
  const parts = [`# ${title}`, paragraph(rng, prose, 3, 6)];
  for (const heading of rng.sample(sections, rng.int(3, 6))) {
    parts.push(`## ${heading}`);
    if (heading === "Equipment" && rows.length > 0) parts.push(["| Asset | What | Where |", "| --- | --- | --- |", ...rows].join("\n"));
    else if (heading === "Day-to-day tasks" || heading === "When something goes wrong") parts.push(rng.sample(steps, rng.int(3, 6)).map((step, n) => `${n + 1}. ${step}`).join("\n"));
    else parts.push(paragraph(rng, prose, 3, 6), paragraph(rng, prose, 0, 4));
  }
  return record(data, parts.filter((part) => part !== "").join("\n\n"));
}

/** Writes `<root>/clients/<slug>/…` for every client; returns what was written. */
export function generateRepository(root: string, options: GenerateOptions): GeneratedRepository {
  const result: GeneratedRepository = { root, slugs: [], files: 0, bytes: 0 };
  for (let index = options.first ?? 0; index < (options.first ?? 0) + options.clients; index += 1) {
    const { client, kinds } = planClient(options.seed, index, options.recordsPerClient);
    const dir = join(root, "clients", client.slug);
    const files: [string, string][] = [["client.md", clientCase(client)]];
    const seen: Record<Kind, number> = { contract: 0, asset: 0, issue: 0, backup: 0, access: 0, doc: 0 };
    for (const kind of kinds) {
      const n = seen[kind]++;
      const [id, text] =
        kind === "contract" ? [client.contracts[n]!.id, contract(client, client.contracts[n]!)]
        : kind === "asset" ? [client.assets[n]!.id, asset(client, client.assets[n]!)]
        : kind === "issue" ? [`t-${client.ticket + 100 + n}`, issue(client, n)]
        : kind === "backup" ? [`${n % 2 === 0 ? "server" : "m365"}-backup-${String(n + 1).padStart(2, "0")}`, backup(client, n)]
        : kind === "access" ? [`access-${String(n + 1).padStart(2, "0")}`, access(client, n)]
        : [`${slugify(DOC_PAGES[n % DOC_PAGES.length]!)}${n >= DOC_PAGES.length ? `-${n + 1}` : ""}`, doc(client, n)];
      files.push([`${FOLDER[kind]}/${id}.md`, text]);
    }
    for (const [path, text] of files) {
      mkdirSync(join(dir, path, ".."), { recursive: true });
      writeFileSync(join(dir, path), text);
      result.files += 1;
      result.bytes += Buffer.byteLength(text);
    }
    result.slugs.push(client.slug);
  }
  return result;
}
