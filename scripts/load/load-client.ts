import { readdirSync, type Dirent } from "node:fs";
import { join } from "node:path";
import type { Point, Problem } from "../lib/problems.ts";
import { KIND_FILES, KIND_FOLDERS } from "../model/kinds.ts";
import type { Entry, LoadedClient, LoadedRecord } from "../model/types.ts";
import type { RecordKind } from "../model/kinds.ts";
import { parseBody, type Body } from "./body.ts";
import { parseFrontmatter } from "./frontmatter.ts";
import { bodyShape, NestingTooDeep } from "./markdown-limits.ts";
import { scanSections } from "./section-scan.ts";
import type { Section } from "./sections.ts";
import { readSourceFile } from "./source.ts";

export const CLIENTS_DIR = "clients";

/** Files an operating system drops into folders; never records, never worth an error. */
const SYSTEM_FILES = new Set([".DS_Store", "Thumbs.db", "desktop.ini", ".gitkeep"]);

export function entryType(dirent: Dirent): Entry["type"] {
  if (dirent.isSymbolicLink()) return "symlink";
  if (dirent.isDirectory()) return "directory";
  if (dirent.isFile()) return "file";
  return "other";
}

/** Folder entries sorted by name, so output never depends on the file system's order. */
export function listDir(absolute: string): Dirent[] {
  return readdirSync(absolute, { withFileTypes: true })
    .filter((dirent) => !SYSTEM_FILES.has(dirent.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** What is in a client folder: every entry, and the record files among them, in reading order. */
export interface ClientFolder {
  /** Path of the client folder relative to the data root. */
  dir: string;
  entries: Entry[];
  records: { kind: RecordKind; path: string }[];
}

/**
 * Lists one client folder without reading any file: its entries (symlinks listed, never followed)
 * and the record files loadClient reads. `kinds` limits the listing to those kinds of record.
 */
export function listClientFolder(root: string, slug: string, kinds?: ReadonlySet<RecordKind>): ClientFolder {
  const dir = `${CLIENTS_DIR}/${slug}`;
  const folder: ClientFolder = { dir, entries: [], records: [] };
  const wanted = (kind: RecordKind | undefined) => kind !== undefined && (!kinds || kinds.has(kind));
  for (const dirent of listDir(join(root, dir))) {
    const path = `${dir}/${dirent.name}`;
    const type = entryType(dirent);
    const fileKind = type === "file" ? KIND_FILES.get(dirent.name) : undefined;
    const folderKind = type === "directory" ? KIND_FOLDERS.get(dirent.name) : undefined;
    if (kinds && !wanted(fileKind) && !wanted(folderKind)) continue;
    folder.entries.push({ path, type });
    if (wanted(fileKind)) {
      folder.records.push({ kind: fileKind as RecordKind, path });
    } else if (wanted(folderKind)) {
      for (const inner of listDir(join(root, path))) {
        const innerPath = `${path}/${inner.name}`;
        const innerType = entryType(inner);
        folder.entries.push({ path: innerPath, type: innerType });
        if (innerType === "file" && inner.name.endsWith(".md")) folder.records.push({ kind: folderKind as RecordKind, path: innerPath });
      }
    }
  }
  return folder;
}

/**
 * Reads one client folder. Symlinks are listed as entries and never followed; files that
 * are too large, not UTF-8 or hold unsafe frontmatter become problems, not exceptions.
 * `kinds` limits what is read to those kinds of record (and their entries).
 */
export function loadClient(root: string, slug: string, kinds?: ReadonlySet<RecordKind>): LoadedClient {
  const { dir, entries, records } = listClientFolder(root, slug, kinds);
  const client: LoadedClient = { slug, dir, entries, records: [], problems: [] };
  for (const { kind, path } of records) readRecord(root, client, kind, path);
  return client;
}

function readRecord(root: string, client: LoadedClient, kind: RecordKind, path: string): void {
  const problem = (point: Point, message: string, rule: string): Problem => ({
    client: client.slug,
    file: path,
    ...point,
    severity: "error",
    rule,
    message,
  });
  const decoded = readSourceFile(join(root, path), path);
  if (!decoded.ok) {
    client.problems.push(problem(decoded.point, decoded.message, "file-encoding"));
    return;
  }
  const source = decoded.source;
  const parsed = parseFrontmatter(source.text);
  for (const issue of parsed.issues) {
    client.problems.push(problem(source.toPoint(issue.offset), issue.message, "frontmatter"));
  }
  const bodyOffset = parsed.frontmatter ? parsed.bodyOffset : 0;
  let body: Body | undefined;
  let sections: Section[] | undefined;
  // A body nested too deep would overflow the stack of whatever walks its tree later, and some
  // shapes would keep the parser busy for minutes: the problem is reported here, and an empty body
  // stands in for it.
  let refused = false;
  const refuse = (offset: number, message: string): Body => {
    refused = true;
    client.problems.push(problem(source.toPoint(offset), message, "markdown-limits"));
    return { tree: { type: "root", children: [] }, sections: [], nestedInternal: [] };
  };
  const parse = (): Body => {
    try {
      return parseBody(source.text, bodyOffset);
    } catch (error) {
      if (!NestingTooDeep.is(error)) throw error;
      return refuse(error.offset, error.message);
    }
  };
  const shape = bodyShape(source.text.slice(bodyOffset));
  if ("refuse" in shape) body = refuse(bodyOffset + shape.refuse.offset, shape.refuse.message);
  else if (shape.parse) body = parse();
  const record: LoadedRecord = {
    kind,
    id: path.slice(path.lastIndexOf("/") + 1).replace(/\.md$/, ""),
    source,
    frontmatter: parsed.frontmatter,
    bodyOffset: parsed.bodyOffset,
    get body() {
      body ??= parse();
      return body;
    },
    get sections() {
      sections ??= (parsed.frontmatter ? scanSections(source.text, parsed.bodyOffset) : undefined) ?? this.body.sections;
      return sections;
    },
    get bodyRefused() {
      return refused;
    },
  };
  client.records.push(record);
}
