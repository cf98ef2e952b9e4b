import type { Point, Problem, Severity } from "../../lib/problems.ts";

/** The rule id of every problem found in a platform's export itself, before any record exists. */
export const RULE = "import-source";

/** A problem at a place in an export file (`file` relative to the export, `/`-separated). */
export function exportProblem(file: string, point: Point, message: string, severity: Severity = "error"): Problem {
  return { client: undefined, file, line: point.line, column: point.column, severity, rule: RULE, message };
}
