import { compile } from "json-schema-to-typescript";
import { KIND_NAMES, type RecordKind } from "../model/kinds.ts";
import { resolvedSchema } from "../schema/registry.ts";

/** The TypeScript names of each record kind's data. */
export const TYPE_NAMES: Record<RecordKind, string> = {
  client: "ClientCase",
  contract: "Contract",
  asset: "Asset",
  issue: "Issue",
  backup: "Backup",
  access: "Access",
  doc: "Doc",
};

export const RECORD_TYPES_FILE = new URL("../model/records.generated.ts", import.meta.url);

/** Record types derived from the JSON Schemas, so the schemas stay the single source of truth. */
export async function recordTypesSource(): Promise<string> {
  const parts = [
    "// Generated from schemas/*.schema.json by `npm run generate`. Do not edit.\n",
    "/* eslint-disable */\n",
  ];
  for (const kind of KIND_NAMES) {
    const { title: _title, $id: _id, ...schema } = resolvedSchema(kind);
    parts.push(
      await compile(schema, TYPE_NAMES[kind], {
        bannerComment: "",
        additionalProperties: false,
        declareExternallyReferenced: true,
        format: true,
        strictIndexSignatures: true,
        unknownAny: true,
      }),
    );
  }
  return parts.join("\n");
}
