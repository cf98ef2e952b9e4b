import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "../../scripts/lib/usage-error.ts";
import { defineJob } from "../../scripts/parallel/client-pool.ts";

/**
 * A job for tests/parallel/client-pool.test.ts: fails with a usage error for client `b`; any other
 * client takes a while, synchronously as writing a pack does, and leaves a file when it starts and
 * one when it is done (in `dir`, when given).
 */
export const job = defineJob(import.meta.url, async ({ dir }: { dir?: string }, slug: string) => {
  if (slug === "b") throw new UsageError(`no client \`${slug}\``);
  if (dir) writeFileSync(join(dir, `started-${slug}`), "");
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 40);
  if (dir) writeFileSync(join(dir, `done-${slug}`), "");
  return slug;
});
