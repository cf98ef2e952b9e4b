import { isMainThread, resourceLimits } from "node:worker_threads";
import { defineJob } from "../../scripts/parallel/client-pool.ts";

/** A job for tests/parallel/client-pool.test.ts: which thread ran it, and the young generation that thread may grow to. */
export const job = defineJob(import.meta.url, async (_context: Record<string, never>, slug: string) => {
  // Holds the thread for a moment, so the other thread takes the next client.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
  return { slug, worker: !isMainThread, youngMb: resourceLimits.maxYoungGenerationSizeMb };
});
