import type { AnySchemaObject } from "ajv/dist/2020.js";
import { KIND_NAMES, RECORD_KINDS } from "../model/kinds.ts";
import { TO_DECIDE } from "../model/to-decide.ts";
import { decidedSchema, readSchema, resolvedSchema } from "../schema/registry.ts";

export const RECORD_REFERENCE_FILE = new URL("../../docs/records.md", import.meta.url);

/** The field reference for techs, derived from the schemas so it cannot drift from them. */
export function recordReferenceSource(): string {
  const lines = [
    "<!-- Generated from schemas/*.schema.json by `npm run generate`. Do not edit. -->",
    "# Record reference",
    "",
    "Every field a record may hold. Dates are written `YYYY-MM-DD`. Fields marked **internal** never reach the client's handover pack.",
    "",
  ];
  for (const kind of KIND_NAMES) {
    const raw = readSchema(RECORD_KINDS[kind].schema);
    const location = kind === "client" ? "client.md" : `${RECORD_KINDS[kind].location}/<id>.md`;
    lines.push(`## ${raw.title as string} (\`${location}\`)`, "", String(raw.description), "", "| field | type | required | description |", "| --- | --- | --- | --- |");
    rows(resolvedSchema(kind), "", false, lines);
    lines.push("");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

function rows(schema: AnySchemaObject, prefix: string, parentInternal: boolean, lines: string[]): void {
  const required = new Set((schema.required ?? []) as string[]);
  for (const [name, declared] of Object.entries((schema.properties ?? {}) as Record<string, AnySchemaObject>)) {
    const path = `${prefix}${name}`;
    const property = decidedSchema(declared);
    const internal = parentInternal || property.internal === true;
    const description = `${internal ? "**internal** " : ""}${String(property.description ?? "").replace(/\|/g, "\\|")}`;
    lines.push(`| \`${path}\` | ${typeOf(declared)} | ${required.has(name) ? "yes" : ""} | ${description} |`);
    if (property.type === "object") rows(property, `${path}.`, internal, lines);
    if (property.type === "array" && property.items?.type === "object") rows(property.items, `${path}[].`, internal, lines);
  }
}

function typeOf(schema: AnySchemaObject): string {
  const decided = decidedSchema(schema);
  if (decided !== schema) return `${typeOf(decided)} or \`${TO_DECIDE}\``;
  if (Array.isArray(schema.enum)) return schema.enum.map((value: unknown) => `\`${String(value)}\``).join(", ");
  if (schema.const !== undefined) return `\`${String(schema.const)}\``;
  if (schema.format === "date") return "date";
  if (schema.type === "array") return `list of ${schema.items ? typeOf(schema.items) : "values"}`;
  if (schema.pattern === "^[a-z0-9][a-z0-9-]*$") return "record id";
  return String(schema.type ?? "value");
}
