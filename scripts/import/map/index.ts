import type { Problem } from "../../lib/problems.ts";
import type { ExportData, Imported } from "../export-data.ts";
import { screenBody } from "../firewall.ts";
import { provenanceOf, type Mapping, type PlannedRecord, type Skipped } from "../planned-record.ts";
import { mapCredential } from "./access.ts";
import { mapAsset } from "./assets.ts";
import { mapClient } from "./client.ts";
import { mapDocument } from "./docs.ts";
import { mapTicket } from "./issues.ts";
import { mapNetworks } from "./networks.ts";
import { exportProblem } from "../sources/export-problem.ts";

/**
 * Every record an export gives, in the kinds and order they are written: the client case, then
 * assets, access, open tickets as issues, documents, and the networks page. A ticket already
 * closed and an archived credential are left out, and said so. Every value has passed the
 * firewall; the bodies as written pass it once more.
 */
export function mapExport(data: ExportData, clientName: string): Mapping {
  const skipped: Skipped[] = [];
  const problems: Problem[] = [];
  const planned: PlannedRecord[] = [mapClient(data, clientName)];
  const seen = new Map<string, Imported<unknown>>();
  /** A second item with the same entity and id would overwrite the first record: the first wins, the second is reported. */
  const once = (item: Imported<unknown>): boolean => {
    const key = `${item.origin.entity}\u0000${item.origin.id}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, item);
      return true;
    }
    problems.push(
      exportProblem(item.origin.file, { line: item.origin.line, column: 1 }, `this ${item.origin.entity} item has the same id as the one on line ${first.origin.line} of ${first.origin.file}; only the first is imported`, "warning"),
    );
    return false;
  };
  for (const asset of data.assets) if (once(asset)) planned.push(mapAsset(asset, data.system));
  for (const credential of data.credentials) {
    if (!once(credential)) continue;
    if (credential.fields.archived) skipped.push({ provenance: provenanceOf(credential.origin), reason: "archived in the source" });
    else planned.push(mapCredential(credential, data.system));
  }
  for (const ticket of data.tickets) {
    if (!once(ticket)) continue;
    if (!ticket.fields.open) skipped.push({ provenance: provenanceOf(ticket.origin), reason: "closed in the source" });
    else planned.push(mapTicket(ticket, data.system));
  }
  for (const document of data.documents) if (once(document)) planned.push(mapDocument(document, data.system));
  const networks = mapNetworks(data.networks, data.system);
  if (networks) planned.push(networks);

  const records = planned.map((record) => {
    const screened = screenBody(record.body);
    return screened.withheld.length === 0 ? record : { ...record, body: screened.parts, withheld: [...record.withheld, ...screened.withheld] };
  });
  return { system: data.system, records, skipped, problems };
}
