import type { Problem } from "../lib/problems.ts";
import { loadClient } from "../load/load-client.ts";
import { validateClient } from "../rules/index.ts";
import { defineJob } from "./client-pool.ts";

export interface ValidateJobResult {
  problems: Problem[];
  records: number;
}

/** One client's validation problems; its model is not kept, so memory stays flat over any number of clients. */
export const job = defineJob(import.meta.url, async ({ root }: { root: string }, slug): Promise<ValidateJobResult> => {
  const loaded = loadClient(root, slug);
  const { problems } = await validateClient(loaded);
  return { problems, records: loaded.records.length };
});
