import { isDeepStrictEqual } from "node:util";
import { deriveChecklist } from "../derive/checklist.ts";
import { signingForms } from "../derive/forms.ts";
import { changedOn, type Provenance } from "../git/provenance.ts";
import { hasErrors, type Problem } from "../lib/problems.ts";
import { UsageError } from "../lib/usage-error.ts";
import { loadClient } from "../load/load-client.ts";
import type { RecordKind } from "../model/kinds.ts";
import type { Playbook } from "../model/playbook.generated.ts";
import { handoverRecords, isClientRecord } from "../pack/client-view.ts";
import type { Branding } from "../pack/load-branding.ts";
import { packOutline, type PackOutline } from "../pack/outline.ts";
import { clientDocs, packData, type BuildInfo, type ClientPack } from "../pack/pack-data.ts";
import { validateClient } from "../rules/index.ts";
import { checkSchemas } from "../rules/schema.ts";
import { timeStage, timeStageAsync, type StageTimes } from "../site/build-profile.ts";
import { loadedInputs, packInputsHash } from "../site/pack-inputs.ts";
import { defineJob } from "./client-pool.ts";

/** The records that decide a pack's pages: its documentation, and what says which forms the client signs. */
const OUTLINE_KINDS: ReadonlySet<RecordKind> = new Set(["doc", "client", "contract", "issue", "backup"]);

/**
 * A client's pages, from the records that decide them alone: read before anything is validated, so
 * the site lists every page while the packs are still being made. The pack job checks that its
 * pack has exactly these pages. (Without the assets, a form lacks only the names of what it
 * affects, which its page and title do not hold.)
 */
export function readOutline(root: string, slug: string): PackOutline {
  const { model } = checkSchemas(loadClient(root, slug, OUTLINE_KINDS));
  return packOutline(slug, clientDocs(model), signingForms(model));
}

export interface PackJobContext {
  root: string;
  playbook: Playbook;
  branding: Branding;
  build: BuildInfo;
  history: Provenance | undefined;
  /** The hash of what every pack of the build shares (sharedInputsHash). */
  shared: string;
  /** Each client's pages as a build's site listed them (readOutline); a preview lists the packs' own. */
  outlines?: Record<string, PackOutline>;
}

export interface PackJobResult {
  problems: Problem[];
  records: number;
  /** Only when the client's records have no errors. */
  pack: ClientPack | undefined;
  /** The hash of everything the pack is made from (packInputsHash), for its manifest. */
  inputs: string;
  /** What each stage of this client cost. */
  times: StageTimes;
}

/**
 * One client validated and, when its records have no errors, its pack: made from the very records
 * that were validated, read once.
 */
export const job = defineJob(import.meta.url, async ({ root, playbook, branding, build, history, shared, outlines }: PackJobContext, slug): Promise<PackJobResult> => {
  const times: StageTimes = {};
  const loaded = timeStage(times, "load", () => loadClient(root, slug));
  const inputs = timeStage(times, "load", () => packInputsHash(shared, loadedInputs(loaded), history, build.date));
  const { model, problems } = await timeStageAsync(times, "validate", () => validateClient(loaded));
  const records = loaded.records.length;
  if (hasErrors(problems)) return { problems, records, pack: undefined, inputs, times };
  // The bodies the pack shows, parsed here rather than on first use while rendering, so the
  // profile tells the two apart.
  timeStage(times, "parse", () => {
    for (const record of handoverRecords(model)) if (isClientRecord(record)) void record.body;
  });
  const checklist = timeStage(times, "derive", () => deriveChecklist(model, playbook));
  // An uncommitted record changed "now": the build date, never the clock.
  const changed = (path: string) => changedOn(history, path, build.date);
  const pack = timeStage(times, "render", () => packData(model, checklist, branding, build, changed));
  if (outlines && !isDeepStrictEqual(packOutline(slug, pack.docs, pack.forms), outlines[slug])) {
    throw new UsageError(`the records of \`${slug}\` changed while the packs were being built; nothing was written. Build again.`);
  }
  return { problems, records, pack, inputs, times };
});
