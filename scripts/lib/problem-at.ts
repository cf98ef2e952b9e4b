import { locate } from "../load/frontmatter.ts";
import type { Point, Problem, Severity } from "./problems.ts";
import type { LoadedRecord } from "../model/types.ts";

/** Client slug of a root-relative path `clients/<slug>/…`. */
export function clientOf(path: string): string | undefined {
  const [top, slug] = path.split("/");
  return top === "clients" && slug ? slug : undefined;
}

export function problemAt(file: string, point: Point, rule: string, message: string, severity: Severity = "error"): Problem {
  return { client: clientOf(file), file, line: point.line, column: point.column, severity, rule, message };
}

/** A problem at an offset of the record's text. */
export function problemAtOffset(record: LoadedRecord, offset: number, rule: string, message: string, severity: Severity = "error"): Problem {
  return problemAt(record.source.path, record.source.toPoint(offset), rule, message, severity);
}

/** A problem at a frontmatter field, for example `["notice", "date"]`; at its key when `part` is "key". */
export function problemAtField(
  record: LoadedRecord,
  path: readonly (string | number)[],
  rule: string,
  message: string,
  severity: Severity = "error",
  part: "key" | "value" = "value",
): Problem {
  const offset = record.frontmatter ? locate(record.frontmatter, path, part) : 0;
  return problemAtOffset(record, offset, rule, message, severity);
}
