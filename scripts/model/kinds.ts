/** Where each kind of record lives in a client folder, and which schema governs it. */
export const RECORD_KINDS = {
  client: { location: "client.md", schema: "client.schema.json", label: "client case" },
  contract: { location: "contracts", schema: "contract.schema.json", label: "contract" },
  asset: { location: "assets", schema: "asset.schema.json", label: "asset" },
  issue: { location: "issues", schema: "issue.schema.json", label: "outstanding issue" },
  backup: { location: "backups", schema: "backup.schema.json", label: "backup" },
  access: { location: "access", schema: "access.schema.json", label: "access handover" },
  doc: { location: "docs", schema: "doc.schema.json", label: "documentation page" },
  acceptance: { location: "acceptance.md", schema: "acceptance.schema.json", label: "acceptance receipt" },
} as const;

export type RecordKind = keyof typeof RECORD_KINDS;

export const KIND_NAMES = Object.keys(RECORD_KINDS) as RecordKind[];

/** Kinds kept as one file at the top of a client folder, the others as a folder of records. */
const SINGLE_FILE_KINDS: readonly RecordKind[] = ["client", "acceptance"];

/** The kind folders of a client: `contracts`, `assets`, … */
export const KIND_FOLDERS: ReadonlyMap<string, RecordKind> = new Map(
  KIND_NAMES.filter((kind) => !SINGLE_FILE_KINDS.includes(kind)).map((kind) => [RECORD_KINDS[kind].location, kind]),
);

/** The single-file kinds by file name: `client.md`, `acceptance.md`. */
export const KIND_FILES: ReadonlyMap<string, RecordKind> = new Map(SINGLE_FILE_KINDS.map((kind) => [RECORD_KINDS[kind].location, kind]));

export const CLIENT_FILE = RECORD_KINDS.client.location;

/** The generated checklist, kept beside the records so reviewers see it change in pull requests. */
export const CHECKLIST_FILE = "CHECKLIST.md";

/** Slugs and record ids: what is safe in a URL, a file name and a git ref on every system. */
export const NAME_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
