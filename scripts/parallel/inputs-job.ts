import type { Provenance } from "../git/provenance.ts";
import { packInputsHash, readClientInputs } from "../site/pack-inputs.ts";
import { defineJob } from "./client-pool.ts";

export interface InputsJobContext {
  root: string;
  /** The hash of what every pack of the build shares (sharedInputsHash). */
  shared: string;
  history: Provenance | undefined;
  /** The build date: an uncommitted record changed on it. */
  date: string;
}

/** The hash of one client's pack inputs, from its files read and never parsed; none when a record cannot be read. */
export const job = defineJob(import.meta.url, async ({ root, shared, history, date }: InputsJobContext, slug): Promise<{ inputs: string; records: number } | undefined> => {
  const client = readClientInputs(root, slug);
  return client && { inputs: packInputsHash(shared, client, history, date), records: client.records.length };
});
