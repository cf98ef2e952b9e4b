import { deriveChecklist } from "../derive/checklist.ts";
import type { Provenance } from "../git/provenance.ts";
import { UsageError } from "../lib/usage-error.ts";
import { clientDigest, loadClient } from "../load/load-client.ts";
import type { Playbook } from "../model/playbook.generated.ts";
import type { Branding } from "../pack/load-branding.ts";
import { packData, type BuildInfo, type ClientPack } from "../pack/pack-data.ts";
import { checkSchemas } from "../rules/schema.ts";
import { defineJob } from "./client-pool.ts";

export interface PackJobContext {
  root: string;
  playbook: Playbook;
  branding: Branding;
  build: BuildInfo;
  history: Provenance | undefined;
  /** Each client's records as the outline job validated them. */
  digests: Record<string, string>;
}

/**
 * One client's pack, from records the outline job has already validated: the rules are not run
 * again, so the records must be byte for byte those it checked.
 */
export const job = defineJob(import.meta.url, async ({ root, playbook, branding, build, history, digests }: PackJobContext, slug): Promise<ClientPack> => {
  const loaded = loadClient(root, slug);
  if (clientDigest(loaded) !== digests[slug]) {
    throw new UsageError(`the records of \`${slug}\` changed while the packs were being built; nothing was written. Build again.`);
  }
  const { model } = checkSchemas(loaded);
  // An uncommitted record changed "now": the build date, never the clock.
  const changed = (path: string) => (history?.uncommitted.has(path) ? build.date : history?.changes.get(path)?.date);
  return packData(model, deriveChecklist(model, playbook), branding, build, changed);
});
