import { Document, isMap, isScalar, stringify, type Node, type Pair, type Scalar } from "yaml";
import type { LoadedRecord } from "../model/types.ts";
import { digestOf } from "./digest.ts";
import type { BodyPart, PlannedRecord, Provenance } from "./planned-record.ts";

/** What a record's `imported` property holds. */
interface ImportedProperty extends Provenance {
  withheld?: string[];
  written: Record<string, string>;
}

/** A record's text after an import, and what the import did to it. */
export interface Merged {
  text: string;
  /** Fields and body parts the import wrote from the source this time. */
  updated: string[];
  /** Fields and body parts a tech changed that the source changed too: the tech's are kept. */
  kept: string[];
}

const FENCE = "---\n";

/** Options yaml stringifies frontmatter with: no folding, so a value stays on the line a tech reads it on. */
const STRINGIFY = { lineWidth: 0 } as const;

/** The `imported` property of a record, as the import last wrote it; undefined when it has none or it is not readable. */
export function importedOf(data: Record<string, unknown> | undefined): ImportedProperty | undefined {
  const imported = data?.imported as Record<string, unknown> | undefined;
  if (!imported || typeof imported !== "object") return undefined;
  const { system, entity, id, written } = imported;
  if (typeof system !== "string" || typeof entity !== "string" || typeof id !== "string") return undefined;
  const digests = written !== null && typeof written === "object" ? Object.fromEntries(Object.entries(written).filter(([, value]) => typeof value === "string")) : {};
  return { system: system as Provenance["system"], entity, id, written: digests as Record<string, string> };
}

function importedProperty(planned: PlannedRecord, written: Record<string, string>): ImportedProperty {
  const { system, entity, id } = planned.provenance;
  return { system, entity, id, ...(planned.withheld.length > 0 ? { withheld: planned.withheld } : {}), written };
}

/** A new record: every field the import owns, then its provenance, then the body. */
export function newRecordText(planned: PlannedRecord): string {
  const fields = planned.fields.filter(([, value]) => value !== undefined);
  const parts = planned.body.filter((part) => part.text.trim() !== "");
  const written = Object.fromEntries([...fields.map(([key, value]) => [key, digestOf(value)]), ...parts.map((part) => [part.key, digestOf(part.text)])]);
  const doc = new Document({ ...Object.fromEntries(fields), imported: importedProperty(planned, written) });
  return `---\n${doc.toString(STRINGIFY)}---\n${parts.length === 0 ? "" : `\n${parts.map((part) => part.text.trim()).join("\n\n")}\n`}`;
}

/** One owned value, three ways: what the import last wrote (a digest), what is there now, what the source says now. */
type Decision = { write: boolean; digest: string | undefined; kept: boolean };

const isPresent = (value: unknown) => value !== undefined && !(typeof value === "string" && value.trim() === "");

/**
 * A tech's value always wins: the import writes a value only where the record still holds what
 * the import last wrote, or where it never wrote and nobody else did either. A value the tech
 * removed stays removed; one they changed to what the source now says is the import's again.
 */
function decide(base: string | undefined, current: unknown, next: unknown): Decision {
  const currentDigest = isPresent(current) ? digestOf(current) : undefined;
  const nextDigest = isPresent(next) ? digestOf(next) : undefined;
  if (currentDigest === nextDigest) return { write: false, digest: nextDigest, kept: false };
  if (currentDigest === base) return { write: true, digest: nextDigest, kept: false };
  return { write: false, digest: base, kept: base !== undefined && nextDigest !== base };
}

/** Where a body part sits in a record's text now: its range, or none. */
function partRange(record: LoadedRecord, part: BodyPart): { start: number; end: number } | undefined {
  const { text } = record.source;
  const sections = record.sections.filter((section) => section.depth === 2);
  if (part.heading !== undefined) {
    const section = sections.find((candidate) => candidate.heading === part.heading);
    return section && { start: section.start, end: section.end };
  }
  if (part.key === "body") return { start: record.bodyOffset, end: text.length };
  // The text before the first section.
  return { start: record.bodyOffset, end: sections[0]?.start ?? text.length };
}

/**
 * A record the import wrote before (or a client case it adopts), brought up to date: the fields
 * and body parts it owns change where the source changed and no tech did; everything else,
 * comments and formatting included, stays as it is. Returns the same text when nothing changed.
 */
type ReadableRecord = LoadedRecord & { frontmatter: NonNullable<LoadedRecord["frontmatter"]> };

export function mergeRecord(planned: PlannedRecord, record: ReadableRecord): Merged {
  const { data } = record.frontmatter;
  const previous = importedOf(data);
  const base = previous?.written ?? {};
  const updated: string[] = [];
  const kept: string[] = [];
  const written: Record<string, string> = {};

  const edits: { key: string; value: unknown }[] = [];
  const plannedKeys = new Set(planned.fields.map(([key]) => key));
  const fieldKeys = [...planned.fields.map(([key]) => key), ...Object.keys(base).filter((key) => !key.startsWith("body") && !plannedKeys.has(key))];
  const next = new Map(planned.fields);
  for (const key of fieldKeys) {
    const decision = decide(base[key], data[key], next.get(key));
    if (decision.write) {
      edits.push({ key, value: next.get(key) });
      updated.push(key);
    }
    if (decision.kept) kept.push(key);
    if (decision.digest !== undefined) written[key] = decision.digest;
  }

  const { text } = record.source;
  const replacements: { start: number; end: number; text: string }[] = [];
  const appended: string[] = [];
  for (const part of planned.body) {
    const range = partRange(record, part);
    const current = range && text.slice(range.start, range.end);
    const decision = decide(base[part.key], current, part.text);
    if (decision.write) {
      updated.push(part.key);
      if (range) {
        // The part's text, with the blank lines that separated it from what follows kept.
        const trailing = /\s*$/.exec(current ?? "")?.[0] || "\n";
        const leading = part.heading === undefined ? "\n" : "";
        replacements.push({ ...range, text: part.text.trim() === "" ? "" : `${leading}${part.text.trim()}${trailing}` });
      } else {
        appended.push(part.text.trim());
      }
    }
    if (decision.kept) kept.push(part.key);
    if (decision.digest !== undefined) written[part.key] = decision.digest;
  }

  const imported = importedProperty(planned, written);
  const frontmatterChanged = edits.length > 0 || JSON.stringify(imported) !== JSON.stringify(data.imported);
  if (!frontmatterChanged && replacements.length === 0 && appended.length === 0) return { text, updated, kept };
  // The YAML as it is, unless the import changes it: between the opening `---` line and the closing one.
  const yaml = frontmatterChanged ? editedFrontmatter(record, edits, imported) : text.slice(FENCE.length, closingFence(record));
  let body = text.slice(record.bodyOffset);
  for (const { start, end, text: replacement } of replacements.sort((a, b) => b.start - a.start)) {
    body = `${body.slice(0, start - record.bodyOffset)}${replacement}${body.slice(end - record.bodyOffset)}`;
  }
  if (appended.length > 0) body = `${body.trimEnd() === "" ? "" : `${body.trimEnd()}\n`}\n${appended.join("\n\n")}\n`;
  return { text: `---\n${yaml}---\n${body}`, updated, kept };
}

/** Where the closing `---` line starts: the body starts after it and its line break, if the file has one. */
function closingFence(record: LoadedRecord): number {
  const { text } = record.source;
  return record.bodyOffset === text.length && !text.endsWith("\n") ? text.length - 3 : record.bodyOffset - FENCE.length;
}

/**
 * The frontmatter with the import's edits made in its text, so every comment, blank line and
 * quoting a tech chose stays where it was: a scalar replaced by a scalar keeps the comment after
 * it; anything else replaces the field's own lines. New fields go before `imported`, which is
 * rewritten last.
 */
function editedFrontmatter(record: ReadableRecord, edits: readonly { key: string; value: unknown }[], imported: ImportedProperty): string {
  const { text } = record.source;
  const yamlText = text.slice(FENCE.length, closingFence(record));
  const doc = record.frontmatter.doc;
  const pairs = isMap(doc.contents) ? doc.contents.items : [];
  const pairOf = (key: string) => pairs.find((pair) => isScalar(pair.key) && pair.key.value === key);
  const splices: { start: number; end: number; text: string }[] = [];
  const added: string[] = [];
  for (const { key, value } of edits) {
    const pair = pairOf(key);
    const serialized = value === undefined || value === "" ? "" : stringify({ [key]: value }, STRINGIFY);
    if (!pair) {
      added.push(serialized);
      continue;
    }
    const { start, end } = pairExtent(yamlText, pair);
    const inline = /^[^\n]*: ([^\n]*)\n$/.exec(serialized);
    if (inline && isScalar(pair.value) && pair.value.range && !/^[|>]/.test(inline[1] as string)) {
      const [valueStart, valueEnd] = pair.value.range;
      // A block scalar's range ends after its last line break; the replacement must keep one.
      splices.push({ start: valueStart, end: valueEnd, text: `${inline[1]}${yamlText[valueEnd - 1] === "\n" ? "\n" : ""}` });
    } else {
      splices.push({ start, end, text: serialized });
    }
  }
  const importedText = `${added.join("")}${stringify({ imported }, STRINGIFY)}`;
  const previous = pairOf("imported");
  const ending = yamlText === "" || yamlText.endsWith("\n") ? "" : "\n";
  splices.push(previous ? { ...pairExtent(yamlText, previous), text: importedText } : { start: yamlText.length, end: yamlText.length, text: `${ending}${importedText}` });
  let edited = yamlText;
  for (const splice of splices.sort((a, b) => b.start - a.start)) edited = `${edited.slice(0, splice.start)}${splice.text}${edited.slice(splice.end)}`;
  return edited;
}

/** A top-level field's own lines in the YAML text: from its key to the end of the line its value ends on. */
function pairExtent(yamlText: string, pair: Pair<unknown, unknown>): { start: number; end: number } {
  const start = lineStart(yamlText, (pair.key as Scalar).range?.[0] ?? 0);
  const valueEnd = (pair.value as Node | null)?.range?.[1] ?? (pair.key as Scalar).range?.[1] ?? start;
  const lineEnd = yamlText[valueEnd - 1] === "\n" ? valueEnd : yamlText.indexOf("\n", valueEnd);
  return { start, end: lineEnd === -1 ? yamlText.length : lineEnd === valueEnd ? valueEnd : lineEnd + 1 };
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}
