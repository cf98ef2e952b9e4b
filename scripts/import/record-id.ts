import { createHash } from "node:crypto";
import { NAME_PATTERN, RESERVED_NAMES } from "../model/kinds.ts";

/** Long enough to tell records apart in a folder listing, short enough to read in one. */
const MAX_LENGTH = 48;


/**
 * A name as a record id: lowercase ASCII letters, digits and single hyphens, so nothing in a
 * hostile name (`../`, `/`, `\`, dots, control or bidirectional characters) reaches a path.
 * Undefined when nothing of the name is left.
 */
export function slugOf(name: string): string | undefined {
  const words = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+/, "");
  // Over the limit, cut after the last whole word that fits, if one does within a few letters.
  const cut = words.length <= MAX_LENGTH ? words : words.slice(0, MAX_LENGTH).replace(/-[a-z0-9]{1,12}$/, "");
  const slug = cut.replace(/-+$/, "");
  if (slug === "") return undefined;
  return RESERVED_NAMES.test(slug) ? `${slug}-1` : slug;
}

/** Six hex digits of the source's id: the same id always gives the same suffix. */
function idSuffix(sourceId: string): string {
  return createHash("sha256").update(sourceId).digest("hex").slice(0, 6);
}

/**
 * The file name (without `.md`) of a new imported record: its name's slug, or `fallback` (the
 * kind of item) when the name gives none; when that is taken in the folder, the slug with a
 * suffix from the source id, so it is stable however the export is ordered. `taken` is updated.
 */
export function newRecordId(name: string | undefined, fallback: string, sourceId: string, taken: Set<string>): string {
  const base = (name === undefined ? undefined : slugOf(name)) ?? fallback;
  const stem = base.slice(0, MAX_LENGTH - 7).replace(/-+$/, "");
  let id = taken.has(base) ? `${stem}-${idSuffix(sourceId)}` : base;
  for (let counter = 2; taken.has(id); counter += 1) id = `${stem}-${idSuffix(`${sourceId}\u0000${counter}`)}`;
  if (!NAME_PATTERN.test(id)) throw new Error(`internal: record id ${JSON.stringify(id)} is not a safe name`);
  taken.add(id);
  return id;
}
