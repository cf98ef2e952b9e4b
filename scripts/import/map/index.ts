import type { Problem } from "../../lib/problems.ts";
import type { ExportData, Imported, SourceSystem } from "../export-data.ts";
import { screenAll, screenBodies, type Screened } from "../firewall.ts";
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
  /** Each item's record, its values screened together. */
  const mapAll = <Fields extends object>(items: readonly Imported<Fields>[], map: (item: Imported<Fields>, screened: Screened<Fields>, system: SourceSystem) => PlannedRecord) => {
    screenAll(items.map((item) => item.fields)).forEach((screened, index) => planned.push(map(items[index] as Imported<Fields>, screened, data.system)));
  };
  /** The items to import; the others are left out, and said why. */
  const kept = <Fields>(items: readonly Imported<Fields>[], keep: (fields: Fields) => boolean, reason: string) =>
    items.filter(once).filter((item) => keep(item.fields) || (skipped.push({ provenance: provenanceOf(item.origin), reason }), false));
  mapAll(data.assets.filter(once), mapAsset);
  mapAll(kept(data.credentials, (fields) => !fields.archived, "archived in the source"), mapCredential);
  mapAll(kept(data.tickets, (fields) => fields.open, "closed in the source"), mapTicket);
  mapAll(data.documents.filter(once), mapDocument);
  const networks = mapNetworks(data.networks, data.system);
  if (networks) planned.push(networks);

  return { system: data.system, records: screenBodies(planned), skipped, problems };
}
