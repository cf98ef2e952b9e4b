import type { Provenance } from "../git/provenance.ts";
import { intactPack, type Manifest } from "../pack/write-pack.ts";
import { packInputsHash, readClientInputs } from "../site/pack-inputs.ts";
import { defineJob } from "./client-pool.ts";

export interface InputsJobContext {
  root: string;
  /** The hash of what every pack of the build shares (sharedInputsHash). */
  shared: string;
  history: Provenance | undefined;
  /** The build date: an uncommitted record changed on it. */
  date: string;
  /** The output folder whose packs may be reused. */
  out: string;
}

export interface InputsJobResult {
  /** The hash of the client's pack inputs, from its files read and never parsed. */
  inputs: string;
  records: number;
  /** The pack in the output folder, when it was made from these inputs and is exactly as this tool wrote it. */
  pack: Manifest | undefined;
}

/** One client's pack inputs and whether its pack may be reused; none when a record cannot be read. */
export const job = defineJob(import.meta.url, async ({ root, shared, history, date, out }: InputsJobContext, slug): Promise<InputsJobResult | undefined> => {
  const client = readClientInputs(root, slug);
  if (!client) return undefined;
  const inputs = packInputsHash(shared, client, history, date);
  return { inputs, records: client.records.length, pack: intactPack(out, slug, inputs) };
});
