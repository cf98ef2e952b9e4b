import type { Problem } from "../lib/problems.ts";
import type { RecordKind } from "../model/kinds.ts";
import type { Origin, SourceSystem } from "./export-data.ts";
import { writableId } from "./firewall.ts";

/** Where an imported record came from, as its `imported` property says: enough to find the item again. */
export interface Provenance {
  system: SourceSystem;
  entity: string;
  id: string;
}

/** The provenance an item's record says, its id as the firewall lets it be written. */
export function provenanceOf(origin: Origin): Provenance {
  return { system: origin.system, entity: origin.entity, id: writableId(origin.id) };
}

/** The key records are matched by from one import to the next. */
export function provenanceKey({ system, entity, id }: Provenance): string {
  return `${system}\u0000${entity}\u0000${id}`;
}

/** A part of the body the import owns: the whole body, the text before the first section, or one `## ` section. */
export interface BodyPart {
  /** `body` for the whole body, `body:<name>` for a part of it: its key in `imported.written`. */
  key: string;
  /** A section's heading (level 2) as written; none for the whole body or the text before the first section. */
  heading?: string;
  /** The Markdown of the part, ending in a newline; empty when the import has nothing to say there. */
  text: string;
}

/** One record as the export gives it, before it meets what is on disk. Every value in it has passed the firewall. */
export interface PlannedRecord {
  kind: RecordKind;
  provenance: Provenance;
  /** What a new record's file name is made from. */
  name: string | undefined;
  /** A new record's file name when the name gives none: the kind of item, such as `asset`. */
  fallbackId: string;
  /** The frontmatter fields the import owns, in the order a new record lists them; undefined leaves a field out. */
  fields: [string, unknown][];
  body: BodyPart[];
  /** The source's fields whose value held a secret and was not copied. */
  withheld: string[];
}

/** What the export holds but the import leaves out, and why (a closed ticket, an archived credential). */
export interface Skipped {
  provenance: Provenance;
  reason: string;
}

export interface Mapping {
  system: SourceSystem;
  records: PlannedRecord[];
  skipped: Skipped[];
  problems: Problem[];
}
