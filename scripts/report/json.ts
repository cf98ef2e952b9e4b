import { hasErrors, type Problem } from "../lib/problems.ts";

/** `{"ok": bool, "problems": [...]}` with a fixed key order, so the output can be diffed. */
export function formatJson(problems: readonly Problem[]): string {
  const rows = problems.map(({ client, file, line, column, severity, rule, message }) => ({
    client: client ?? null,
    file,
    line,
    column,
    severity,
    rule,
    message,
  }));
  return `${JSON.stringify({ ok: !hasErrors(problems), problems: rows }, null, 2)}\n`;
}
