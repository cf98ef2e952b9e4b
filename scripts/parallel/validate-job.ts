import type { Problem } from "../lib/problems.ts";
import { loadClient } from "../load/load-client.ts";
import type { ClientModel } from "../model/types.ts";
import { validateClient } from "../rules/index.ts";
import { defineJob } from "./client-pool.ts";

/** A client read and validated: the first step of every per-client job. */
export async function loadAndValidate(root: string, slug: string): Promise<{ model: ClientModel; problems: Problem[]; records: number }> {
  const loaded = loadClient(root, slug);
  const { model, problems } = await validateClient(loaded);
  return { model, problems, records: loaded.records.length };
}

export interface ValidateJobResult {
  problems: Problem[];
  records: number;
}

/** One client's validation problems; its model is not kept, so memory stays flat over any number of clients. */
export const job = defineJob(import.meta.url, async ({ root }: { root: string }, slug): Promise<ValidateJobResult> => {
  const { problems, records } = await loadAndValidate(root, slug);
  return { problems, records };
});
