import { TO_DECIDE } from "../../model/to-decide.ts";
import { heading } from "../../render/document-tree.ts";
import type { Imported, NetworkFields, SourceSystem } from "../export-data.ts";
import type { PlannedRecord } from "../planned-record.ts";
import { itemTable } from "./tables.ts";
import { joined, markdown } from "./text.ts";

/** The entity and id of the one page that gathers every network of the export. */
export const NETWORKS_PAGE = { entity: "networks", id: "networks" };

/** One documentation page with a table of the client's networks: VLANs, ranges, gateways and DNS. */
export function mapNetworks(networks: readonly Imported<NetworkFields>[], system: SourceSystem): PlannedRecord | undefined {
  const { table, withheld } = itemTable(networks, [
    ["Network", (f) => f.name],
    ["VLAN", (f) => f.vlan],
    ["Address", (f) => f.network],
    ["Gateway", (f) => f.gateway],
    ["Range", (f) => f.range],
    ["DNS", (f) => joined(f.dns ?? [], ", ")],
    ["Description", (f) => f.description],
  ]);
  if (!table) return undefined;
  return {
    kind: "doc",
    provenance: { system, ...NETWORKS_PAGE },
    name: "networks",
    fallbackId: "networks",
    fields: [
      ["title", "Networks"],
      ["lastVerified", TO_DECIDE],
    ],
    body: [{ key: "body", text: markdown([heading(1, "Networks"), table]) }],
    withheld,
  };
}
