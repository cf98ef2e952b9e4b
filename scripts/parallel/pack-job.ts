import { isDeepStrictEqual } from "node:util";
import { deriveChecklist } from "../derive/checklist.ts";
import { signingForms } from "../derive/forms.ts";
import { changedOn, type Provenance } from "../git/provenance.ts";
import { hasErrors, type Problem } from "../lib/problems.ts";
import { UsageError } from "../lib/usage-error.ts";
import { loadClient } from "../load/load-client.ts";
import type { RecordKind } from "../model/kinds.ts";
import type { Playbook } from "../model/playbook.generated.ts";
import type { Branding } from "../pack/load-branding.ts";
import { packOutline, type PackOutline } from "../pack/outline.ts";
import { clientDocs, packData, type BuildInfo, type ClientPack } from "../pack/pack-data.ts";
import { checkSchemas } from "../rules/schema.ts";
import { defineJob } from "./client-pool.ts";
import { loadAndValidate } from "./validate-job.ts";

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
  /** Each client's pages as a build's site listed them (readOutline); a preview lists the packs' own. */
  outlines?: Record<string, PackOutline>;
}

export interface PackJobResult {
  problems: Problem[];
  records: number;
  /** Only when the client's records have no errors. */
  pack: ClientPack | undefined;
}

/**
 * One client validated and, when its records have no errors, its pack: made from the very records
 * that were validated, read once.
 */
export const job = defineJob(import.meta.url, async ({ root, playbook, branding, build, history, outlines }: PackJobContext, slug): Promise<PackJobResult> => {
  const { model, problems, records } = await loadAndValidate(root, slug);
  if (hasErrors(problems)) return { problems, records, pack: undefined };
  // An uncommitted record changed "now": the build date, never the clock.
  const changed = (path: string) => changedOn(history, path, build.date);
  const pack = packData(model, deriveChecklist(model, playbook), branding, build, changed);
  if (outlines && !isDeepStrictEqual(packOutline(slug, pack.docs, pack.forms), outlines[slug])) {
    throw new UsageError(`the records of \`${slug}\` changed while the packs were being built; nothing was written. Build again.`);
  }
  return { problems, records, pack };
});
