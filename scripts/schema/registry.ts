import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { AnySchemaObject, ValidateFunction } from "ajv/dist/2020.js";
import { KIND_NAMES, RECORD_KINDS, type RecordKind } from "../model/kinds.ts";
import { TO_DECIDE } from "../model/to-decide.ts";

/** The toolkit's own schemas: `--root` points at client records, never at other schemas. */
export const SCHEMAS_DIR = fileURLToPath(new URL("../../schemas/", import.meta.url));

export const COMMON_SCHEMA = "common.schema.json";
export const PLAYBOOK_SCHEMA = "playbook.schema.json";
export const BRANDING_SCHEMA = "branding.schema.json";

const schemas = new Map<string, AnySchemaObject>();

/** A schema file, read once; callers must not change it. */
export function readSchema(file: string): AnySchemaObject {
  let schema = schemas.get(file);
  if (!schema) {
    schema = JSON.parse(readFileSync(`${SCHEMAS_DIR}${file}`, "utf8")) as AnySchemaObject;
    schemas.set(file, schema);
  }
  return schema;
}

/** Every schema file the toolkit validates with, and the name its compiled validator is exported as. */
export const VALIDATED_SCHEMAS: Record<string, string> = {
  ...Object.fromEntries(KIND_NAMES.map((kind) => [RECORD_KINDS[kind].schema, kind])),
  [PLAYBOOK_SCHEMA]: "playbook",
  [BRANDING_SCHEMA]: "branding",
};

export const VALIDATORS_FILE = new URL("./validators.generated.cjs", import.meta.url);

let compiled: Record<string, ValidateFunction> | undefined;

/**
 * The validator of a record kind, or of a schema file such as the playbook's. They are compiled
 * ahead of time (`npm run generate`, ajv's standalone code), so a command starts without
 * compiling schemas.
 */
export function validatorFor(kindOrFile: RecordKind | string): ValidateFunction {
  compiled ??= createRequire(import.meta.url)(fileURLToPath(VALIDATORS_FILE)) as Record<string, ValidateFunction>;
  return compiled[VALIDATED_SCHEMAS[schemaFileOf(kindOrFile)] as string] as ValidateFunction;
}

const resolved = new Map<string, AnySchemaObject>();

/** A schema with every `$ref` into the common schema replaced by the definition it names; built once. */
export function resolvedSchema(kindOrFile: RecordKind | string): AnySchemaObject {
  const file = schemaFileOf(kindOrFile);
  let schema = resolved.get(file);
  if (!schema) {
    schema = resolveCommonRefs(readSchema(file));
    resolved.set(file, schema);
  }
  return schema;
}

function schemaFileOf(kindOrFile: RecordKind | string): string {
  return kindOrFile in RECORD_KINDS ? RECORD_KINDS[kindOrFile as RecordKind].schema : kindOrFile;
}

/** Inlines the common definitions (records never refer to themselves, so this ends). */
function resolveCommonRefs(schema: AnySchemaObject): AnySchemaObject {
  const common = readSchema(COMMON_SCHEMA);
  const resolve = (node: unknown, withinCommon: boolean): unknown => {
    if (Array.isArray(node)) return node.map((item) => resolve(item, withinCommon));
    if (node === null || typeof node !== "object") return node;
    const { $ref, ...rest } = node as Record<string, unknown>;
    const resolved = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, resolve(value, withinCommon)]));
    const commonRef = typeof $ref === "string" && ($ref.startsWith(`${COMMON_SCHEMA}#`) || (withinCommon && $ref.startsWith("#")));
    if (!commonRef) return $ref === undefined ? resolved : { $ref, ...resolved };
    const name = ($ref as string).replace(/^.*#\/\$defs\//, "");
    const target = resolve((common.$defs as Record<string, unknown>)[name], true) as Record<string, unknown>;
    return { ...target, ...resolved };
  };
  return resolve(schema, false) as AnySchemaObject;
}

/** The schema a `$ref` points at: a definition of the same file, or of the common schema. */
export function dereference(schemaFile: string, schema: AnySchemaObject): AnySchemaObject {
  const ref = schema.$ref as string | undefined;
  if (!ref) return schema;
  const [file, pointer = ""] = ref.startsWith("#") ? [schemaFile, ref.slice(1)] : ref.split("#");
  const name = pointer.replace("/$defs/", "");
  const target = ((readSchema(file as string).$defs ?? {}) as Record<string, AnySchemaObject>)[name] ?? {};
  return dereference(file as string, { ...target, ...schema, $ref: undefined });
}

/** Paths of the properties a schema marks `internal: true`, for example `["money"]`. */
export function internalPaths(kind: RecordKind): string[][] {
  const paths: string[][] = [];
  const walk = (schema: AnySchemaObject, path: string[]) => {
    for (const [name, property] of Object.entries((schema.properties ?? {}) as Record<string, AnySchemaObject>)) {
      if (property.internal === true) paths.push([...path, name]);
      else walk(decidedSchema(property), [...path, name]);
    }
  };
  walk(resolvedSchema(kind), []);
  return paths;
}

/**
 * A field that may also be `to-decide` is written `anyOf: [<the field>, toDecide]`; this is the
 * field itself, with the outer keywords (description, `planned`) kept, for every reader that asks
 * what a field holds once it is decided. Other schemas are returned as they are.
 */
export function decidedSchema(schema: AnySchemaObject): AnySchemaObject {
  const branches = schema.anyOf as AnySchemaObject[] | undefined;
  if (!branches?.some((branch) => branch.const === TO_DECIDE)) return schema;
  const rest = branches.filter((branch) => branch.const !== TO_DECIDE);
  const { anyOf: _anyOf, ...outer } = schema;
  return rest.length === 1 ? { ...(rest[0] as AnySchemaObject), ...outer } : { ...outer, anyOf: rest };
}
