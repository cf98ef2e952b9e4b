import { fileURLToPath } from "node:url";
import type { AnySchemaObject } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { KIND_NAMES, type RecordKind } from "../scripts/model/kinds.ts";
import { resolvedSchema } from "../scripts/schema/registry.ts";
import { validateRepository } from "../scripts/validate-repository.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Dotted paths of every property a schema defines, list items as `[]`. */
function schemaPaths(schema: AnySchemaObject, prefix = ""): string[] {
  return Object.entries((schema.properties ?? {}) as Record<string, AnySchemaObject>).flatMap(([name, property]) => {
    const path = `${prefix}${name}`;
    if (property.type === "array" && property.items?.type === "object") return [path, ...schemaPaths(property.items, `${path}[].`)];
    return [path, ...schemaPaths(property, `${path}.`)];
  });
}

/** Dotted paths present in a record's data, in the same notation. */
function dataPaths(value: unknown, prefix = ""): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => (item && typeof item === "object" ? dataPaths(item, `${prefix.slice(0, -1)}[].`) : []));
  if (!value || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, inner]) => [`${prefix}${key}`, ...dataPaths(inner, `${prefix}${key}.`)]);
}

describe("the shipped example clients", async () => {
  const result = await validateRepository(ROOT);

  it("validate with no problem", () => {
    expect(result.problems).toEqual([]);
    expect(result.clients.map((client) => [client.model.slug, client.model.case?.data.status])).toEqual([
      ["harbor-finch", "offboarding"],
      ["lakeside-dental", "handed-over"],
    ]);
  });

  it.each(KIND_NAMES)("use every field of the %s schema", (kind: RecordKind) => {
    const used = new Set(
      result.clients.flatMap(({ loaded }) => loaded.records.filter((r) => r.kind === kind).flatMap((r) => dataPaths(r.frontmatter?.data))),
    );
    expect(schemaPaths(resolvedSchema(kind)).filter((path) => !used.has(path))).toEqual([]);
  });

  it("include internal material of every kind, for the pack's leak tests", () => {
    const records = result.clients.flatMap(({ loaded }) => loaded.records);
    expect(records.some((r) => r.frontmatter?.data.audience === "internal")).toBe(true);
    expect(records.some((r) => r.body.sections.some((section) => section.internal))).toBe(true);
  });
});
