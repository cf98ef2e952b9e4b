import type { AnySchemaObject, ErrorObject } from "ajv/dist/2020.js";
import { didYouMean } from "../lib/suggest.ts";
import { fieldName } from "../lib/field-path.ts";
import { TO_DECIDE } from "../model/to-decide.ts";
import { dereference, readSchema } from "./registry.ts";

/** Keys that would put a secret into a record; the register records who has a credential, not the credential. */
const SECRET_KEY = /pass(word|wd|phrase|code)?$|^pwd$|secret|token|^pin$|api[-_]?key|private[-_]?key|^key$/i;

/**
 * ajv's errors as messages a tech understands, each with the field path it belongs at: unknown
 * keys with "did you mean", missing keys with their description and the condition requiring them.
 */
export function explainSchemaErrors(schemaFile: string, errors: readonly ErrorObject[]): Explanation[] {
  const seen = new Set<string>();
  const explanations: Explanation[] = [];
  // A misspelt key (`ownr`) also leaves the key it meant missing; "did you mean `owner`?" says both.
  const misspelt = new Set(errors.flatMap((error) => (error.keyword === "additionalProperties" ? [keyAt(pointerPath(error.instancePath), suggestionFor(error))] : [])));
  // A field that may also be `to-decide` fails both branches of its `anyOf`: the field's own error
  // says what is wrong.
  const decidable = new Set(errors.filter(isToDecideBranch).map((error) => error.instancePath));
  for (const error of errors) {
    // An `if` failure only says "must match then"; the error beside it says what is wrong.
    if (error.keyword === "if") continue;
    if (isToDecideBranch(error) || (error.keyword === "anyOf" && decidable.has(error.instancePath))) continue;
    if (error.keyword === "required" && misspelt.has(keyAt(pointerPath(error.instancePath), String(error.params.missingProperty)))) continue;
    const explanation = describe(schemaFile, error, pointerPath(error.instancePath));
    const key = `${fieldName(explanation.at)}\u0000${explanation.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    explanations.push(explanation);
  }
  return explanations;
}

function isToDecideBranch(error: ErrorObject): boolean {
  return error.keyword === "const" && error.params.allowedValue === TO_DECIDE;
}

/** The known key an unknown one was probably meant to be, unless it looks like a secret's key. */
function suggestionFor(error: ErrorObject): string | undefined {
  const key = String(error.params.additionalProperty);
  if (SECRET_KEY.test(key)) return undefined;
  return didYouMean(key, Object.keys(((error.parentSchema ?? {}) as AnySchemaObject).properties ?? {}));
}

function keyAt(path: (string | number)[], key: string | undefined): string {
  return `${fieldName(path)}\u0000${key ?? ""}`;
}

function pointerPath(pointer: string): (string | number)[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

export interface Explanation {
  message: string;
  /** Where the problem is: the field, or for a missing key its parent. */
  at: (string | number)[];
  part: "key" | "value";
}

function describe(schemaFile: string, error: ErrorObject, path: (string | number)[]): Explanation {
  const field = `\`${fieldName(path)}\``;
  const parent = (error.parentSchema ?? {}) as AnySchemaObject;
  const data: unknown = error.data;
  const value = (message: string): Explanation => ({ message, at: path, part: "value" });
  switch (error.keyword) {
    case "additionalProperties": {
      const key = String(error.params.additionalProperty);
      const allowed = Object.keys((parent.properties ?? {}) as object);
      const suggestion = suggestionFor(error);
      const where = path.length > 0 ? ` in ${field}` : "";
      let message = `unknown key \`${key}\`${where}`;
      if (SECRET_KEY.test(key)) message += "; records never hold passwords, keys or tokens: remove it and record in access/ who received the credential";
      else if (suggestion) message += ` — did you mean \`${suggestion}\`?`;
      else message += `; allowed keys: ${allowed.map((name) => `\`${name}\``).join(", ")}`;
      return { message, at: [...path, key], part: "key" };
    }
    case "required": {
      const missing = String(error.params.missingProperty);
      const property = propertySchema(schemaFile, [...path, missing]);
      const name = `\`${fieldName([...path, missing])}\``;
      const because = conditionOf(schemaFile, error.schemaPath);
      const about = property?.description ? `: ${String(property.description)}` : "";
      return { message: `missing ${name}${because}${about}`, at: path, part: path.length > 0 ? "key" : "value" };
    }
    case "enum": {
      const allowed = (error.params.allowedValues as unknown[]).map(String);
      const suggestion = typeof data === "string" ? didYouMean(data, allowed) : undefined;
      const hint = suggestion ? ` — did you mean \`${suggestion}\`?` : "";
      return value(`${field} must be one of ${allowed.map((name) => `\`${name}\``).join(", ")}${hint}`);
    }
    case "const":
      return value(`${field} must be \`${String(error.params.allowedValue)}\``);
    case "type":
      return value(typeMessage(field, String(error.params.type), data));
    case "format":
      return value(formatMessage(field, String(error.params.format), data));
    case "pattern":
      if (parent.pattern === "^[^\\r\\n]+$") return value(`${field} must fit on one line`);
      return value(
        parent.pattern === "^[a-z0-9][a-z0-9-]*$"
          ? `${field} must name a record by its file name without \`.md\`: lowercase letters, digits and hyphens`
          : `${field} is not in the expected form. ${String(parent.description ?? "")}`.trim(),
      );
    case "minLength":
      return value(`${field} must not be empty`);
    case "minimum":
    case "maximum":
      return value(`${field} must be ${error.keyword === "minimum" ? "at least" : "at most"} ${String(error.params.limit)}`);
    case "uniqueItems":
      return value(`${field} lists the same entry twice (items ${String(error.params.j)} and ${String(error.params.i)}, counting from 0)`);
    default:
      return value(`${path.length > 0 ? field : "the record"} ${error.message ?? "is not valid"}`);
  }
}

function typeMessage(field: string, expected: string, data: unknown): string {
  if (expected === "boolean") {
    const hint = typeof data === "string" && /^(yes|no|on|off|y|n|true|false)$/i.test(data)
      ? ` (YAML 1.2 reads \`${data}\` as text)`
      : "";
    return `${field} must be \`true\` or \`false\`${hint}`;
  }
  if (expected === "string") {
    return typeof data === "number" || typeof data === "boolean"
      ? `${field} must be text: put the value in quotes`
      : `${field} must be text`;
  }
  if (expected === "integer" || expected === "number") {
    const whole = expected === "integer" ? "a whole number" : "a number";
    return typeof data === "string" ? `${field} must be ${whole}: write it without quotes or units` : `${field} must be ${whole}`;
  }
  if (expected === "object") return `${field} must be a group of \`key: value\` fields indented under it`;
  if (expected === "array") return `${field} must be a list: one \`- item\` per line under it`;
  return `${field} must be of type ${expected}`;
}

function formatMessage(field: string, format: string, data: unknown): string {
  if (format === "date") {
    return typeof data === "string" && /^\d{4}-\d{2}-\d{2}$/.test(data)
      ? `${field} is not a real calendar date; check the day and month`
      : `${field} must be a date written YYYY-MM-DD, for example 2026-11-01`;
  }
  if (format === "email") return `${field} must be an e-mail address, for example name@example.com`;
  return `${field} must be a valid ${format}`;
}

/** The resolved schema of the property at `path`, where its description lives even when an if/then requires it. */
function propertySchema(schemaFile: string, path: readonly (string | number)[]): AnySchemaObject | undefined {
  let schema: AnySchemaObject | undefined = readSchema(schemaFile);
  for (const segment of path) {
    if (!schema) return undefined;
    const container: AnySchemaObject = dereference(schemaFile, schema);
    schema = typeof segment === "number" ? (container.items as AnySchemaObject | undefined) : (container.properties as Record<string, AnySchemaObject> | undefined)?.[segment];
  }
  return schema && dereference(schemaFile, schema);
}

/** " (required when `disposition` is `ends`)" for a `required` that sits in an if/then of the schema. */
function conditionOf(schemaFile: string, schemaPath: string): string {
  const match = /^#\/allOf\/(\d+)\/then\//.exec(schemaPath);
  if (!match) return "";
  const branch = ((readSchema(schemaFile).allOf ?? []) as AnySchemaObject[])[Number(match[1])];
  const condition = (branch?.if ?? {}) as AnySchemaObject;
  // A condition on values names them; any other (a date that is not `to-decide`) reads as "is set".
  const byValue = Object.entries((condition.properties ?? {}) as Record<string, AnySchemaObject>).filter(([, rule]) => rule.const !== undefined || rule.enum !== undefined);
  const parts = byValue.map(([name, rule]) => {
    const values = rule.const !== undefined ? [rule.const] : (rule.enum as unknown[]);
    return `\`${name}\` is ${values.map((v) => `\`${String(v)}\``).join(" or ")}`;
  });
  for (const name of (condition.required ?? []) as string[]) {
    if (!byValue.some(([named]) => named === name)) parts.push(`\`${name}\` is set`);
  }
  return parts.length > 0 ? ` (required when ${parts.join(" and ")})` : "";
}
