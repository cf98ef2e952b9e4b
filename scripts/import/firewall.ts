import { createHash } from "node:crypto";
import { markdownReading } from "../secrets/markdown-reading.ts";
import { scanText } from "../secrets/scan.ts";
import type { BodyPart } from "./planned-record.ts";

/**
 * The secret firewall at the write boundary. The sources have dropped the columns that hold
 * secrets (secret-columns.ts); every value left is scanned here, and a value that holds a secret
 * is not copied at all: the record says which field was withheld, never what it held.
 */

/** Between values scanned together: every rule stops at a line break, so no secret spans two values. */
const SEPARATOR = "\n";

/**
 * The values of `texts` that hold a secret, by index: in the value as it is, or in it as a reader
 * sees it once its Markdown is read (markdownReading), where an escape or emphasis no longer
 * splits a token or a phrase. All are scanned in one pass: one text costs far less than many.
 */
export function holdingSecrets(texts: readonly string[], { read = true } = {}): Set<number> {
  const found = new Set<number>();
  if (texts.length === 0) return found;
  const scanned: string[] = [];
  const owners: number[] = [];
  texts.forEach((text, index) => {
    scanned.push(text);
    owners.push(index);
    const reading = read ? markdownReading(text) : text;
    if (reading !== text) {
      scanned.push(reading);
      owners.push(index);
    }
  });
  const starts: number[] = [];
  let length = 0;
  for (const text of scanned) {
    starts.push(length);
    length += text.length + SEPARATOR.length;
  }
  const hits = scanText(scanned.join(SEPARATOR));
  let index = 0;
  for (const hit of hits) {
    // Hits come in order of position; every value a hit touches is withheld.
    while (index + 1 < scanned.length && (starts[index + 1] as number) <= hit.start) index += 1;
    for (let at = index; at < scanned.length && (starts[at] as number) < hit.end; at += 1) found.add(owners[at] as number);
  }
  return found;
}

export interface Screened<Fields> {
  /** The fields with every value that holds a secret left out. */
  fields: Partial<Fields>;
  /** The names of the fields left out. */
  withheld: string[];
}

/**
 * How much is scanned as one text: enough values that the scan's fixed cost vanishes, few enough
 * characters that the keyword prefilter never takes its path for texts dense with keywords.
 */
const CHUNK_TEXTS = 512;
const CHUNK_CHARS = 16_384;

/**
 * Which of the texts hold a secret, scanned a chunk at a time; `read: false` for whole files,
 * whose YAML and Markdown are as the import wrote them, with every value in them already read.
 */
export function holdingAny(texts: readonly string[], { read = true } = {}): Set<number> {
  const found = new Set<number>();
  for (let start = 0; start < texts.length; ) {
    let end = start + 1;
    for (let chars = (texts[start] as string).length; end < texts.length && end - start < CHUNK_TEXTS && chars + (texts[end] as string).length <= CHUNK_CHARS; end += 1) {
      chars += (texts[end] as string).length + 1;
    }
    for (const index of holdingSecrets(texts.slice(start, end), { read })) found.add(start + index);
    start = end;
  }
  return found;
}

/**
 * Each item's fields with every string (and list of strings) that holds a secret removed, the
 * values of all items scanned together: one scan of many values costs far less than many scans.
 */
export function screenAll<Fields extends object>(items: readonly Fields[]): Screened<Fields>[] {
  const owners: number[] = [];
  const keys: string[] = [];
  const texts: string[] = [];
  items.forEach((fields, item) => {
    for (const [key, value] of Object.entries(fields)) {
      for (const text of typeof value === "string" ? [value] : Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === "string") : []) {
        owners.push(item);
        keys.push(key);
        texts.push(text);
      }
    }
  });
  const withheld = items.map(() => new Set<string>());
  for (const index of holdingAny(texts)) withheld[owners[index] as number]?.add(keys[index] as string);
  return items.map((fields, item) => {
    const names = withheld[item] as Set<string>;
    if (names.size === 0) return { fields, withheld: [] };
    return { fields: Object.fromEntries(Object.entries(fields).filter(([key]) => !names.has(key))) as Partial<Fields>, withheld: [...names].sort() };
  });
}

/** One item's fields screened. */
export function screenFields<Fields extends object>(fields: Fields): Screened<Fields> {
  return screenAll([fields])[0] as Screened<Fields>;
}

/** What stands in output for the part of a name or message that looks like a secret. */
export const HIDDEN = "‹hidden: looks like a secret›";

/**
 * A name or message of the export (a column header, a file, ZIP entry or organization name, a
 * problem's text) as it may be shown: with each secret the scanner finds in it replaced by HIDDEN,
 * or all of it when only its Markdown reading holds one. It is read twice: as it is, and with `-`,
 * `.`, `/` and `\` as spaces, as they part the words of a path (`notes-ghp_….csv`) where a token's
 * rule wants a space. What the import reports is as screened as what it writes.
 */
export function shown(text: string): string {
  const ranges = [...scanText(text), ...scanText(text.replace(/[-./\\]/g, " "))].sort((a, b) => a.start - b.start);
  if (ranges.length === 0) return holdingSecrets([text]).size === 0 ? text : HIDDEN;
  let out = "";
  let at = 0;
  for (const { start, end } of ranges) {
    if (end <= at) continue;
    out += text.slice(at, Math.max(at, start)) + HIDDEN;
    at = end;
  }
  return out + text.slice(at);
}

/**
 * A source id as it may be written: itself, or when it holds a secret (an id made from a row's
 * values can), a digest of it, which finds the same record again without holding the value.
 */
export function writableId(id: string): string {
  return holdingSecrets([id]).size === 0 ? id : `sha256-${createHash("sha256").update(id).digest("hex").slice(0, 16)}`;
}

/**
 * The records' bodies as written, scanned once more: a label the import adds next to a value
 * ("Sign-in page: …") could complete a phrase that neither held alone. A part that holds a secret
 * is left empty and named as withheld.
 */
export function screenBodies<Record extends { body: BodyPart[]; withheld: string[] }>(records: readonly Record[]): Record[] {
  const parts = records.flatMap((record, index) => record.body.map((part) => ({ index, part })));
  const holding = holdingAny(parts.map(({ part }) => part.text));
  if (holding.size === 0) return [...records];
  const hit = new Set([...holding].map((at) => parts[at]?.part));
  return records.map((record) => {
    if (!record.body.some((part) => hit.has(part))) return record;
    return { ...record, body: record.body.map((part) => (hit.has(part) ? { ...part, text: "" } : part)), withheld: [...record.withheld, ...record.body.filter((part) => hit.has(part)).map((part) => part.key)] };
  });
}
