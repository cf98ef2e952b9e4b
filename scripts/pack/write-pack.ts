import { createHash } from "node:crypto";
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { open, writeFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { unzipSync } from "fflate";
import { UsageError } from "../lib/usage-error.ts";
import { addTime, timeStage, type StageTimes } from "../site/build-profile.ts";
import type { ClientPack } from "./pack-data.ts";
import { storedZip } from "./stored-zip.ts";

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
  /** SHA-256 of everything the pack was made from (site/pack-inputs.ts): a build with the same inputs reuses it. */
  inputs: string;
  files: ManifestEntry[];
}

/** One file of a pack as the site rendered it, by its path in the pack's folder. */
export interface PackFile {
  path: string;
  content: Uint8Array;
}

/** A file as a manifest lists it: a plain path inside the pack (no `..`, no leading `/`), its size and hash. */
function isEntry(entry: unknown): entry is ManifestEntry {
  if (entry === null || typeof entry !== "object") return false;
  const { path, bytes, sha256 } = entry as Partial<ManifestEntry>;
  return (
    typeof path === "string" &&
    path !== "" &&
    !path.startsWith("/") &&
    path.split("/").every((part) => part !== "" && part !== "." && part !== ".." && !part.includes("\\")) &&
    typeof bytes === "number" &&
    typeof sha256 === "string"
  );
}

/** The manifest of a folder written by this tool: it parses, names a client and lists its files, each as the tool writes it. */
function readManifest(folder: string): Partial<Manifest> | undefined {
  try {
    const manifest = JSON.parse(readFileSync(join(folder, MANIFEST_FILE), "utf8")) as Partial<Manifest>;
    return typeof manifest.client === "string" && Array.isArray(manifest.files) && manifest.files.every(isEntry) ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/** The client of a folder written by this tool, or undefined. */
export function packClient(folder: string): string | undefined {
  return readManifest(folder)?.client;
}

/** The manifest of a folder written by this tool for this client. */
function manifestOf(folder: string, slug: string): Partial<Manifest> | undefined {
  const manifest = readManifest(folder);
  return manifest?.client === slug ? manifest : undefined;
}

/** What the manifest says of the pack besides its files. */
export type ManifestHead = Omit<Manifest, "files">;

export function manifestHead(pack: ClientPack, inputs: string): ManifestHead {
  return {
    client: pack.slug,
    name: pack.client.data.name,
    status: pack.client.data.status,
    complete: pack.complete,
    sourceCommit: pack.build.commit,
    uncommittedChanges: pack.build.dirty,
    draft: pack.build.draft ?? null,
    buildDate: pack.build.date,
    inputs,
  };
}

/** Refuses an `<out>/<slug>` that exists and is not this client's pack: a pack never replaces one. */
export function assertPackTarget(out: string, slug: string): void {
  const target = join(out, slug);
  if (existsSync(target) && !manifestOf(target, slug)) {
    throw new UsageError(`${target} exists and is not this client's handover pack; nothing was written there. Choose another --out.`);
  }
}

/** The packs this tool wrote in `out`, by slug: folders whose manifest names their client. */
export function packsIn(out: string): Map<string, Manifest> {
  const packs = new Map<string, Manifest>();
  if (!existsSync(out)) return packs;
  for (const entry of readdirSync(out, { withFileTypes: true })) {
    const manifest = entry.isDirectory() && !entry.name.startsWith(".") ? manifestOf(join(out, entry.name), entry.name) : undefined;
    if (manifest) packs.set(entry.name, manifest as Manifest);
  }
  return packs;
}

/** Every file below a pack folder, by its path in the pack; undefined when anything there is neither a file nor a folder (a symlink). */
function packFiles(folder: string): string[] | undefined {
  const entries = readdirSync(folder, { recursive: true, withFileTypes: true });
  if (entries.some((entry) => !entry.isFile() && !entry.isDirectory())) return undefined;
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join("/"));
}

/**
 * The manifest of `<out>/<slug>/` when that pack was made from `inputs` and may be reused as it is,
 * byte for byte what a build would write from them: the folder holds exactly the files its manifest lists,
 * each with its size and SHA-256, its manifest as the tool writes it, and `<slug>.zip` beside it
 * is exactly the zip of those files. A page edited by hand, a file added, or a zip left from
 * another build (a build killed between the two renames) makes it be built again.
 */
export function intactPack(out: string, slug: string, inputs: string): Manifest | undefined {
  const folder = join(out, slug);
  const manifest = manifestOf(folder, slug) as Manifest | undefined;
  if (!manifest || manifest.inputs !== inputs || typeof manifest.buildDate !== "string") return undefined;
  try {
    const zipPath = join(out, `${slug}.zip`);
    const present = packFiles(folder);
    const listed = new Map(manifest.files.map((file) => [file.path, file]));
    if (!present || !lstatSync(zipPath).isFile() || present.length !== listed.size + 1 || present.some((path) => path !== MANIFEST_FILE && !listed.has(path))) return undefined;
    const contents = present.sort(byPath).map((path) => ({ path, content: readFileSync(join(folder, path)) }));
    for (const { path, content } of contents) {
      const file = listed.get(path);
      if (file ? content.byteLength !== file.bytes || sha256(content) !== file.sha256 : !content.equals(manifestBytes(manifest))) return undefined;
    }
    const zip = readFileSync(zipPath);
    return Buffer.concat(packZip(slug, manifest.buildDate, contents)).equals(zip) ? manifest : undefined;
  } catch {
    return undefined;
  }
}

const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function sha256(content: Uint8Array): string {
  return createHash("sha256").update(content).digest("hex");
}

function manifestBytes(manifest: Manifest): Buffer {
  return Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
}

/**
 * A pack's zip: its files (manifest included) sorted by path under `<slug>/`. Zip times are local
 * wall-clock fields: built from the date's parts, every time zone writes the same bytes.
 */
function packZip(slug: string, buildDate: string, contents: readonly PackFile[]): Uint8Array[] {
  const [year, month, day] = buildDate.split("-").map(Number) as [number, number, number];
  return storedZip(contents.map(({ path, content }) => ({ name: `${slug}/${path}`, content })), new Date(year, month - 1, day));
}

/** A new folder where a build puts the packs it makes until every one is made: `<out>/.handover-build-<random>`, never one a killed build left. */
export function stagingFolder(out: string): string {
  return mkdtempSync(join(out, ".handover-build-"));
}

/**
 * Writes one pack into the staging folder: `<staging>/<slug>/` with its manifest (every file's
 * SHA-256), and `<staging>/<slug>.zip`. The same files give the same bytes: sorted entries, fixed
 * timestamps, and the pages' bytes hashed and zipped as the site rendered them, never read back.
 * The files are written by the system's thread pool: writing hundreds of megabytes waits on the
 * disk, and this thread makes the next packs meanwhile.
 */
export async function stagePack(head: ManifestHead, pages: readonly PackFile[], staging: string, times: StageTimes = {}): Promise<Manifest> {
  const slug = head.client;
  const folder = join(staging, slug);
  const sorted = [...pages].sort((a, b) => byPath(a.path, b.path));
  const files = timeStage(times, "hash", () => sorted.map(({ path, content }) => ({ path, bytes: content.byteLength, sha256: sha256(content) })));
  const manifest: Manifest = { ...head, files };
  const contents = [...sorted, { path: MANIFEST_FILE, content: manifestBytes(manifest) }].sort((a, b) => byPath(a.path, b.path));
  const zip = timeStage(times, "zip", () => packZip(slug, head.buildDate, contents));
  const cpu = process.threadCpuUsage();
  const wall = performance.now();
  for (const dir of new Set(contents.map(({ path }) => dirname(join(folder, path))))) mkdirSync(dir, { recursive: true });
  const written = Promise.all([...contents.map(({ path, content }) => writeFile(join(folder, path), content)), writeChunks(join(staging, `${slug}.zip`), zip)]);
  // This thread's share is starting the writes; the pool's CPU is the process's, the wait is the wall time.
  const issued = process.threadCpuUsage(cpu);
  await written;
  addTime(times, "write", (issued.user + issued.system) / 1000, performance.now() - wall);
  return manifest;
}

async function writeChunks(path: string, chunks: readonly Uint8Array[]): Promise<void> {
  const file = await open(path, "w");
  try {
    await file.writev(chunks);
  } finally {
    await file.close();
  }
}

/**
 * Puts a staged pack at `<out>/<slug>/` and `<out>/<slug>.zip`, each by a rename; the previous
 * pack comes back if the folder cannot be put in place. A folder there that is not this client's
 * pack is never replaced.
 */
export function placePack(staging: string, out: string, slug: string): void {
  assertPackTarget(out, slug);
  const target = join(out, slug);
  const old = join(out, `.${slug}.old-${process.pid}`);
  // Left by a build of the same process id that was killed here: nothing but an old pack.
  rmSync(old, { recursive: true, force: true });
  const hadPrevious = existsSync(target);
  if (hadPrevious) renameSync(target, old);
  try {
    renameSync(join(staging, slug), target);
  } catch (error) {
    if (hadPrevious) renameSync(old, target);
    throw error;
  }
  rmSync(old, { recursive: true, force: true });
  renameSync(join(staging, `${slug}.zip`), join(out, `${slug}.zip`));
}

/**
 * Removes the pack of a client that is gone, if this tool wrote it, as its manifest shows: the
 * folder only when it holds nothing but the files its manifest lists, the zip only when it holds
 * that same manifest. Returns whether the folder was removed.
 */
export function removePack(out: string, slug: string): boolean {
  const folder = join(out, slug);
  const manifest = manifestOf(folder, slug);
  if (!manifest) return false;
  const listed = new Set([MANIFEST_FILE, ...(manifest.files as ManifestEntry[]).map((file) => file.path)]);
  const present = packFiles(folder);
  if (!present || present.some((path) => !listed.has(path))) return false;
  const zip = join(out, `${slug}.zip`);
  const text = readFileSync(join(folder, MANIFEST_FILE));
  rmSync(folder, { recursive: true, force: true });
  if (zipHoldsManifest(zip, slug, text)) rmSync(zip, { force: true });
  return true;
}

function zipHoldsManifest(zip: string, slug: string, manifest: Uint8Array): boolean {
  const name = `${slug}/${MANIFEST_FILE}`;
  try {
    const found = unzipSync(readFileSync(zip), { filter: (file) => file.name === name })[name];
    return found !== undefined && Buffer.from(found).equals(Buffer.from(manifest));
  } catch {
    return false;
  }
}
