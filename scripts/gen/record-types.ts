import type { AnySchemaObject } from "ajv/dist/2020.js";
import { compile } from "json-schema-to-typescript";
import { KIND_NAMES, type RecordKind } from "../model/kinds.ts";
import { PLAYBOOK_SCHEMA, readSchema, resolvedSchema } from "../schema/registry.ts";

/** The TypeScript names of each record kind's data. */
export const TYPE_NAMES: Record<RecordKind, string> = {
  client: "ClientCase",
  contract: "Contract",
  asset: "Asset",
  issue: "Issue",
  backup: "Backup",
  access: "Access",
  doc: "Doc",
  acceptance: "Acceptance",
};

export const RECORD_TYPES_FILE = new URL("../model/records.generated.ts", import.meta.url);
export const PLAYBOOK_TYPES_FILE = new URL("../model/playbook.generated.ts", import.meta.url);

const BANNER = "// Generated from schemas/*.schema.json by `npm run generate`. Do not edit.\n";

const OPTIONS = {
  bannerComment: "",
  additionalProperties: false,
  declareExternallyReferenced: true,
  format: true,
  strictIndexSignatures: true,
  unknownAny: true,
} as const;

/** Record types derived from the JSON Schemas, so the schemas stay the single source of truth. */
export async function recordTypesSource(): Promise<string> {
  const parts = [BANNER];
  for (const kind of KIND_NAMES) {
    const { title: _title, $id: _id, ...schema } = resolvedSchema(kind);
    parts.push(await compile(schema, TYPE_NAMES[kind], OPTIONS));
  }
  return parts.join("\n");
}

export async function playbookTypesSource(): Promise<string> {
  const { title: _title, $id: _id, ...schema } = readSchema(PLAYBOOK_SCHEMA);
  return `${BANNER}\n${await compile(branchesAsUnion(schema) as AnySchemaObject, "Playbook", OPTIONS)}`;
}

/**
 * The schema discriminates test forms with if/then/else so a mistake gets one precise message;
 * for typing, such a chain is simply the union of its branches.
 */
function branchesAsUnion(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(branchesAsUnion);
  if (node === null || typeof node !== "object") return node;
  const { if: condition, then, else: otherwise, ...rest } = node as Record<string, unknown>;
  const converted = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, branchesAsUnion(value)]));
  if (condition === undefined) return converted;
  const inner = branchesAsUnion(otherwise) as Record<string, unknown>;
  const elseBranches = (otherwise as Record<string, unknown>).if !== undefined ? (inner.anyOf as unknown[]) : [inner];
  const { type: _type, ...withoutType } = converted;
  return { ...withoutType, anyOf: [branchesAsUnion(then), ...elseBranches] };
}
