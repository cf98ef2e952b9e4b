import { START, type Point, type Problem } from "../../lib/problems.ts";
import type { AssetCategory, AssetFields, DroppedColumn, ExportData, ExportSource, ReadOptions } from "../export-data.ts";
import { htmlToMarkdown } from "../html-to-markdown.ts";
import { columnWords, isSecretColumn } from "../secret-columns.ts";
import { categoryOfType } from "./asset-category.ts";
import { parseExportDate } from "./export-dates.ts";
import { EXPORT_LIMITS, type ExportLimits } from "./export-limits.ts";
import { exportProblem } from "./export-problem.ts";
import { utf8Text } from "./export-text.ts";
import { parseJsonFile, type JsonDocument, type JsonPath } from "./json-file.ts";
import { chooseOrganization, type Organization } from "./organization.ts";
import { defined, joinLines, origin, readExport, readUtf8, type ExportRun } from "./read-export.ts";

/**
 * Hudu: one JSON file per API endpoint (`companies.json`, `assets.json`, …), each as a `GET`
 * returns it, with its pages merged: `{"assets": [...]}`, a list of such pages, or a bare list.
 * Secrets are dropped while the JSON is parsed: `password`, `otp_secret` and every key that names
 * a secret never reach the parsed document, and neither does the value of an asset field whose
 * layout field type is Password or ConfidentialText (or whose label names a secret). An asset's
 * category comes from its layout's name (categoryOfType); a layout whose name says none is read
 * as hardware, with a warning naming it. Websites are domains.
 */
export const huduSource: ExportSource = {
  system: "hudu",
  read: (path, options) => readHuduExport(path, options),
};

const ENDPOINTS = ["companies", "asset_layouts", "assets", "asset_passwords", "articles", "websites"] as const;
type Endpoint = (typeof ENDPOINTS)[number];

/** Layout field types whose values are secrets. */
const SECRET_FIELD_TYPES = new Set(["password", "confidentialtext", "confidential text"]);
const SECRET_KEYS = new Set(["password", "otp_secret"]);
/** Marks a field object whose value was replaced by whether it was set. */
const WITHHELD = "__handoverWithheld";

interface Item {
  value: Record<string, unknown>;
  path: JsonPath;
}

interface Endpoints {
  items: Partial<Record<Endpoint, Item[]>>;
  files: Partial<Record<Endpoint, { file: string; doc: JsonDocument }>>;
}

export function readHuduExport(path: string, options: ReadOptions, limits: ExportLimits = EXPORT_LIMITS): Promise<ExportData> {
  return readExport("hudu", path, limits, async (run) => {
    const endpoints = await readEndpoints(run);
    const problems = run.data.problems;
    const companies = endpoints.items.companies ?? [];
    const organizations: (Organization & { item?: Item })[] =
      companies.length > 0
        ? companies.flatMap((item) => (text(item.value, "name") ? [{ id: String(item.value.id), name: text(item.value, "name") as string, item }] : []))
        : companiesNamedByItems(endpoints);
    const { chosen, refused } = chooseOrganization(organizations, options.organization, "company", endpoints.files.companies?.file ?? run.name, START, problems, run.data.dropped);
    if (refused) return;
    const mine = (endpoint: Endpoint): Item[] => {
      const items = endpoints.items[endpoint] ?? [];
      return chosen?.id === undefined ? items : items.filter((item) => String(item.value.company_id) === chosen.id);
    };
    const reader = itemReader(run, endpoints);
    if (chosen?.item) reader.company(chosen.item);
    const layouts = new Map((endpoints.items.asset_layouts ?? []).map((item) => [String(item.value.id), item]));
    reader.assets(mine("assets"), layouts);
    reader.passwords(mine("asset_passwords"));
    reader.articles(mine("articles"), (endpoints.items.articles ?? []).filter((item) => item.value.company_id === null || item.value.company_id === undefined).length);
    reader.websites(mine("websites"));
  });
}

/** Each endpoint's file, layouts first: their field types say which asset fields to withhold while assets.json is parsed. */
async function readEndpoints(run: ExportRun): Promise<Endpoints> {
  const found = new Map<Endpoint, string>();
  for (const path of run.files.paths) {
    const name = path.split("/").at(-1)?.toLowerCase() ?? "";
    const endpoint = ENDPOINTS.find((candidate) => name === `${candidate}.json`);
    if (!endpoint) {
      if (name.endsWith(".json"))
        run.data.problems.push(exportProblem(path, START, `handover reads Hudu's ${ENDPOINTS.map((known) => `${known}.json`).join(", ")}; this file was not read`, "warning"));
      continue;
    }
    if (found.has(endpoint)) run.data.problems.push(exportProblem(path, START, `a second ${name} in the export (the first is ${found.get(endpoint)}); it was not read`));
    else found.set(endpoint, path);
  }
  if (found.size === 0)
    run.data.problems.push(exportProblem(run.name, START, `this export holds none of Hudu's endpoint files (${ENDPOINTS.map((known) => `${known}.json`).join(", ")}); nothing was imported`));
  const endpoints: Endpoints = { items: {}, files: {} };
  const secretLabels = new Set<string>();
  for (const endpoint of ENDPOINTS) {
    const file = found.get(endpoint);
    if (file === undefined) continue;
    const bytes = await readUtf8(run, file, run.limits.jsonBytes);
    if (!bytes) continue;
    // The envelope's own key (`asset_passwords`) names the list, not a secret: the secrets inside it still go.
    const doc = parseJsonFile(file, bytes.toString("utf8"), (key) => key !== endpoint && (SECRET_KEYS.has(key) || isSecretColumn(key)), endpoint === "assets" ? (object) => withholdField(object, secretLabels) : undefined);
    if (!("value" in doc)) {
      run.data.problems.push(doc);
      continue;
    }
    endpoints.files[endpoint] = { file, doc };
    endpoints.items[endpoint] = itemsOf(endpoint, file, doc, run.data.problems);
    if (endpoint === "asset_layouts") for (const label of secretLayoutLabels(endpoints.items.asset_layouts ?? [])) secretLabels.add(label);
  }
  return endpoints;
}

/** The items of an endpoint's file, whichever way its pages were merged. */
function itemsOf(endpoint: Endpoint, file: string, doc: JsonDocument, problems: Problem[]): Item[] {
  const value = doc.value;
  const pages: { list: unknown[]; path: JsonPath }[] = [];
  if (isObject(value) && Array.isArray(value[endpoint])) pages.push({ list: value[endpoint] as unknown[], path: [endpoint] });
  else if (Array.isArray(value) && value.every((page) => isObject(page) && Array.isArray(page[endpoint])))
    value.forEach((page, index) => pages.push({ list: (page as Record<string, unknown[]>)[endpoint] as unknown[], path: [index, endpoint] }));
  else if (Array.isArray(value)) pages.push({ list: value, path: [] });
  else {
    problems.push(exportProblem(file, START, `this is not Hudu's ${endpoint} as its API returns it: expected {"${endpoint}": [...]}, a list of such pages, or a list of ${endpoint}; it was not read`));
    return [];
  }
  const items: Item[] = [];
  const seen = new Set<string>();
  for (const { list, path } of pages) {
    list.forEach((item, index) => {
      const at = [...path, index];
      if (!isObject(item)) {
        problems.push(exportProblem(file, doc.at(at), `this entry of ${endpoint} is not an object; it was not read`));
      } else if (item.id === undefined || item.id === null) {
        problems.push(exportProblem(file, doc.at(at), `this entry of ${endpoint} has no id; it was not read`));
      } else if (seen.has(String(item.id))) {
        problems.push(exportProblem(file, doc.at(at), `${endpoint} id ${String(item.id)} appears twice (overlapping pages?); only the first was read`, "warning"));
      } else {
        seen.add(String(item.id));
        items.push({ value: item, path: at });
      }
    });
  }
  return items;
}

/** Labels of layout fields whose type holds a secret, as columnWords; a label that names a secret counts too. */
function secretLayoutLabels(layouts: readonly Item[]): string[] {
  return layouts.flatMap((layout) =>
    (Array.isArray(layout.value.fields) ? layout.value.fields : []).flatMap((field: unknown) =>
      isObject(field) && typeof field.label === "string" && typeof field.field_type === "string" && SECRET_FIELD_TYPES.has(field.field_type.toLowerCase()) ? [columnWords(field.label)] : [],
    ),
  );
}

/** Called by the parse for every object of assets.json: a `{label, value}` field with a secret label keeps only whether it was set. */
function withholdField(object: Record<string, unknown>, secretLabels: ReadonlySet<string>): void {
  if (typeof object.label !== "string" || !("value" in object)) return;
  if (secretLabels.has(columnWords(object.label)) || isSecretColumn(object.label)) {
    object.value = isPresentValue(object.value);
    object[WITHHELD] = true;
  }
}

function isPresentValue(value: unknown): boolean {
  return value !== null && value !== undefined && value !== false && !(typeof value === "string" && value.trim() === "");
}

/** Without companies.json, the companies are those the items name by id (and, where Hudu gives it, name). */
function companiesNamedByItems(endpoints: Endpoints): Organization[] {
  const companies = new Map<string, string>();
  for (const endpoint of ENDPOINTS) {
    for (const { value } of endpoints.items[endpoint] ?? []) {
      if (value.company_id === null || value.company_id === undefined) continue;
      const id = String(value.company_id);
      if (!companies.has(id)) companies.set(id, text(value, "company_name") ?? `company ${id}`);
    }
  }
  return [...companies].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([id, name]) => ({ id, name }));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A string or number value, trimmed; absent when empty or of another type. */
function text(object: Record<string, unknown>, key: string): string | undefined {
  const value = object[key];
  const result = typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : undefined;
  return result === "" ? undefined : result?.includes("\r") ? result.replace(/\r\n?/g, "\n") : result;
}

/** Hudu's asset field labels, by their words, and the asset field each fills. Labels are free text per layout, so several common ones name each. */
const FIELD_LABELS: Readonly<Record<string, keyof AssetFields | "purchased" | "installed" | "expires">> = Object.fromEntries(
  (
    [
      ["serial", ["serial number", "serial", "service tag"]],
      ["make", ["manufacturer", "make"]],
      ["model", ["model"]],
      ["operatingSystem", ["operating system", "os"]],
      ["ip", ["ip address", "ip", "primary ip"]],
      ["mac", ["mac address", "mac"]],
      ["location", ["location"]],
      ["assignedTo", ["assigned to", "user", "assigned user"]],
      ["vendor", ["vendor", "supplier", "registrar", "issuer", "provider"]],
      ["version", ["version"]],
      ["seats", ["seats", "licenses", "licences", "license count", "quantity"]],
      ["description", ["description"]],
      ["notes", ["notes"]],
      ["purchased", ["purchase date", "purchased", "purchased on"]],
      ["installed", ["install date", "installed", "installed on"]],
      ["expires", ["warranty expiration", "warranty expires", "warranty", "expiration date", "expiration", "expires", "expiry", "renewal date"]],
    ] as const
  ).flatMap(([field, labels]) => labels.map((label) => [label, field])),
);

/** The items of each endpoint, read into the export. */
function itemReader(run: ExportRun, endpoints: Endpoints) {
  const data = run.data;
  const fileOf = (endpoint: Endpoint) => endpoints.files[endpoint] as { file: string; doc: JsonDocument };
  const dropped = new Map<string, DroppedColumn>();
  /** Secrets the parse replaced by `true`/`false`: counted for the items imported, under the file and key (or layout field) they were in. */
  const drop = (file: string, column: string, present: boolean) => {
    const key = `${file}\0${column}`;
    let entry = dropped.get(key);
    if (!entry) {
      entry = { file, column, values: 0 };
      dropped.set(key, entry);
      data.dropped.push(entry);
    }
    if (present) entry.values += 1;
  };
  /** Every secret key the parse replaced in an imported item, nested ones under their dotted path. */
  const dropKeys = (file: string, value: Record<string, unknown>, prefix = "") => {
    for (const [key, child] of Object.entries(value)) {
      if (SECRET_KEYS.has(key) || isSecretColumn(key)) drop(file, `${prefix}${key}`, child === true);
      else if (isObject(child)) dropKeys(file, child, `${prefix}${key}.`);
    }
  };
  const warnedLayouts = new Set<string>();
  return {
    company(item: Item) {
      const { file } = fileOf("companies");
      const v = item.value;
      dropKeys(file, v);
      const name = text(v, "name") as string;
      const id = String(v.id);
      // The company's notes are the MSP's own, as IT Glue's quick notes and ITFlow's are: internal, never a page of the pack.
      const notes = text(v, "notes");
      data.client = {
        origin: origin("hudu", "companies", id, file, 1),
        fields: defined({ name, industry: text(v, "company_type"), website: text(v, "website"), notes: notes === undefined ? undefined : htmlToMarkdown(notes) }),
      };
      const address = joinLines(text(v, "address_line_1"), text(v, "address_line_2"))?.replace(/\n/g, ", ");
      if (address || text(v, "city") || text(v, "phone_number")) {
        data.locations.push({
          origin: origin("hudu", "companies", id, file, 1),
          fields: defined({
            name: "Main address",
            address,
            city: text(v, "city"),
            state: text(v, "state"),
            postalCode: text(v, "zip"),
            country: text(v, "country_name"),
            phone: text(v, "phone_number"),
          }),
        });
      }
    },
    assets(items: readonly Item[], layouts: ReadonlyMap<string, Item>) {
      const { file, doc } = fileOf("assets") ?? {};
      if (file === undefined || !doc) return;
      const unread = new Map<string, { labels: Set<string>; point: () => [string, Point] }>();
      for (const item of items) {
        const v = item.value;
        dropKeys(file, v);
        const name = text(v, "name");
        if (!name) {
          data.problems.push(exportProblem(file, doc.at(item.path), "this asset has no name; it was not read", "warning"));
          continue;
        }
        const layout = layouts.get(String(v.asset_layout_id));
        const layoutName = (layout && text(layout.value, "name")) ?? text(v, "asset_type");
        const layoutFile = fileOf("asset_layouts");
        const skipped = unread.get(layoutName ?? "") ?? {
          labels: new Set<string>(),
          point: () => (layout && layoutFile ? [layoutFile.file, layoutFile.doc.at(layout.path)] : [file, doc.at(item.path)]),
        };
        unread.set(layoutName ?? "", skipped);
        const fields: AssetFields = {
          name,
          category: categoryOf(layoutName, file, doc.at(item.path)),
          sourceType: layoutName,
          serial: text(v, "primary_serial"),
          make: text(v, "primary_manufacturer"),
          model: text(v, "primary_model"),
        };
        const dates: Record<string, string | undefined> = {};
        (Array.isArray(v.fields) ? v.fields : []).forEach((field: unknown, index: number) => {
          if (!isObject(field) || typeof field.label !== "string") return;
          if (field[WITHHELD]) {
            drop(file, `${layoutName ?? "asset"}: ${field.label.trim()}`, field.value === true);
            return;
          }
          const target = FIELD_LABELS[columnWords(field.label)];
          const value = text(field, "value");
          if (target === undefined) skipped.labels.add(field.label.trim());
          if (target === undefined || value === undefined) return;
          if (target === "purchased" || target === "installed" || target === "expires") {
            const parsed = parseExportDate(value);
            if (parsed.ok) dates[target] = parsed.date;
            else data.problems.push(exportProblem(file, doc.at([...item.path, "fields", index, "value"]), `this ${field.label.trim()} is not a date in YYYY-MM-DD form; it was left out`, "warning"));
          } else if ((fields as unknown as Record<string, unknown>)[target] === undefined) {
            (fields as unknown as Record<string, unknown>)[target] = value;
          }
        });
        data.assets.push({
          origin: origin("hudu", "assets", String(v.id), file, 1),
          fields: defined({ ...fields, purchasedOn: dates.purchased, installedOn: dates.installed, expiresOn: dates.expires }),
        });
      }
      for (const [layoutName, { labels, point }] of unread) {
        if (labels.size === 0) continue;
        const [where, at] = point();
        const which = layoutName ? `the layout ${JSON.stringify(layoutName)}` : "assets without a layout";
        data.problems.push(exportProblem(where, at, `${which} has fields handover does not read into an asset: ${[...labels].sort().join(", ")}`, "warning"));
      }
    },
    passwords(items: readonly Item[]) {
      const { file } = fileOf("asset_passwords") ?? {};
      if (file === undefined) return;
      for (const item of items) {
        const v = item.value;
        dropKeys(file, v);
        const name = text(v, "name");
        if (!name) {
          data.problems.push(exportProblem(file, fileOf("asset_passwords").doc.at(item.path), "this password has no name; it was not read", "warning"));
          continue;
        }
        data.credentials.push({
          origin: origin("hudu", "asset_passwords", String(v.id), file, 1),
          fields: defined({
            name,
            description: text(v, "description"),
            username: text(v, "username"),
            url: text(v, "url") ?? text(v, "login_url"),
            category: text(v, "password_folder_name") ?? text(v, "password_type"),
            hadOtp: v.otp_secret === true,
            archived: typeof v.archived === "boolean" ? v.archived : undefined,
          }),
        });
      }
    },
    articles(items: readonly Item[], unowned: number) {
      const { file, doc } = fileOf("articles") ?? {};
      if (file === undefined || !doc) return;
      if (unowned > 0) data.problems.push(exportProblem(file, START, `${unowned} articles belong to no company (the global knowledge base); they were left out`, "warning"));
      for (const item of items) {
        const v = item.value;
        dropKeys(file, v);
        const name = text(v, "name");
        if (!name || typeof v.content !== "string") {
          data.problems.push(exportProblem(file, doc.at(item.path), "this article has no name or no HTML content; it was not read", "warning"));
          continue;
        }
        data.documents.push({ origin: origin("hudu", "articles", String(v.id), file, 1), fields: { title: name, html: v.content } });
      }
    },
    websites(items: readonly Item[]) {
      const { file } = fileOf("websites") ?? {};
      if (file === undefined) return;
      for (const item of items) {
        const v = item.value;
        dropKeys(file, v);
        const name = text(v, "name");
        if (!name) continue;
        data.assets.push({ origin: origin("hudu", "websites", String(v.id), file, 1), fields: defined({ name, category: "domain" as const, notes: text(v, "notes") }) });
      }
    },
  };

  function categoryOf(layoutName: string | undefined, file: string, point: Point): AssetCategory {
    const category = categoryOfType(layoutName);
    if (category) return category;
    const key = layoutName ?? "";
    if (!warnedLayouts.has(key)) {
      warnedLayouts.add(key);
      const which = layoutName ? `the layout ${JSON.stringify(layoutName)}` : "an asset with no layout";
      data.problems.push(
        exportProblem(
          file,
          point,
          `${which} names no kind of asset handover knows (hardware, licence, subscription, domain, certificate, cloud tenant); its assets were read as hardware: check them`,
          "warning",
        ),
      );
    }
    return "hardware";
  }
}
