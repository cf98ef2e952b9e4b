import { basename } from "node:path";
import { compareProblems, type Problem } from "../../lib/problems.ts";
import { emptyExport, type ExportData, type Origin, type SourceSystem } from "../export-data.ts";
import { openExport, type ExportFiles } from "./export-files.ts";
import type { ExportLimits } from "./export-limits.ts";
import { utf8Bytes } from "./export-text.ts";

export interface ExportRun {
  files: ExportFiles;
  data: ExportData;
  limits: ExportLimits;
  /** The export's own base name: where problems with the export as a whole are filed. */
  name: string;
}

/** Opens the export, runs one source's reading of it, closes it; problems sorted, so output never depends on reading order. */
export async function readExport(system: SourceSystem, path: string, limits: ExportLimits, read: (run: ExportRun) => Promise<void>): Promise<ExportData> {
  const data = emptyExport(system);
  const files = await openExport(path, data.problems, limits);
  if (files) {
    try {
      await read({ files, data, limits, name: basename(path) });
    } finally {
      files.close();
    }
  }
  data.problems.sort(compareProblems);
  return data;
}

/** A file's UTF-8 bytes (BOM removed), or undefined with the problem filed. */
export async function readUtf8(run: ExportRun, path: string, maxBytes: number): Promise<Buffer | undefined> {
  const bytes = await run.files.read(path, maxBytes);
  const text = Buffer.isBuffer(bytes) ? utf8Bytes(path, bytes) : bytes;
  if (Buffer.isBuffer(text)) return text;
  run.data.problems.push(text as Problem);
  return undefined;
}

export function origin(system: SourceSystem, entity: string, id: string, file: string, line: number): Origin {
  return { system, entity, id, file, line };
}

/** Text values joined with line breaks, absent when all are. */
export function joinLines(...parts: readonly (string | undefined | false)[]): string | undefined {
  const present = parts.filter((part): part is string => typeof part === "string" && part !== "");
  return present.length > 0 ? present.join("\n") : undefined;
}

/** A copy without the undefined properties: an absent value is absent, not a key holding undefined (copied, since deleting keys slows every later access). */
export function defined<T extends object>(fields: T): T {
  const copy: Partial<T> = {};
  for (const key of Object.keys(fields) as (keyof T)[]) if (fields[key] !== undefined) copy[key] = fields[key];
  return copy as T;
}
