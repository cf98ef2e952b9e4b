import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { AnySchemaObject } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { RECORD_REFERENCE_FILE, recordReferenceSource } from "../scripts/gen/record-reference.ts";
import { RECORD_TYPES_FILE, recordTypesSource } from "../scripts/gen/record-types.ts";
import { KIND_NAMES } from "../scripts/model/kinds.ts";
import { validatorsSource } from "../scripts/gen/validators.ts";
import { decidedSchema, internalPaths, resolvedSchema, validatorFor, VALIDATORS_FILE } from "../scripts/schema/registry.ts";

/** Every property schema of a kind, with its dotted path. */
function properties(schema: AnySchemaObject, prefix = ""): [string, AnySchemaObject][] {
  const own = Object.entries((schema.properties ?? {}) as Record<string, AnySchemaObject>);
  return own.flatMap(([name, property]) => {
    const path = `${prefix}${name}`;
    const field = decidedSchema(property);
    const nested = field.type === "array" ? (field.items as AnySchemaObject) : field;
    return [[path, field] as [string, AnySchemaObject], ...properties(nested ?? {}, `${path}.`)];
  });
}

describe.each(KIND_NAMES)("the %s schema", (kind) => {
  const schema = resolvedSchema(kind);

  it("has a compiled validator that accepts a minimal record and refuses an unknown key", () => {
    const validate = validatorFor(kind);
    expect(validate({ unknownKey: 1 })).toBe(false);
    expect(validate.errors?.some((error) => error.keyword === "additionalProperties")).toBe(true);
  });

  it("describes every property", () => {
    const undescribed = properties(schema).filter(([, property]) => typeof property.description !== "string" || property.description.length < 10);
    expect(undescribed.map(([path]) => path)).toEqual([]);
  });

  it("admits no unknown properties at any level", () => {
    const objects = [["(record)", schema] as [string, AnySchemaObject], ...properties(schema)].filter(([, p]) => p.type === "object" || p.properties);
    // A map (no named properties, every value of one described kind) names no fields to misspell.
    const isMap = (p: AnySchemaObject) => p.properties === undefined && typeof p.additionalProperties === "object";
    expect(objects.filter(([, p]) => p.additionalProperties !== false && !isMap(p)).map(([path]) => path)).toEqual([]);
  });

  it("has no field that could hold a secret", () => {
    const secretish = properties(schema).filter(([path]) => /pass(word|wd|phrase|code)|secret|token|(^|\.)pin$|apikey|privatekey|(^|\.)key$/i.test(path));
    expect(secretish.map(([path]) => path)).toEqual([]);
  });

  it("refuses impossible dates in date fields", () => {
    const dates = properties(schema).filter(([, p]) => p.format === "date");
    expect(dates.length).toBeGreaterThan(0);
    expect(dates.every(([, p]) => p.type === "string")).toBe(true);
  });

  it("marks its internal notes internal", () => {
    expect(internalPaths(kind)).toContainEqual(["internalNotes"]);
  });
});

describe("internal properties", () => {
  it("cover who ended the relationship, money, and SLA evidence", () => {
    expect(internalPaths("client")).toEqual(expect.arrayContaining([["ending"], ["money"], ["offboarding", "paperworkFiledOn"]]));
    expect(internalPaths("contract")).toEqual(expect.arrayContaining([["slaEvidence"]]));
  });
});

describe("files derived from the schemas", () => {
  it("record types are up to date (run `npm run generate`)", async () => {
    expect(readFileSync(fileURLToPath(RECORD_TYPES_FILE), "utf8")).toBe(await recordTypesSource());
  });

  it("the record reference is up to date (run `npm run generate`)", () => {
    expect(readFileSync(fileURLToPath(RECORD_REFERENCE_FILE), "utf8")).toBe(recordReferenceSource());
  });
});

describe("the compiled validators", () => {
  it("are up to date with the schemas (run `npm run generate`)", () => {
    expect(readFileSync(fileURLToPath(VALIDATORS_FILE), "utf8")).toBe(validatorsSource());
  });
});
