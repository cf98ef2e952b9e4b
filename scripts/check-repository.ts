import type { Purpose } from "./derive/derive-client.ts";
import { provenance } from "./git/provenance.ts";
import { runPerClient } from "./parallel/client-pool.ts";
import { job as checkJob } from "./parallel/check-job.ts";
import type { StatusRow } from "./render/status.ts";
import { gatherResults, repositoryScope, type Checked } from "./validate-repository.ts";

/** Validation problems plus every client's readiness and always-on rules, sorted. */
export interface CheckResult extends Checked {
  root: string;
  /** One readiness row a client, in slug order; none when the playbook has errors. */
  rows: StatusRow[];
}

/**
 * What `handover check` reports, or `release` before it tags (with readiness for its purpose): on
 * every CPU for a large repository.
 */
export async function checkRepository(root: string, requested: readonly string[], today: string, purpose: Purpose = "check"): Promise<CheckResult> {
  const scope = repositoryScope(root, requested);
  const context = { root: scope.root, playbook: scope.playbook, today, history: await provenance(scope.root), purpose };
  const results = await runPerClient(checkJob, context, scope.slugs);
  return { root: scope.root, ...gatherResults(scope.problems, results), rows: results.flatMap((result) => (result.row ? [result.row] : [])) };
}
