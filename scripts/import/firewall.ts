import { createHash } from "node:crypto";
import { scanText } from "../secrets/scan.ts";
import type { BodyPart } from "./planned-record.ts";

/**
 * The secret firewall at the write boundary. The sources have dropped the columns that hold
 * secrets (secret-columns.ts); every value left is scanned here, and a value that holds a secret
 * is not copied at all: the record says which field was withheld, never what it held.
 */

/** Between values scanned together: every rule stops at a line break, so no secret spans two values. */
const SEPARATOR = "\n";

/** The values of `texts` that hold a secret, by index. All are scanned in one pass: one text costs far less than many. */
export function holdingSecrets(texts: readonly string[]): Set<number> {
  const found = new Set<number>();
  if (texts.length === 0) return found;
  const starts: number[] = [];
  let length = 0;
  for (const text of texts) {
    starts.push(length);
    length += text.length + SEPARATOR.length;
  }
  const hits = scanText(texts.join(SEPARATOR));
  let index = 0;
  for (const hit of hits) {
    // Hits come in order of position; every value a hit touches is withheld.
    while (index + 1 < texts.length && (starts[index + 1] as number) <= hit.start) index += 1;
    for (let at = index; at < texts.length && (starts[at] as number) < hit.end; at += 1) found.add(at);
  }
  return found;
}

export interface Screened<Fields> {
  /** The fields with every value that holds a secret left out. */
  fields: Partial<Fields>;
  /** The names of the fields left out. */
  withheld: string[];
}

/** An item's fields with every string (and list of strings) that holds a secret removed. */
export function screenFields<Fields extends object>(fields: Fields): Screened<Fields> {
  const keys: string[] = [];
  const texts: string[] = [];
  for (const [key, value] of Object.entries(fields)) {
    for (const text of typeof value === "string" ? [value] : Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : []) {
      keys.push(key);
      texts.push(text);
    }
  }
  const withheld = [...new Set([...holdingSecrets(texts)].map((index) => keys[index] as string))];
  const kept = Object.fromEntries(Object.entries(fields).filter(([key]) => !withheld.includes(key))) as Partial<Fields>;
  return { fields: kept, withheld: withheld.sort() };
}

/**
 * A source id as it may be written: itself, or when it holds a secret (an id made from a row's
 * values can), a digest of it, which finds the same record again without holding the value.
 */
export function writableId(id: string): string {
  return holdingSecrets([id]).size === 0 ? id : `sha256-${createHash("sha256").update(id).digest("hex").slice(0, 16)}`;
}

/**
 * The body parts as written, scanned once more: a label the import adds next to a value ("Sign-in
 * page: …") could complete a phrase that neither held alone. A part that holds a secret is left
 * empty and named as withheld.
 */
export function screenBody(parts: readonly BodyPart[]): { parts: BodyPart[]; withheld: string[] } {
  const holding = holdingSecrets(parts.map((part) => part.text));
  return {
    parts: parts.map((part, index) => (holding.has(index) ? { ...part, text: "" } : part)),
    withheld: parts.filter((_, index) => holding.has(index)).map((part) => part.key),
  };
}
