import { UsageError } from "../../scripts/lib/usage-error.ts";
import { defineJob } from "../../scripts/parallel/client-pool.ts";

/** A job for tests/parallel/client-pool.test.ts: fails with a usage error for client `b` only. */
export const job = defineJob(import.meta.url, async (_context: unknown, slug: string) => {
  if (slug === "b") throw new UsageError(`no client \`${slug}\``);
  return slug;
});
