import { createHash, type Hash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { changedOn, type Provenance } from "../git/provenance.ts";
import { listClientFolder } from "../load/load-client.ts";
import { readSourceFile } from "../load/source.ts";
import type { Entry, LoadedClient } from "../model/types.ts";
import type { Playbook } from "../model/playbook.generated.ts";
import type { Branding } from "../pack/load-branding.ts";
import type { BuildInfo } from "../pack/pack-data.ts";

/**
 * A pack is a function of its inputs alone: the client's records, the playbook, the branding, the
 * toolkit (its version, dependencies and its own code), the build's date, commit and draft tag,
 * and when git says each record last changed. Their SHA-256, in the manifest, tells a later build
 * whether the pack it would make is the one already there.
 */
const TOOLKIT_ROOT = fileURLToPath(new URL("../../", import.meta.url));
/**
 * The toolkit's own files that decide what a pack looks like: its code and pages, its schemas (which
 * properties are internal is read from them as the pack is made), its dependencies. Not
 * `site/.astro/` or `site/node_modules/`, which Astro rewrites as it builds.
 */
const TOOLKIT_FOLDERS = ["schemas", "scripts", "site/src"];
const TOOLKIT_FILES = ["package.json", "package-lock.json"];

/** Files below `prefix`, sorted; hidden files (an editor's) and installed packages are none of the toolkit's code. */
function filesUnder(dir: string, prefix: string): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith(".") && entry.name !== "node_modules")
    .flatMap((entry) => {
      const path = `${prefix}/${entry.name}`;
      return entry.isDirectory() ? filesUnder(dir, path) : entry.isFile() ? [path] : [];
    })
    .sort();
}

let version: string | undefined;

/**
 * The toolkit's version: the SHA-256 of its package files and every file of its code and pages,
 * read once a process. `toolkit` is the toolkit's folder; another (in tests) is read every time.
 */
export function toolkitVersion(toolkit = TOOLKIT_ROOT): string {
  if (toolkit === TOOLKIT_ROOT && version) return version;
  const hash = createHash("sha256");
  const files = [...TOOLKIT_FILES.filter((file) => existsSync(join(toolkit, file))), ...TOOLKIT_FOLDERS.filter((folder) => existsSync(join(toolkit, folder))).flatMap((folder) => filesUnder(toolkit, folder))];
  for (const file of files) field(hash, file, readFileSync(join(toolkit, file)));
  const digest = hash.digest("hex");
  if (toolkit === TOOLKIT_ROOT) version = digest;
  return digest;
}

/** A length-prefixed field, so no two different sequences of fields hash alike. */
function field(hash: Hash, name: string, value: string | Uint8Array): void {
  const bytes = typeof value === "string" ? Buffer.from(value, "utf8") : value;
  hash.update(`${name.length}:${name}:${bytes.byteLength}:`);
  hash.update(bytes);
}

/** What every pack of one build shares. */
export interface SharedInputs {
  playbook: Playbook;
  branding: Branding;
  build: BuildInfo;
}

/** The SHA-256 of the inputs every pack of a build shares: computed once a build. */
export function sharedInputsHash({ playbook, branding, build }: SharedInputs): string {
  const hash = createHash("sha256");
  field(hash, "toolkit", toolkitVersion());
  field(hash, "playbook", JSON.stringify(playbook));
  field(hash, "branding", JSON.stringify(branding));
  field(hash, "build", JSON.stringify({ commit: build.commit, date: build.date, dirty: build.dirty, draft: build.draft ?? null }));
  return hash.digest("hex");
}

/** A client's records as the pack is made from them: the folder's entries, and each record's text. */
export interface ClientInputs {
  entries: readonly Entry[];
  records: readonly { path: string; text: string }[];
}

/** The SHA-256 of everything one pack is made from, given what the build's packs share (`shared`). */
export function packInputsHash(shared: string, client: ClientInputs, history: Provenance | undefined, date: string): string {
  const hash = createHash("sha256");
  field(hash, "shared", shared);
  for (const entry of client.entries) field(hash, `entry:${entry.type}`, entry.path);
  for (const record of client.records) {
    field(hash, "record", record.path);
    // When the record last changed is on its pages.
    field(hash, "changed", changedOn(history, record.path, date) ?? "");
    field(hash, "text", record.text);
  }
  return hash.digest("hex");
}

/** The inputs of a loaded client, as packInputsHash takes them. */
export function loadedInputs(loaded: LoadedClient): ClientInputs {
  return { entries: loaded.entries, records: loaded.records.map((record) => ({ path: record.source.path, text: record.source.text })) };
}

/**
 * The inputs of a client read from its folder as loadClient reads it, without parsing anything;
 * undefined when a record cannot be read (the build then makes the pack, and reports why not).
 */
export function readClientInputs(root: string, slug: string): ClientInputs | undefined {
  const folder = listClientFolder(root, slug);
  const records: { path: string; text: string }[] = [];
  try {
    for (const { path } of folder.records) {
      const read = readSourceFile(join(root, path), path);
      if (!read.ok) return undefined;
      records.push({ path, text: read.source.text });
    }
  } catch {
    // Gone, or swapped for a symlink, since the folder was listed.
    return undefined;
  }
  return { entries: folder.entries, records };
}
