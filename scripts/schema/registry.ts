import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv2020, type AnySchemaObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { KIND_NAMES, RECORD_KINDS, type RecordKind } from "../model/kinds.ts";

/** The toolkit's own schemas: `--root` points at client records, never at other schemas. */
export const SCHEMAS_DIR = fileURLToPath(new URL("../../schemas/", import.meta.url));

export const COMMON_SCHEMA = "common.schema.json";

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

let ajv: Ajv2020 | undefined;
const validators = new Map<RecordKind, ValidateFunction>();

function instance(): Ajv2020 {
  if (!ajv) {
    ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, verbose: true });
    addFormats.default(ajv, ["date", "email"]);
    // Marks properties that never reach the client's pack; it validates nothing.
    ajv.addKeyword({ keyword: "internal", schemaType: "boolean" });
    ajv.addSchema(readSchema(COMMON_SCHEMA), COMMON_SCHEMA);
    for (const kind of KIND_NAMES) ajv.addSchema(readSchema(RECORD_KINDS[kind].schema), RECORD_KINDS[kind].schema);
  }
  return ajv;
}

/** Compiled once per process, on first use. */
export function validatorFor(kind: RecordKind): ValidateFunction {
  let validate = validators.get(kind);
  if (!validate) {
    validate = instance().getSchema(RECORD_KINDS[kind].schema) as ValidateFunction;
    validators.set(kind, validate);
  }
  return validate;
}

const resolved = new Map<RecordKind, AnySchemaObject>();

/** A schema with every `$ref` into the common schema replaced by the definition it names; built once. */
export function resolvedSchema(kind: RecordKind): AnySchemaObject {
  let schema = resolved.get(kind);
  if (!schema) {
    schema = resolveCommonRefs(readSchema(RECORD_KINDS[kind].schema));
    resolved.set(kind, schema);
  }
  return schema;
}

function resolveCommonRefs(schema: AnySchemaObject): AnySchemaObject {
  const common = readSchema(COMMON_SCHEMA);
  const resolve = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(resolve);
    if (node === null || typeof node !== "object") return node;
    const { $ref, ...rest } = node as Record<string, unknown>;
    const resolved = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, resolve(value)]));
    if (typeof $ref !== "string") return resolved;
    const name = $ref.replace(/^(common\.schema\.json)?#\/\$defs\//, "");
    const target = resolve((common.$defs as Record<string, unknown>)[name]) as Record<string, unknown>;
    return { ...target, ...resolved };
  };
  return resolve(schema) as AnySchemaObject;
}

/** Paths of the properties a schema marks `internal: true`, for example `["money"]`. */
export function internalPaths(kind: RecordKind): string[][] {
  const paths: string[][] = [];
  const walk = (schema: AnySchemaObject, path: string[]) => {
    for (const [name, property] of Object.entries((schema.properties ?? {}) as Record<string, AnySchemaObject>)) {
      if (property.internal === true) paths.push([...path, name]);
      else walk(property, [...path, name]);
    }
  };
  walk(resolvedSchema(kind), []);
  return paths;
}
