import type { Problem } from "../lib/problems.ts";
import { hasErrors } from "../lib/problems.ts";
import { clientDigest, loadClient } from "../load/load-client.ts";
import { packOutline, type PackOutline } from "../pack/outline.ts";
import { clientDocs } from "../pack/pack-data.ts";
import { validateClient } from "../rules/index.ts";
import { defineJob } from "./client-pool.ts";

export interface OutlineJobResult {
  problems: Problem[];
  records: number;
  /** The pack's pages; only when the client's records have no errors. */
  outline: PackOutline | undefined;
  /** What was validated, so the pack is made from exactly these records (clientDigest). */
  digest: string;
}

/** One client validated, and the pages its pack will have: what a build needs before any pack is made. */
export const job = defineJob(import.meta.url, async ({ root }: { root: string }, slug): Promise<OutlineJobResult> => {
  const loaded = loadClient(root, slug);
  const { model, problems } = await validateClient(loaded);
  return { problems, records: loaded.records.length, outline: hasErrors(problems) ? undefined : packOutline(slug, clientDocs(model)), digest: clientDigest(loaded) };
});
