import { deriveClient, type Purpose } from "../derive/derive-client.ts";
import type { Provenance } from "../git/provenance.ts";
import type { Problem } from "../lib/problems.ts";
import type { Playbook } from "../model/playbook.generated.ts";
import { statusRow, type StatusRow } from "../render/status.ts";
import { defineJob } from "./client-pool.ts";
import { loadAndValidate } from "./validate-job.ts";

export interface CheckJobContext {
  root: string;
  playbook: Playbook | undefined;
  today: string;
  history: Provenance | undefined;
  purpose: Purpose;
}

export interface CheckJobResult {
  /** Validation problems, then readiness and the always-on rules. */
  problems: Problem[];
  records: number;
  /** The client's readiness row; none when the playbook has errors. */
  row: StatusRow | undefined;
}

/** What `handover check` reports of one client, with readiness for the purpose (`check`, `release` or a draft). */
export const job = defineJob(import.meta.url, async ({ root, playbook, today, history, purpose }: CheckJobContext, slug): Promise<CheckJobResult> => {
  const { model, problems, records } = await loadAndValidate(root, slug);
  const derived = deriveClient(model, playbook, today, history, purpose);
  return {
    problems: [...problems, ...derived.problems],
    records,
    row: derived.checklist ? statusRow(model, derived.checklist, today, problems) : undefined,
  };
});
