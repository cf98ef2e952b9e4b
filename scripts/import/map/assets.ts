import type { BlockContent } from "mdast";
import { heading } from "../../render/document-tree.ts";
import { TO_DECIDE } from "../../model/to-decide.ts";
import type { Asset } from "../../model/types.ts";
import type { AssetCategory, AssetFields, Imported, SourceSystem } from "../export-data.ts";
import type { Screened } from "../firewall.ts";
import { provenanceOf, type PlannedRecord } from "../planned-record.ts";
import { facts, joined, markdown, oneLine, paragraphs, SYSTEM_NAMES } from "./text.ts";

const TYPES: Record<AssetCategory, Asset["type"]> = {
  hardware: "hardware",
  licence: "software-licence",
  subscription: "subscription",
  domain: "domain",
  certificate: "certificate",
  "cloud-tenant": "cloud-tenant",
};

/** The types the asset schema asks a renewal date of. */
const RENEWING: readonly Asset["type"][] = ["subscription", "domain", "certificate"];

/**
 * An asset record from hardware, a licence, a subscription, a domain, a certificate or a cloud
 * tenant. Who owns it and what happens to it are for a person to decide, and so, for hardware,
 * which of our agents it runs, and for anything else, how it moves on and who then holds its admin
 * rights: they are written `to-decide`.
 */
export function mapAsset(item: Imported<AssetFields>, { fields, withheld }: Screened<AssetFields>, system: SourceSystem): PlannedRecord {
  const type = TYPES[item.fields.category];
  const service = type !== "hardware";
  const name = oneLine(fields.name);
  const version = fields.version === undefined ? undefined : `version ${fields.version}`;
  const seats = fields.seats === undefined ? undefined : `${fields.seats} ${fields.seats.trim() === "1" ? "seat" : "seats"}`;
  const model = joined([joined([fields.make, fields.model]), version, seats], ", ");
  const blocks: BlockContent[] = [
    heading(1, name ?? "Imported asset"),
    ...paragraphs(fields.description),
    ...facts([
      [`Type in ${SYSTEM_NAMES[system]}`, fields.sourceType],
      ["Operating system", fields.operatingSystem],
      ["IP address", fields.ip],
      ["MAC address", fields.mac],
      ["Assigned to", fields.assignedTo],
      ["Purchased", fields.purchasedOn],
      ["Installed", fields.installedOn],
      ...(service ? [] : ([["Warranty ends", fields.expiresOn]] as [string, string | undefined][])),
    ]),
  ];
  return {
    kind: "asset",
    provenance: provenanceOf(item.origin),
    name,
    fallbackId: "asset",
    fields: [
      ["name", name ?? TO_DECIDE],
      ["type", type],
      ["model", model],
      ["serial", oneLine(fields.serial)],
      ["location", oneLine(fields.location)],
      ["owner", TO_DECIDE],
      ["disposition", TO_DECIDE],
      // Which of our agents are on a machine the export does not say; left out, the step to remove them would never come up.
      ["agents", service ? undefined : TO_DECIDE],
      ["vendor", oneLine(fields.vendor) ?? (service ? TO_DECIDE : undefined)],
      ["renewsOn", service ? (fields.expiresOn ?? (RENEWING.includes(type) ? TO_DECIDE : undefined)) : undefined],
      ["transition", service ? TO_DECIDE : undefined],
      ["adminRightsHeldBy", service ? TO_DECIDE : undefined],
      ["internalNotes", fields.notes?.trim() || undefined],
    ],
    body: [{ key: "body", text: markdown(blocks) }],
    withheld,
  };
}
