import type { ColumnSpec } from "./columns.ts";

/**
 * IT Glue's export files. Headers are matched by their words, so IT Glue's API attribute names
 * (`serial-number`), their snake_case (`serial_number`) and the spoken form (`Serial Number`) all
 * name one field. Every file may name its organization by name or by id.
 */
const ORGANIZATION = { organization: ["organization", "organization name"], organizationId: ["organization id"] } as const;
const STAMPS = ["created at", "updated at"];

function spec<F extends string>(file: string, fields: Record<F, readonly string[]>, required: readonly NoInfer<F>[], extra: Partial<ColumnSpec<NoInfer<F>>> = {}): ColumnSpec<F> {
  return { label: `IT Glue's ${file}`, fields, required, secrets: [], ...extra, unread: [...STAMPS, ...(extra.unread ?? [])] };
}

export const ITGLUE_FILES = {
  organizations: spec("organizations.csv", { id: ["id"], name: ["name"], quickNotes: ["quick_notes"], alert: ["alert"], description: ["description"] }, ["name"], {
    unread: ["organization type name", "organization status name", "short name", "primary", "parent id", "ancestor ids", "my glue account id"],
  }),
  passwords: spec(
    "passwords.csv",
    {
      id: ["id"],
      ...ORGANIZATION,
      name: ["name"],
      category: ["password_category", "password category name"],
      username: ["username"],
      archived: ["archived"],
      url: ["url"],
      notes: ["notes"],
    },
    ["name"],
    {
      secrets: ["password", "one_time_password", "otp_secret"],
      otp: ["one_time_password", "otp_secret"],
      unread: ["resource type", "resource id", "password category id", "password folder id", "restricted", "password updated at"],
    },
  ),
  documents: spec("documents.csv", { id: ["id"], name: ["name"], locator: ["locator"], ...ORGANIZATION }, ["name"], { unread: ["public", "archived", "document folder id"] }),
  configurations: spec(
    "configurations.csv",
    {
      id: ["id"],
      ...ORGANIZATION,
      name: ["name"],
      hostname: ["hostname"],
      ip: ["primary-ip", "ip", "ip address"],
      mac: ["mac-address", "mac"],
      serial: ["serial-number", "serial"],
      make: ["manufacturer-name", "manufacturer"],
      model: ["model-name", "model"],
      operatingSystem: ["operating-system-name", "operating system", "os"],
      warranty: ["warranty-expires-at", "warranty expiration"],
      installed: ["installed-at", "installed on"],
      purchased: ["purchased-at", "purchased on", "purchase date"],
      location: ["location-name", "location"],
      type: ["configuration-type-name", "configuration type", "type"],
      assignedTo: ["contact-name", "contact"],
      notes: ["notes"],
    },
    [],
    {
      unread: [
        "configuration status name",
        "configuration type id",
        "configuration status id",
        "location id",
        "contact id",
        "manufacturer id",
        "model id",
        "operating system id",
        "operating system notes",
        "asset tag",
        "archived",
        "default ip",
        "position",
        "organization short name",
        "psa integration",
        "rmm notes",
        "rmm deleted at",
      ],
    },
  ),
  contacts: spec(
    "contacts.csv",
    {
      id: ["id"],
      ...ORGANIZATION,
      firstName: ["first-name"],
      lastName: ["last-name"],
      title: ["title"],
      emails: ["contact-emails", "email", "emails"],
      phones: ["contact-phones", "phone", "phones"],
      location: ["location-name", "location"],
      notes: ["notes"],
    },
    [],
    { unread: ["contact type name", "contact type id", "location id", "important", "primary"] },
  ),
  locations: spec(
    "locations.csv",
    {
      id: ["id"],
      ...ORGANIZATION,
      name: ["name"],
      address1: ["address-1", "address 1", "address"],
      address2: ["address-2", "address 2"],
      city: ["city"],
      region: ["region-name", "region", "state"],
      postalCode: ["postal-code", "zip"],
      country: ["country-name", "country"],
      phone: ["phone"],
      notes: ["notes"],
    },
    ["name"],
    { unread: ["fax", "primary", "region id", "country id"] },
  ),
  domains: spec(
    "domains.csv",
    { id: ["id"], ...ORGANIZATION, name: ["name", "domain"], registrar: ["registrar-name", "registrar"], expires: ["expires-on", "expires at", "expiration date"], notes: ["notes"] },
    ["name"],
  ),
};

export type ItglueFile = keyof typeof ITGLUE_FILES;

/** `contact-emails` / `contact-phones`: IT Glue's list of `{value, label-name, primary}` as JSON, or values as text, one a line or comma-separated, each maybe with its label in brackets. */
export function contactValues(cell: string | undefined): { value: string; label?: string; primary?: boolean }[] {
  if (cell === undefined) return [];
  if (cell.startsWith("[")) {
    try {
      const list: unknown = JSON.parse(cell);
      if (Array.isArray(list)) {
        return list.flatMap((item) => {
          if (typeof item !== "object" || item === null || typeof (item as { value?: unknown }).value !== "string") return [];
          const { value, primary } = item as { value: string; primary?: unknown };
          const label = (item as Record<string, unknown>)["label-name"] ?? (item as Record<string, unknown>)["label_name"];
          return [{ value: value.trim(), ...(typeof label === "string" ? { label } : {}), ...(primary === true ? { primary: true } : {}) }];
        });
      }
    } catch {
      // Not JSON after all: read it as text below.
    }
  }
  return cell
    .split(/[\n,;]/)
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .map((part) => {
      const labelled = /^(.*?)\s*\(([^()]*)\)$/.exec(part);
      return labelled ? { value: labelled[1] as string, label: labelled[2] as string } : { value: part };
    });
}
