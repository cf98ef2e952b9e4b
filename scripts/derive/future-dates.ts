import type { AnySchemaObject } from "ajv/dist/2020.js";
import { fieldName } from "../lib/field-path.ts";
import { problemAtField } from "../lib/problem-at.ts";
import type { Problem } from "../lib/problems.ts";
import { isToDecide } from "../model/to-decide.ts";
import type { ClientModel, ValidRecord } from "../model/types.ts";
import { decidedSchema, resolvedSchema } from "../schema/registry.ts";

export const RULE = "future-date";

/**
 * A date that records something done (a memo sent, a backup verified, a signature) cannot lie
 * after today: evidence dated tomorrow would tick a step that has not happened. Only dates the
 * schemas mark `planned` may be in the future.
 */
export function checkFutureDates(model: ClientModel, today: string): Problem[] {
  const records: ValidRecord[] = [...(model.case ? [model.case] : []), ...model.contracts, ...model.assets, ...model.issues, ...model.backups, ...model.access, ...model.docs];
  return records.flatMap((record) => {
    const found: Problem[] = [];
    const walk = (schema: AnySchemaObject, value: unknown, path: (string | number)[]) => {
      // `to-decide` is no date: check lists it as a step to decide.
      if (schema.format === "date" && !schema.planned && typeof value === "string" && !isToDecide(value) && value > today) {
        found.push(problemAtField(record, path, RULE, `\`${fieldName(path)}\` is ${value}, after today (${today}): record a fact once it has happened`));
      } else if (Array.isArray(value) && schema.items) {
        value.forEach((item, index) => walk(schema.items as AnySchemaObject, item, [...path, index]));
      } else if (value && typeof value === "object") {
        for (const [key, inner] of Object.entries(value)) {
          const property = ((schema.properties ?? {}) as Record<string, AnySchemaObject>)[key];
          if (property) walk(decidedSchema(property), inner, [...path, key]);
        }
      }
    };
    walk(resolvedSchema(record.kind), record.data, []);
    return found;
  });
}
