import { problemAt } from "../lib/problem-at.ts";
import type { Problem } from "../lib/problems.ts";
import { MAX_RECORD_BYTES } from "../load/source.ts";
import { CLIENT_FILE, RECORD_KINDS, type RecordKind } from "../model/kinds.ts";
import type { LoadedClient, LoadedRecord } from "../model/types.ts";
import { RULE } from "./sources/export-problem.ts";
import { importedOf, mergeRecord, newRecordText } from "./merge.ts";
import { provenanceKey, type Mapping, type PlannedRecord, type Provenance } from "./planned-record.ts";
import { newRecordId } from "./record-id.ts";

/** One record file the import would write, or leave as it is. */
export interface PlannedFile {
  /** Path inside the client folder: `client.md`, `assets/fw-01.md`. */
  path: string;
  status: "created" | "changed" | "unchanged";
  text: string;
  provenance: Provenance;
  /** Fields and body parts written from the source this time (all of them for a new record). */
  updated: string[];
  /** Fields and body parts a tech changed and the source changed too: theirs are kept. */
  kept: string[];
  /** The source's fields whose value held a secret and was not copied. */
  withheld: string[];
}

/** A record the import wrote before whose item the export no longer holds, or no longer imports. */
export interface RemovedInSource {
  path: string;
  provenance: Provenance;
  reason: string;
}

export interface ImportPlan {
  files: PlannedFile[];
  removed: RemovedInSource[];
  problems: Problem[];
}

type ReadableRecord = LoadedRecord & { frontmatter: NonNullable<LoadedRecord["frontmatter"]> };

/**
 * What importing the mapped export into a client would write, without writing: each record
 * matched to the one it made before by its provenance (whatever the file is called now), merged
 * with what techs changed since; new ones named from the item's name. Records whose item is gone
 * are reported, never deleted. `existing` is the client as loaded, or undefined for a new one;
 * every one of its records must have readable frontmatter (the caller refuses otherwise).
 */
export function planImport(mapping: Mapping, existing: LoadedClient | undefined, clientDir: string): ImportPlan {
  const records = (existing?.records ?? []).filter((record): record is ReadableRecord => record.frontmatter !== undefined);
  const byProvenance = new Map<string, ReadableRecord>();
  for (const record of records) {
    const imported = importedOf(record.frontmatter.data);
    // Two records with one provenance (a file copied by hand): the first by path is the import's.
    if (imported && record.kind !== "client" && !byProvenance.has(provenanceKey(imported))) byProvenance.set(provenanceKey(imported), record);
  }
  const taken = takenNames(existing);
  const problems: Problem[] = [];
  const files: PlannedFile[] = [];
  const planned = new Set<string>();
  for (const record of mapping.records) {
    planned.add(provenanceKey(record.provenance));
    const current = record.kind === "client" ? records.find((candidate) => candidate.kind === "client") : byProvenance.get(provenanceKey(record.provenance));
    const path = current ? inClient(current, existing as LoadedClient) : newPath(record, taken);
    const file = current ? merged(record, current, path) : created(record, path);
    if (Buffer.byteLength(file.text) <= MAX_RECORD_BYTES) {
      files.push(file);
      continue;
    }
    // Too big to be read back as a record: its body stays out, and the tech is told where it is.
    const kib = Math.ceil(Buffer.byteLength(file.text) / 1024);
    problems.push(
      problemAt(`${clientDir}/${path}`, { line: 1, column: 1 }, RULE, `this record would be ${kib} KiB, over the ${MAX_RECORD_BYTES / 1024} KiB a record may hold, so its body was not imported: split it into smaller pages in the source, or copy it in parts by hand`, "warning"),
    );
    const small = { ...record, body: record.body.map((part) => ({ ...part, text: "" })) };
    files.push(current ? merged(small, current, path) : created(small, path));
  }
  const skipped = new Map(mapping.skipped.map((item) => [provenanceKey(item.provenance), item.reason]));
  const removed = [...byProvenance.entries()]
    .filter(([key, record]) => !planned.has(key) && importedOf(record.frontmatter.data)?.system === mapping.system)
    .map(([key, record]) => {
      const { system, entity, id } = importedOf(record.frontmatter.data) as Provenance;
      return { path: inClient(record, existing as LoadedClient), provenance: { system, entity, id }, reason: skipped.get(key) ?? "no longer in the export" };
    });
  const byPath = <T extends { path: string }>(a: T, b: T) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return { files: files.sort(byPath), removed: removed.sort(byPath), problems };
}

function created(record: PlannedRecord, path: string): PlannedFile {
  const text = newRecordText(record);
  const updated = [...record.fields.filter(([, value]) => value !== undefined).map(([key]) => key), ...record.body.filter((part) => part.text.trim() !== "").map((part) => part.key)];
  return { path, status: "created", text, provenance: record.provenance, updated, kept: [], withheld: record.withheld };
}

function merged(record: PlannedRecord, current: ReadableRecord, path: string): PlannedFile {
  const { text, updated, kept } = mergeRecord(record, current);
  return { path, status: text === current.source.text ? "unchanged" : "changed", text, provenance: record.provenance, updated, kept, withheld: record.withheld };
}

function inClient(record: LoadedRecord, client: LoadedClient): string {
  return record.source.path.slice(client.dir.length + 1);
}

/** Every name in the kind folders, records or not: a new record never lands on anything there. */
function takenNames(existing: LoadedClient | undefined): Map<RecordKind, Set<string>> {
  const taken = new Map<RecordKind, Set<string>>();
  for (const entry of existing?.entries ?? []) {
    const [folder, name, ...deeper] = entry.path.slice(existing!.dir.length + 1).split("/");
    const kind = (Object.keys(RECORD_KINDS) as RecordKind[]).find((candidate) => RECORD_KINDS[candidate].location === folder);
    if (!kind || name === undefined || deeper.length > 0) continue;
    const names = taken.get(kind) ?? new Set<string>();
    names.add(name.replace(/\.md$/, ""));
    taken.set(kind, names);
  }
  return taken;
}

function newPath(record: PlannedRecord, taken: Map<RecordKind, Set<string>>): string {
  if (record.kind === "client") return CLIENT_FILE;
  const names = taken.get(record.kind) ?? new Set<string>();
  taken.set(record.kind, names);
  return `${RECORD_KINDS[record.kind].location}/${newRecordId(record.name, record.fallbackId, record.provenance.id, names)}.md`;
}
