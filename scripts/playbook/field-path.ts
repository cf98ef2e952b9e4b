import type { AnySchemaObject } from "ajv/dist/2020.js";
import { didYouMean } from "../lib/suggest.ts";
import type { RecordKind } from "../model/kinds.ts";
import { decidedSchema, resolvedSchema } from "../schema/registry.ts";

/** `asset.agents[].removedOn`: a record kind, then fields; `[]` steps into every item of a list. */
export interface FieldPath {
  text: string;
  kind: RecordKind;
  segments: { name: string; each: boolean }[];
}

export function parseFieldPath(text: string): FieldPath {
  const [kind, ...rest] = text.split(".");
  return {
    text,
    kind: kind as RecordKind,
    segments: rest.map((segment) => ({ name: segment.replace(/\[\]$/, ""), each: segment.endsWith("[]") })),
  };
}

/** The field's schema, or why the path names no field of its record kind. */
export function fieldSchema(path: FieldPath): { schema: AnySchemaObject } | { error: string } {
  let schema = resolvedSchema(path.kind);
  const walked: string[] = [path.kind];
  for (const { name, each } of path.segments) {
    const properties = (schema.properties ?? {}) as Record<string, AnySchemaObject>;
    // Own properties only: `constructor` or `toString` are no fields of any record.
    // A field that may be `to-decide` is read as the field it is once decided.
    const next = Object.hasOwn(properties, name) ? decidedSchema(properties[name] as AnySchemaObject) : undefined;
    if (!next) {
      const suggestion = didYouMean(name, Object.keys(properties));
      const where = walked.join(".");
      return { error: `\`${path.text}\`: ${where} has no field \`${name}\`${suggestion ? ` — did you mean \`${suggestion}\`?` : ""}` };
    }
    walked.push(name);
    if (each && next.type !== "array") return { error: `\`${path.text}\`: \`${walked.join(".")}\` is not a list, so \`[]\` does not apply` };
    if (!each && next.type === "array" && path.segments.at(-1)?.name !== name) {
      return { error: `\`${path.text}\`: \`${walked.join(".")}\` is a list; write \`${name}[]\` to look into its items` };
    }
    schema = each ? (next.items as AnySchemaObject) : next;
  }
  return { schema };
}

/** The values at a path in a record's data: one value, or one per list item for `[]` paths. */
export function valuesAt(data: unknown, path: FieldPath): unknown[] {
  let values: unknown[] = [data];
  for (const { name, each } of path.segments) {
    values = values.flatMap((value) => {
      const inner = value !== null && typeof value === "object" && Object.hasOwn(value, name) ? (value as Record<string, unknown>)[name] : undefined;
      return each ? (Array.isArray(inner) ? inner : []) : [inner];
    });
  }
  return values;
}

/** The record-relative field path (without the kind), for positions and messages. */
export function recordField(path: FieldPath): string[] {
  return path.segments.map(({ name }) => name);
}
