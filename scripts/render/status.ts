import type { Checklist } from "../derive/checklist.ts";
import { daysBetween } from "../lib/dates.ts";
import type { Problem } from "../lib/problems.ts";
import type { ClientModel } from "../model/types.ts";

export interface StatusRow {
  client: string;
  name: string;
  status: string;
  /** The first phase with an open step; `done` when every step is, `-` with no checklist. */
  phase: string;
  done: number;
  applicable: number;
  blockers: number;
  /** Days until services stop (negative once they have), or null with no stop date. */
  daysUntilStop: number | null;
  /** Validation errors: records with errors are left out of the counts above. */
  errors: number;
}

export function statusRow(model: ClientModel, checklist: Checklist, today: string, problems: readonly Problem[]): StatusRow {
  const stop = model.case?.data.servicesStop;
  const open = checklist.phases.find((phase) => phase.items.some((item) => !item.done));
  return {
    client: model.slug,
    name: model.case?.data.name ?? model.slug,
    status: model.case?.data.status ?? "invalid",
    phase: checklist.items.length === 0 ? "-" : (open?.id ?? "done"),
    done: checklist.items.filter((item) => item.done).length,
    applicable: checklist.items.length,
    blockers: checklist.items.filter((item) => !item.done && item.step.blocking).length,
    daysUntilStop: stop ? daysBetween(today, stop) : null,
    errors: problems.filter((problem) => problem.severity === "error").length,
  };
}

const COLUMNS: [string, (row: StatusRow) => string][] = [
  ["client", (row) => row.client],
  ["status", (row) => row.status],
  ["phase", (row) => row.phase],
  ["steps", (row) => `${row.done}/${row.applicable}`],
  ["blockers", (row) => String(row.blockers)],
  // Errors in the records, not readiness: an open blocker past the stop date fails `check` with none.
  ["record errors", (row) => String(row.errors)],
  ["stops in", (row) => (row.daysUntilStop === null ? "-" : row.daysUntilStop < 0 ? `${days(-row.daysUntilStop)} ago` : row.daysUntilStop === 0 ? "today" : days(row.daysUntilStop))],
];

const days = (count: number) => `${count} ${count === 1 ? "day" : "days"}`;

/** A plain table for the terminal, columns padded to fit. */
export function renderStatusTable(rows: readonly StatusRow[]): string {
  const cells = [COLUMNS.map(([title]) => title), ...rows.map((row) => COLUMNS.map(([, cell]) => cell(row)))];
  const widths = COLUMNS.map((_, index) => Math.max(...cells.map((line) => (line[index] ?? "").length)));
  return `${cells.map((line) => line.map((cell, index) => cell.padEnd(widths[index] ?? 0)).join("  ").trimEnd()).join("\n")}\n`;
}

/** The Markdown table appended to a GitHub Actions job summary. */
export function renderStatusSummary(rows: readonly StatusRow[]): string {
  const escape = (text: string) => text.replace(/\s+/g, " ").replace(/[|\\<>`*_[\]#]/g, (char) => `\\${char}`);
  const lines = [
    "### Handover readiness",
    "",
    "| client | status | steps done | blockers | record errors |",
    "| --- | --- | --- | --- | --- |",
    ...rows.map((row) => `| ${escape(row.name)} (\`${row.client}\`) | ${row.status} | ${row.done} of ${row.applicable} | ${row.blockers} | ${row.errors} |`),
  ];
  return `${lines.join("\n")}\n\n`;
}
