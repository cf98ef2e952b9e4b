import { printable } from "../lib/printable.ts";
import type { Problem } from "../lib/problems.ts";
import type { DroppedColumn, SourceSystem } from "./export-data.ts";
import { shown } from "./firewall.ts";
import type { ImportOutcome } from "./import-client.ts";
import type { Provenance } from "./planned-record.ts";

/**
 * What an import did, or with `--dry-run` would do: records created, changed and unchanged, the
 * records whose item left the source (kept), what was left out, the columns dropped as secret
 * with their counts, and where a value was withheld. Never a value: only paths, field and column
 * names, counts and the source's ids.
 */
export interface ImportReport {
  source: SourceSystem;
  slug: string;
  dryRun: boolean;
  /** Whether the client folder was there before. */
  existed: boolean;
  created: string[];
  changed: { path: string; updated: string[] }[];
  unchanged: number;
  /** Fields and body parts a tech changed where the source changed too: the tech's are kept. */
  kept: { path: string; fields: string[] }[];
  removedInSource: (Provenance & { path: string; reason: string })[];
  skipped: (Provenance & { reason: string })[];
  dropped: DroppedColumn[];
  withheld: (Provenance & { path: string; fields: string[] })[];
  /** Fields left `to-decide` in the client's records after the import; undefined for a dry run. */
  toDecide: number | undefined;
  problems: Problem[];
}

export function importReport(outcome: ImportOutcome, source: SourceSystem, dryRun: boolean, toDecide: number | undefined, problems: readonly Problem[]): ImportReport {
  const files = outcome.plan?.files ?? [];
  return {
    source,
    slug: outcome.slug,
    dryRun,
    existed: outcome.existed,
    created: files.filter((file) => file.status === "created").map((file) => file.path),
    changed: files.filter((file) => file.status === "changed").map(({ path, updated }) => ({ path, updated })),
    unchanged: files.filter((file) => file.status === "unchanged").length,
    kept: files.filter((file) => file.kept.length > 0).map(({ path, kept }) => ({ path, fields: kept })),
    removedInSource: (outcome.plan?.removed ?? []).map(({ path, provenance, reason }) => ({ path, ...provenance, reason })),
    skipped: outcome.skipped.map(({ provenance, reason }) => ({ ...provenance, reason })),
    dropped: outcome.dropped.map(({ file, column, values }) => ({ file: shown(file), column: shown(column), values })),
    withheld: files.filter((file) => file.withheld.length > 0).map(({ path, provenance, withheld }) => ({ path, ...provenance, fields: withheld })),
    toDecide,
    problems: [...problems],
  };
}

const plural = (count: number, word: string) => `${count} ${count === 1 ? word : `${word}s`}`;

/** The report as a tech reads it, `clients/<slug>/` paths first in every line. */
export function formatImportText(report: ImportReport): string {
  const dir = `clients/${report.slug}`;
  const would = report.dryRun ? "would be " : "";
  const lines: string[] = [
    report.dryRun
      ? `Dry run: nothing was written. Importing this ${report.source} export ${report.existed ? `would update ${dir}/` : `would create ${dir}/`}:`
      : `Imported the ${report.source} export ${report.existed ? `into ${dir}/` : `as ${dir}/`}:`,
    `  ${plural(report.created.length, "record")} ${would}created, ${report.changed.length} ${would}changed, ${report.unchanged} unchanged`,
  ];
  const list = (title: string, entries: string[]) => {
    if (entries.length > 0) lines.push("", title, ...entries.map((entry) => `  ${printable(entry)}`));
  };
  list(report.dryRun ? "Would create:" : "Created:", report.created.map((path) => `${dir}/${path}`));
  list(
    report.dryRun ? "Would change:" : "Changed:",
    report.changed.map(({ path, updated }) => `${dir}/${path}: ${updated.length > 0 ? `${updated.join(", ")} from the source` : "what it records of the import"}`),
  );
  list(
    "Kept as a tech edited them, though the source changed them too (compare with the source):",
    report.kept.map(({ path, fields }) => `${dir}/${path}: ${fields.join(", ")}`),
  );
  list(
    "In the records but no longer imported from the source (kept, never deleted; remove them yourself if they are gone):",
    report.removedInSource.map(({ path, entity, id, reason }) => `${dir}/${path}: ${report.source} ${entity} ${id}, ${reason}`),
  );
  const reasons = new Map<string, number>();
  for (const { entity, reason } of report.skipped) reasons.set(`${entity} ${reason}`, (reasons.get(`${entity} ${reason}`) ?? 0) + 1);
  list("Left out:", [...reasons].map(([what, count]) => `${count} × ${what}`));
  list(
    "Columns dropped as secret, never read:",
    report.dropped.map(({ file, column, values }) => `${file}: ${column} (${plural(values, "value")})`),
  );
  list(
    "Values withheld because they hold a secret (find them in the source; the value was not copied):",
    report.withheld.map(({ path, entity, id, fields }) => `${dir}/${path}: ${fields.join(", ")} of ${report.source} ${entity} ${id}`),
  );
  if (!report.dryRun) {
    lines.push(
      "",
      `Next: \`handover check ${report.slug}\` lists the ${plural(report.toDecide ?? 0, "fact")} to decide (each \`to-decide\`: owners, dispositions, handovers, risks); ` +
        "move withheld secrets into your password manager, never into the records; then commit the client folder.",
    );
  }
  return `${lines.join("\n")}\n`;
}

/** The report as one JSON object, with a fixed key order so the output can be diffed. */
export function formatImportJson(report: ImportReport, ok: boolean): string {
  const problems = report.problems.map(({ client, file, line, column, severity, rule, message }) => ({ client: client ?? null, file, line, column, severity, rule, message }));
  return `${JSON.stringify({ ok, ...report, toDecide: report.toDecide ?? null, problems }, null, 2)}\n`;
}
