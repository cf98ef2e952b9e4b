import { provenance } from "./git/provenance.ts";
import { compareProblems, type Problem } from "./lib/problems.ts";
import { runPerClient } from "./parallel/client-pool.ts";
import { job as checkJob } from "./parallel/check-job.ts";
import type { StatusRow } from "./render/status.ts";
import { repositoryScope } from "./validate-repository.ts";

export interface CheckResult {
  root: string;
  /** Validation problems plus every client's readiness and always-on rules, sorted. */
  problems: Problem[];
  /** One readiness row a client, in slug order; none when the playbook has errors. */
  rows: StatusRow[];
  clients: number;
  records: number;
}

/** What `handover check` (and `release`, before it tags) reports: on every CPU for a large repository. */
export async function checkRepository(root: string, requested: readonly string[], today: string): Promise<CheckResult> {
  const scope = repositoryScope(root, requested);
  const context = { root: scope.root, playbook: scope.playbook, today, history: await provenance(scope.root) };
  const results = await runPerClient(checkJob, context, scope.slugs);
  return {
    root: scope.root,
    problems: [...scope.problems, ...results.flatMap((result) => result.problems)].sort(compareProblems),
    rows: results.flatMap((result) => (result.row ? [result.row] : [])),
    clients: scope.slugs.length,
    records: results.reduce((sum, result) => sum + result.records, 0),
  };
}
