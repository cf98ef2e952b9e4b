/** A problem found in the records, always tied to a place a tech can open. */
export type Severity = "error" | "warning";

export interface Problem {
  /** Client slug, or undefined for problems outside any client folder. */
  client: string | undefined;
  /** Path relative to the data root, with `/` separators. */
  file: string;
  line: number;
  column: number;
  severity: Severity;
  /** Id of the rule that found it, for example `schema` or `backup-restore-section`. */
  rule: string;
  message: string;
}

export interface Point {
  line: number;
  column: number;
}

export const START: Point = { line: 1, column: 1 };

export function compareProblems(a: Problem, b: Problem): number {
  return (
    compareText(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareText(a.rule, b.rule) ||
    compareText(a.message, b.message)
  );
}

/** Locale-free comparison so output never depends on the machine's language. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === "error");
}
