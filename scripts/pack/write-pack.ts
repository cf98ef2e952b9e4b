import { createHash } from "node:crypto";
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { threadId } from "node:worker_threads";
import { zipSync, type Zippable } from "fflate";
import { UsageError } from "../lib/usage-error.ts";
import { writeAtomic } from "../lib/write-atomic.ts";
import { timeStage, type StageTimes } from "../site/build-profile.ts";
import type { ClientPack } from "./pack-data.ts";

export const MANIFEST_FILE = "manifest.json";

export interface ManifestEntry {
  path: string;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  client: string;
  name: string;
  status: string;
  complete: boolean;
  sourceCommit: string | null;
  /** The records had uncommitted changes when the pack was built. */
  uncommittedChanges: boolean;
  /** The draft release's tag, for an interim pack; null for any other. */
  draft: string | null;
  buildDate: string;
  files: ManifestEntry[];
}

/** A folder written by writePack for this client: its manifest parses and names the client. */
function isPackOf(folder: string, slug: string): boolean {
  try {
    const manifest = JSON.parse(readFileSync(join(folder, MANIFEST_FILE), "utf8")) as Partial<Manifest>;
    return manifest.client === slug && Array.isArray(manifest.files);
  } catch {
    return false;
  }
}

function filesOf(dir: string, prefix = ""): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((entry) => {
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      return entry.isDirectory() ? filesOf(dir, path) : [path];
    })
    .sort();
}

/** What the manifest says of the pack besides its files. */
export type ManifestHead = Omit<Manifest, "files">;

export function manifestHead(pack: ClientPack): ManifestHead {
  return {
    client: pack.slug,
    name: pack.client.data.name,
    status: pack.client.data.status,
    complete: pack.complete,
    sourceCommit: pack.build.commit,
    uncommittedChanges: pack.build.dirty,
    draft: pack.build.draft ?? null,
    buildDate: pack.build.date,
  };
}

/** Refuses an `<out>/<slug>` that exists and is not this client's pack: writePack never replaces one. */
export function assertPackTarget(out: string, slug: string): void {
  const target = join(out, slug);
  if (existsSync(target) && !isPackOf(target, slug)) {
    throw new UsageError(`${target} exists and is not this client's handover pack; nothing was written there. Choose another --out.`);
  }
}

/**
 * Puts one built pack at `<out>/<slug>/` with its manifest, and `<out>/<slug>.zip`. Both are
 * byte-identical for the same records and commit: sorted entries, fixed timestamps. A folder
 * there that is not a pack (it has no manifest) is never replaced. The built folder is moved,
 * not copied, when it is on the same file system.
 */
export function writePack(head: ManifestHead, built: string, out: string, times: StageTimes = {}): Manifest {
  const slug = head.client;
  const target = join(out, slug);
  assertPackTarget(out, slug);
  const staging = join(out, `.${slug}.new-${process.pid}-${threadId}`);
  rmSync(staging, { recursive: true, force: true });
  let packed: { manifest: Manifest; zip: Uint8Array };
  try {
    timeStage(times, "write", () => moveFolder(built, staging));
    packed = pack(head, staging, times);
  } catch (error) {
    // The staging folder holds the client's pages: never leave it behind.
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  timeStage(times, "write", () => {
    replaceFolder(staging, target, join(out, `.${slug}.old-${process.pid}-${threadId}`));
    writeAtomic(join(out, `${slug}.zip`), packed.zip);
  });
  return packed.manifest;
}

/** Adds the manifest to a built pack's folder and zips it; each file is read once, for its hash and for the zip. */
function pack(head: ManifestHead, folder: string, times: StageTimes): { manifest: Manifest; zip: Uint8Array } {
  const contents = timeStage(times, "hash", () => new Map(filesOf(folder).map((path) => [path, readFileSync(join(folder, path))])));
  const files = timeStage(times, "hash", () => [...contents].map(([path, content]) => ({ path, bytes: content.byteLength, sha256: createHash("sha256").update(content).digest("hex") })));
  const manifest: Manifest = { ...head, files };
  contents.set(MANIFEST_FILE, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
  timeStage(times, "write", () => writeFileSync(join(folder, MANIFEST_FILE), contents.get(MANIFEST_FILE) as Buffer));

  // Zip times are local wall-clock fields: build them from the date's parts so every time zone writes the same bytes.
  const [year, month, day] = head.buildDate.split("-").map(Number) as [number, number, number];
  const mtime = new Date(year, month - 1, day);
  const entries: Zippable = {};
  for (const path of [...contents.keys()].sort()) entries[`${head.client}/${path}`] = [contents.get(path) as Buffer, { mtime }];
  // Stored, not compressed: a pack's zip is a few hundred kilobytes at most either way, and deflating
  // cost more CPU than rendering the pages. Stored entries are the same bytes from any zip library.
  return { manifest, zip: timeStage(times, "zip", () => zipSync(entries, { level: 0 })) };
}

/** Puts `staging` at `target`; the previous pack there comes back if that fails. */
function replaceFolder(staging: string, target: string, old: string): void {
  const hadPrevious = existsSync(target);
  if (hadPrevious) renameSync(target, old);
  try {
    renameSync(staging, target);
  } catch (error) {
    if (hadPrevious) renameSync(old, target);
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  rmSync(old, { recursive: true, force: true });
}

function moveFolder(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    cpSync(from, to, { recursive: true });
  }
}
