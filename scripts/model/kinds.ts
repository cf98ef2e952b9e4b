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

/** Names Windows keeps for devices: a folder or file `con` (or `con.md`) cannot be checked out there. */
export const RESERVED_NAMES = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/** Longest slug or record id: every path under a client stays far below any system's limit. */
export const MAX_NAME_LENGTH = 64;

/**
 * Why `name` cannot be a slug or a record id, as the end of a sentence that starts with the name;
 * undefined when it can.
 */
export function notAName(name: string): string | undefined {
  if (!NAME_PATTERN.test(name)) return "must be lowercase letters, digits and single hyphens, starting and ending with a letter or digit";
  if (name.length > MAX_NAME_LENGTH) return `is ${name.length} characters long; it may be at most ${MAX_NAME_LENGTH}`;
  if (RESERVED_NAMES.test(name)) return "is a name Windows keeps for a device, which no checkout there can hold; add a word to it";
  return undefined;
}
