import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import standaloneCode from "ajv/dist/standalone/index.js";
import { COMMON_SCHEMA, readSchema, VALIDATED_SCHEMAS } from "../schema/registry.ts";

/** The ajv instance the validators are compiled with: strict, every error, with the schema beside each. */
export function createAjv(code?: { source: true }): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true, verbose: true, ...(code ? { code } : {}) });
  addFormats.default(ajv, ["date", "email"]);
  // Annotations, validating nothing: `internal` properties never reach the client's pack;
  // `planned` dates may lie in the future, every other date records something that happened.
  ajv.addKeyword({ keyword: "internal", schemaType: "boolean" });
  ajv.addKeyword({ keyword: "planned", schemaType: "boolean" });
  ajv.addSchema(readSchema(COMMON_SCHEMA), COMMON_SCHEMA);
  for (const file of Object.keys(VALIDATED_SCHEMAS)) ajv.addSchema(readSchema(file), file);
  return ajv;
}


/** The schemas compiled to plain JavaScript with ajv's standalone code, so no command compiles them at start-up. */
export function validatorsSource(): string {
  const exports = Object.fromEntries(Object.entries(VALIDATED_SCHEMAS).map(([file, name]) => [name, file]));
  return `// Generated from schemas/*.schema.json by \`npm run generate\`. Do not edit.\n${standaloneCode.default(createAjv({ source: true }), exports)}\n`;
}
