import { lstatSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { location } from "vfile-location";
import { problemAt } from "../lib/problem-at.ts";
import { hasErrors, type Problem } from "../lib/problems.ts";
import { RULE as SECRETS_RULE } from "../rules/secrets.ts";
import { scanText } from "../secrets/scan.ts";
import { UsageError } from "../lib/usage-error.ts";
import { CLIENTS_DIR, loadClient } from "../load/load-client.ts";
import type { LoadedClient } from "../model/types.ts";
import { assertDisplayName, assertSlug, clientsDirFor } from "../scaffold/new-client.ts";
import { commitChange, type StepHook } from "./commit.ts";
import { holdingAny } from "./firewall.ts";
import type { DroppedColumn, ExportData } from "./export-data.ts";
import { exportedClientName } from "./map/client.ts";
import { mapExport } from "./map/index.ts";
import type { Skipped } from "./planned-record.ts";
import { planImport, type ImportPlan, type PlannedFile } from "./plan.ts";

export interface ImportRequest {
  root: string;
  slug: string;
  /** `--name`: the client's display name; else the export's. */
  name?: string;
  dryRun: boolean;
  /** For tests: a step that fails, to prove a failed import changes nothing. */
  hook?: StepHook;
}

export interface ImportOutcome {
  slug: string;
  /** Whether `clients/<slug>/` was there before. */
  existed: boolean;
  /** Undefined when the import was refused before planning: the problems say why. */
  plan: ImportPlan | undefined;
  /** What the export itself dropped as secret, by file and column, with counts. */
  dropped: DroppedColumn[];
  skipped: Skipped[];
  /** The export's problems and the records that stop an import; an error among them means nothing was planned or written. */
  problems: Problem[];
  written: boolean;
}

/**
 * Imports an export's records into `clients/<slug>/`: created with the same rules and refusals
 * as `handover new`, or brought up to date when it exists. Nothing is written when the export or
 * the client's records cannot be read safely, or with `dryRun`; otherwise the whole change is
 * written at once, or not at all.
 */
export function importClient(data: ExportData, request: ImportRequest): ImportOutcome {
  const { root, slug } = request;
  assertSlug(slug);
  if (request.name !== undefined) assertDisplayName(request.name);
  const clientsDir = clientsDirFor(root);
  const target = lstatSync(join(clientsDir, slug), { throwIfNoEntry: false });
  if (target && (!target.isDirectory() || target.isSymbolicLink())) {
    throw new UsageError(`${CLIENTS_DIR}/${slug} exists and is not a client folder; nothing was changed (pick another slug or move it away)`);
  }
  const existed = target !== undefined;
  const outcome: ImportOutcome = { slug, existed, plan: undefined, dropped: data.dropped, skipped: [], problems: [...data.problems], written: false };
  if (hasErrors(data.problems)) return outcome;

  const existing = existed ? loadClient(root, slug) : undefined;
  const unreadable = unreadableRecords(existing);
  if (unreadable.length > 0) return { ...outcome, problems: [...outcome.problems, ...unreadable] };

  // A client that exists keeps its name: a tech may have set it (with --name or by hand), and a
  // later export without --name must not put the platform's back.
  const name = request.name ?? (existing ? existingName(existing) : undefined) ?? exportedClientName(data);
  if (name === undefined) throw new UsageError('the export names no client: give its display name with --name "Display Name"');
  const mapping = mapExport(data, name);
  const plan = planImport(mapping, existing, `${CLIENTS_DIR}/${slug}`);
  const result = { ...outcome, plan, skipped: mapping.skipped, problems: [...outcome.problems, ...mapping.problems, ...plan.problems] };
  const leaks = secretsInPlan(plan);
  // Every value has passed the firewall, so this finds nothing unless the firewall has a gap: then
  // nothing is written, rather than a secret the checks after the write would find too late.
  if (leaks.length > 0) return { ...outcome, skipped: mapping.skipped, problems: [...result.problems, ...leaks] };
  if (request.dryRun) return result;

  const changes = plan.files.filter((file) => file.status !== "unchanged").map(({ path, text }) => ({ path, text }));
  mkdirSync(clientsDir, { recursive: true });
  commitChange(clientsDir, slug, changes, existed, request.hook);
  return { ...result, written: changes.length > 0 };
}

/**
 * Records the import cannot read its own marks in: it could neither match them to their items
 * nor merge into them. They are fixed first (`handover validate` shows them the same way).
 */
function unreadableRecords(client: LoadedClient | undefined): Problem[] {
  if (!client) return [];
  const unreadable = new Set(client.records.filter((record) => record.frontmatter === undefined).map((record) => record.source.path));
  return client.problems.filter((problem) => unreadable.has(problem.file) || problem.rule === "file-encoding");
}

function existingName(client: LoadedClient): string | undefined {
  const name = client.records.find((record) => record.kind === "client")?.frontmatter?.data.name;
  return typeof name === "string" ? name : undefined;
}

/**
 * Secrets in the files the plan would create or change, each where it would be: the last check
 * before anything is written. The firewall finds the files that hold one; only those are scanned
 * again on their own, for positions.
 */
export function secretsInPlan(plan: Pick<ImportPlan, "files">): Problem[] {
  const files = plan.files.filter((file) => file.status !== "unchanged");
  return [...holdingAny(files.map((file) => file.text), { read: false })].sort((a, b) => a - b).flatMap((index) => {
    const { path, text } = files[index] as PlannedFile;
    const points = location(text);
    return scanText(text).map((hit) =>
      problemAt(path, points.toPoint(hit.start) ?? { line: 1, column: 1 }, SECRETS_RULE, `the import would write what looks like a secret here (${hit.rule}, ${hit.end - hit.start} characters, hidden here), though every value passed the firewall; nothing was written. Remove it from the export, and report the shape`),
    );
  });
}
