import type { BlockContent } from "mdast";
import { TO_DECIDE } from "../../model/to-decide.ts";
import type { Access } from "../../model/types.ts";
import type { CredentialFields, Imported, SourceSystem } from "../export-data.ts";
import { screenFields } from "../firewall.ts";
import { provenanceOf, type PlannedRecord } from "../planned-record.ts";
import { facts, joined, markdown, oneLine, paragraphs, SYSTEM_NAMES } from "./text.ts";

/**
 * The register's kind of account from the words of the credential's folder, name and address;
 * `other` when none says. The first kind whose words appear wins, so a "Domain admin (M365)"
 * reads as a domain admin.
 */
const KINDS: [Access["type"], RegExp][] = [
  ["domain-admin", /\b(?:active directory|domain admin\w*|ad admin|domain controller|ad ds)\b/],
  ["cloud-admin", /\b(?:microsoft 365|m365|office 365|o365|azure|entra|google workspace|g suite|aws|global admin\w*|tenant)\b/],
  ["firewall", /\b(?:firewall|fortigate|fortinet|sonicwall|pfsense|opnsense|meraki|watchguard|sophos xg|palo alto)\b/],
  ["registrar", /\b(?:registrar|godaddy|namecheap|gandi|network solutions|tucows)\b/],
  ["dns", /\b(?:dns|cloudflare|route 53|route53)\b/],
  ["wifi", /\b(?:wi-?fi|wireless|ssid|wlan)\b/],
  ["vendor-portal", /\b(?:portal|vendor|supplier|distributor)\b/],
  ["line-of-business", /\b(?:line of business|lob|erp|crm|practice management|accounting|quickbooks|sage|dentrix|clio)\b/],
];

function kindOf(words: string): Access["type"] {
  const text = words.toLowerCase();
  return KINDS.find(([, pattern]) => pattern.test(text))?.[0] ?? "other";
}

/**
 * An access record from a credential: which system and account, never its password (the sources
 * drop it, and the firewall every value that holds one). Whether it signs in with MFA is recorded
 * when the platform held a one-time-password secret; to whom, how and when it is handed over is
 * for a person to decide.
 */
export function mapCredential(item: Imported<CredentialFields>, system: SourceSystem): PlannedRecord {
  const { fields, withheld } = screenFields(item.fields);
  const name = oneLine(fields.name);
  const blocks: BlockContent[] = [
    ...paragraphs(fields.description),
    ...facts([
      ["Sign-in page", fields.url],
      [`Folder in ${SYSTEM_NAMES[system]}`, fields.category],
    ]),
  ];
  return {
    kind: "access",
    provenance: provenanceOf(item.origin),
    name: joined([name, oneLine(fields.username)]),
    fallbackId: "account",
    fields: [
      ["system", name ?? TO_DECIDE],
      ["account", oneLine(fields.username) ?? TO_DECIDE],
      ["type", kindOf([fields.category, fields.name, fields.url].filter(Boolean).join(" "))],
      ["mfa", item.fields.hadOtp ? true : undefined],
      ["handedTo", TO_DECIDE],
      ["method", TO_DECIDE],
      ["handedOn", TO_DECIDE],
      ["internalNotes", fields.notes?.trim() || undefined],
    ],
    body: [{ key: "body", text: markdown(blocks) }],
    withheld,
  };
}
