import type { Problem } from "../lib/problems.ts";
import { printable } from "../lib/printable.ts";

/** `path:line:column severity message (rule)`, one block per file, then a one-line summary. */
export function formatText(problems: readonly Problem[], checked: { clients: number; records: number }): string {
  const lines: string[] = [];
  let file: string | undefined;
  for (const problem of problems) {
    if (problem.file !== file) {
      if (file !== undefined) lines.push("");
      file = problem.file;
    }
    lines.push(`${printable(problem.file)}:${problem.line}:${problem.column} ${problem.severity} ${printable(problem.message)} (${problem.rule})`);
  }
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  const scope = `${checked.clients} ${plural(checked.clients, "client")}, ${checked.records} ${plural(checked.records, "record")}`;
  if (lines.length > 0) lines.push("");
  lines.push(
    problems.length === 0
      ? `✔ ${scope}: no problems`
      : `✖ ${errors} ${plural(errors, "error")}, ${warnings} ${plural(warnings, "warning")} in ${new Set(problems.map((p) => p.file)).size} ${plural(new Set(problems.map((p) => p.file)).size, "file")} (${scope})`,
  );
  return `${lines.join("\n")}\n`;
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}
