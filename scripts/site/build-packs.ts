import { rmSync } from "node:fs";
import { join } from "node:path";
import { deriveChecklist } from "../derive/checklist.ts";
import { provenance } from "../git/provenance.ts";
import { sourceInfo } from "../git/source-info.ts";
import { hasErrors, type Problem } from "../lib/problems.ts";
import { UsageError } from "../lib/usage-error.ts";
import { loadBranding } from "../pack/load-branding.ts";
import { packData, type ClientPack } from "../pack/pack-data.ts";
import { writePack, type Manifest } from "../pack/write-pack.ts";
import { validateRepository, type RepositoryResult } from "../validate-repository.ts";
import { buildSite } from "./astro-site.ts";

export interface PackInputs {
  result: RepositoryResult;
  packs: ClientPack[];
  problems: Problem[];
}

/** Validates, then derives every requested client's pack; errors stop here, as in `validate`. */
export async function packInputs(root: string, slugs: readonly string[], date: string | undefined): Promise<PackInputs> {
  const result = await validateRepository(root, slugs);
  const { branding, problems: brandingProblems } = loadBranding(result.root);
  const problems = [...result.problems, ...brandingProblems];
  if (!result.playbook || !branding || hasErrors(problems)) return { result, packs: [], problems };
  const source = await sourceInfo(result.root);
  const buildDate = date ?? source.date;
  if (!buildDate) throw new UsageError("the records are not in a git repository with a commit, so there is no build date: pass --date YYYY-MM-DD");
  const { playbook } = result;
  const history = await provenance(result.root);
  // An uncommitted record changed "now": the build date, never the clock.
  const changed = (path: string) => (history?.uncommitted.has(path) ? buildDate : history?.changes.get(path)?.date);
  const packs = result.clients.map(({ model }) => packData(model, deriveChecklist(model, playbook), branding, { commit: source.commit, date: buildDate, dirty: source.dirty }, changed));
  return { result, packs, problems };
}

/** All packs from one Astro build, then each written to `<out>/<slug>/` and `<out>/<slug>.zip`. */
export async function buildPacks(packs: ClientPack[], out: string): Promise<Manifest[]> {
  const dist = await buildSite(packs);
  try {
    return packs.map((pack) => writePack(pack, join(dist, pack.slug), out));
  } finally {
    rmSync(join(dist, ".."), { recursive: true, force: true });
  }
}
