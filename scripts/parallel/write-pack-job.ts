import { join } from "node:path";
import { writePack, type Manifest, type ManifestHead } from "../pack/write-pack.ts";
import type { StageTimes } from "../site/build-profile.ts";
import { defineJob } from "./client-pool.ts";

export interface WritePackContext {
  /** The Astro build's output: one folder per client. */
  dist: string;
  out: string;
  heads: Record<string, ManifestHead>;
}

/** One built pack hashed, zipped and put in place. */
export const job = defineJob(import.meta.url, async ({ dist, out, heads }: WritePackContext, slug): Promise<{ manifest: Manifest; times: StageTimes }> => {
  const times: StageTimes = {};
  return { manifest: writePack(heads[slug] as ManifestHead, join(dist, slug), out, times), times };
});
