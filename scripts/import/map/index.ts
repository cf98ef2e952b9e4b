import type { Problem } from "../../lib/problems.ts";
import type { AssetFields, CredentialFields, DocumentFields, ExportData, Imported, TicketFields } from "../export-data.ts";
import { screenAll, screenBodies } from "../firewall.ts";
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
  const once = <Fields>(item: Imported<Fields>): boolean => {
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
  const assets = data.assets.filter(once);
  screenAll(assets.map((item) => item.fields)).forEach((screened, index) => planned.push(mapAsset(assets[index] as Imported<AssetFields>, screened, data.system)));
  const credentials = data.credentials.filter(once).filter((credential) => {
    if (credential.fields.archived) skipped.push({ provenance: provenanceOf(credential.origin), reason: "archived in the source" });
    return !credential.fields.archived;
  });
  screenAll(credentials.map((item) => item.fields)).forEach((screened, index) => planned.push(mapCredential(credentials[index] as Imported<CredentialFields>, screened, data.system)));
  const tickets = data.tickets.filter(once).filter((ticket) => {
    if (!ticket.fields.open) skipped.push({ provenance: provenanceOf(ticket.origin), reason: "closed in the source" });
    return ticket.fields.open;
  });
  screenAll(tickets.map((item) => item.fields)).forEach((screened, index) => planned.push(mapTicket(tickets[index] as Imported<TicketFields>, screened, data.system)));
  const documents = data.documents.filter(once);
  screenAll(documents.map((item) => item.fields)).forEach((screened, index) => planned.push(mapDocument(documents[index] as Imported<DocumentFields>, screened, data.system)));
  const networks = mapNetworks(data.networks, data.system);
  if (networks) planned.push(networks);

  return { system: data.system, records: screenBodies(planned), skipped, problems };
}
