import type { Body } from "../load/body.ts";
import type { Frontmatter } from "../load/frontmatter.ts";
import type { Section } from "../load/sections.ts";
import type { SourceText } from "../load/source.ts";
import type { Problem } from "../lib/problems.ts";
import type { RecordKind } from "./kinds.ts";
import type { Acceptance, Access, Asset, Backup, ClientCase, Contract, Doc, Issue } from "./records.generated.ts";

export type { Acceptance, Access, Asset, Backup, ClientCase, Contract, Doc, Issue };

/** Something found in a client folder, whether or not it belongs there. */
export interface Entry {
  /** Path relative to the data root, with `/` separators. */
  path: string;
  type: "file" | "directory" | "symlink" | "other";
}

/** A record as read from disk: text, frontmatter and body, not yet checked against its schema. */
export interface LoadedRecord {
  kind: RecordKind;
  /** The file name without `.md`; other records refer to it by this. */
  id: string;
  source: SourceText;
  /** Undefined when the frontmatter could not be read safely; the load problems say why. */
  frontmatter: Frontmatter | undefined;
  bodyOffset: number;
  /** Parsed on first use: only some rules and the site need the Markdown tree. */
  readonly body: Body;
  /** The body's top-level sections, read without parsing the Markdown wherever that is safe. */
  readonly sections: Section[];
  /**
   * The body broke a Markdown limit (load/markdown-limits.ts) and was not read: its tree and
   * sections are empty stand-ins, so rules about what it says skip it.
   */
  readonly bodyRefused: boolean;
}

export interface LoadedClient {
  slug: string;
  /** Path of the client folder relative to the data root. */
  dir: string;
  entries: Entry[];
  records: LoadedRecord[];
  /** Problems found while reading: unreadable files, unsafe frontmatter, symlinks. */
  problems: Problem[];
}

interface DataByKind {
  client: ClientCase;
  contract: Contract;
  asset: Asset;
  issue: Issue;
  backup: Backup;
  access: Access;
  doc: Doc;
  acceptance: Acceptance;
}

/** A record whose frontmatter matched its schema, so its data has the schema's type. */
export interface ValidRecord<K extends RecordKind = RecordKind> extends LoadedRecord {
  kind: K;
  data: DataByKind[K];
}

/** A client's records that passed their schema, grouped by kind: what the checks, checklist and site read. */
export interface ClientModel {
  slug: string;
  dir: string;
  case: ValidRecord<"client"> | undefined;
  contracts: ValidRecord<"contract">[];
  assets: ValidRecord<"asset">[];
  issues: ValidRecord<"issue">[];
  backups: ValidRecord<"backup">[];
  access: ValidRecord<"access">[];
  docs: ValidRecord<"doc">[];
  acceptance: ValidRecord<"acceptance"> | undefined;
}
