import type { AssetCategory } from "../export-data.ts";
import { columnWords } from "../secret-columns.ts";

/**
 * Which kind of asset a platform's type name describes, from its words. Platforms name their
 * types freely ("Managed Workstation", "Microsoft 365 Tenant", "SSL Certificates"), so this only
 * answers when the words say it; each source decides what an unanswered type becomes:
 * - cloud-tenant: a Microsoft 365, Azure, Entra, Google Workspace or AWS account, or any "tenant";
 * - certificate: SSL/TLS certificates;
 * - domain: domains, DNS zones, websites;
 * - subscription: SaaS, cloud services, hosting, internet or phone lines, anything "subscription";
 * - licence: licences and software (perpetual, or of unknown term);
 * - hardware: devices, by the names platforms give them.
 * The first kind whose words a name holds wins, in this order.
 */
const RULES: readonly (readonly [AssetCategory, RegExp])[] = [
  ["cloud-tenant", /\b(?:tenant|tenants|microsoft 365|office 365|m365|o365|azure|entra|google workspace|g suite|gsuite|aws account)\b/],
  ["certificate", /\b(?:certificate|certificates|ssl|tls)\b/],
  ["domain", /\b(?:domain|domains|dns|dns zone|website|websites)\b/],
  ["subscription", /\b(?:subscription|subscriptions|saas|cloud service|cloud services|hosting|internet|isp|broadband|wan|circuit|sip|voip|phone line)\b/],
  ["licence", /\b(?:licence|licences|license|licenses|licensing|software|application|applications)\b/],
  [
    "hardware",
    /\b(?:hardware|device|devices|computer|computers|workstation|workstations|desktop|laptop|server|servers|firewall|router|switch|access point|wireless|printer|printers|phone|mobile|tablet|nas|san|ups|camera|virtual machine|vm|storage|network device|network devices)\b/,
  ],
];

/** Answers by type name, kept: an export holds thousands of assets and a handful of type names. */
const known = new Map<string, AssetCategory | undefined>();

export function categoryOfType(...names: readonly (string | undefined)[]): AssetCategory | undefined {
  const key = names.join("\0");
  if (known.has(key)) return known.get(key);
  const texts = names.flatMap((name) => (name === undefined ? [] : [columnWords(name)]));
  const category = RULES.find(([, words]) => texts.some((text) => words.test(text)))?.[0];
  if (known.size < 10_000) known.set(key, category);
  return category;
}

/** A configuration or device row is a cloud tenant when its type says so, and hardware otherwise. */
export function deviceCategory(type: string | undefined): "cloud-tenant" | "hardware" {
  return categoryOfType(type) === "cloud-tenant" ? "cloud-tenant" : "hardware";
}
