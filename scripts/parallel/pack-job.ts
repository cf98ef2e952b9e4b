import { deriveChecklist } from "../derive/checklist.ts";
import type { Provenance } from "../git/provenance.ts";
import { hasErrors, type Problem } from "../lib/problems.ts";
import { loadClient } from "../load/load-client.ts";
import type { Playbook } from "../model/playbook.generated.ts";
import type { Branding } from "../pack/load-branding.ts";
import { packData, type BuildInfo, type ClientPack } from "../pack/pack-data.ts";
import { validateClient } from "../rules/index.ts";
import { defineJob } from "./client-pool.ts";

export interface PackJobContext {
  root: string;
  /** What a pack needs besides the client's records; without it the job only validates. */
  inputs: { playbook: Playbook; branding: Branding; build: BuildInfo; history: Provenance | undefined } | undefined;
}

export interface PackJobResult {
  problems: Problem[];
  records: number;
  /** Only when the client's records have no errors and the context has the pack's inputs. */
  pack: ClientPack | undefined;
}

/** One client validated and, when its records allow, turned into its pack. */
export const job = defineJob(import.meta.url, async ({ root, inputs }: PackJobContext, slug): Promise<PackJobResult> => {
  const loaded = loadClient(root, slug);
  const { model, problems } = await validateClient(loaded);
  const result = { problems, records: loaded.records.length, pack: undefined };
  if (!inputs || hasErrors(problems)) return result;
  const { playbook, branding, build, history } = inputs;
  // An uncommitted record changed "now": the build date, never the clock.
  const changed = (path: string) => (history?.uncommitted.has(path) ? build.date : history?.changes.get(path)?.date);
  return { ...result, pack: packData(model, deriveChecklist(model, playbook), branding, build, changed) };
});
