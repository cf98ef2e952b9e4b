import { rmSync } from "node:fs";
import { join } from "node:path";
import { provenance } from "../git/provenance.ts";
import { sourceInfo } from "../git/source-info.ts";
import { compareProblems, hasErrors, type Problem } from "../lib/problems.ts";
import { UsageError } from "../lib/usage-error.ts";
import { loadBranding } from "../pack/load-branding.ts";
import type { ClientPack } from "../pack/pack-data.ts";
import { assertPackTarget, manifestHead, type Manifest } from "../pack/write-pack.ts";
import { runPerClient } from "../parallel/client-pool.ts";
import { job as packJob, type PackJobContext } from "../parallel/pack-job.ts";
import { job as writePackJob } from "../parallel/write-pack-job.ts";
import { repositoryScope } from "../validate-repository.ts";
import { buildSite } from "./astro-site.ts";

export interface PackInputs {
  /** Every requested client's pack, in slug order; none when any problem is an error. */
  packs: ClientPack[];
  problems: Problem[];
  clients: number;
  records: number;
}

/**
 * Validates, then derives every requested client's pack, on every CPU for a large repository;
 * errors stop here, as in `validate`.
 */
export async function packInputs(root: string, slugs: readonly string[], date: string | undefined): Promise<PackInputs> {
  const scope = repositoryScope(root, slugs);
  const { branding, problems: brandingProblems } = loadBranding(scope.root);
  const setup = [...scope.problems, ...brandingProblems];
  const source = await sourceInfo(scope.root);
  const buildDate = date ?? source.date;
  const context: PackJobContext = { root: scope.root, inputs: undefined };
  if (scope.playbook && branding && buildDate && !hasErrors(setup)) {
    const build = { commit: source.commit, date: buildDate, dirty: source.dirty };
    context.inputs = { playbook: scope.playbook, branding, build, history: await provenance(scope.root) };
  }
  const results = await runPerClient(packJob, context, scope.slugs);
  const problems = [...setup, ...results.flatMap((result) => result.problems)].sort(compareProblems);
  const counts = { clients: scope.slugs.length, records: results.reduce((sum, result) => sum + result.records, 0) };
  if (hasErrors(problems)) return { packs: [], problems, ...counts };
  if (!buildDate) throw new UsageError("the records are not in a git repository with a commit, so there is no build date: pass --date YYYY-MM-DD");
  return { packs: results.map((result) => result.pack as ClientPack), problems, ...counts };
}

/** All packs from one Astro build, then each written to `<out>/<slug>/` and `<out>/<slug>.zip`. */
export async function buildPacks(packs: ClientPack[], out: string): Promise<Manifest[]> {
  // Every target checked first, so a refused folder stops the build before any pack is replaced.
  for (const pack of packs) assertPackTarget(out, pack.slug);
  const dist = await buildSite(packs);
  try {
    const heads = Object.fromEntries(packs.map((pack) => [pack.slug, manifestHead(pack)]));
    return await runPerClient(writePackJob, { dist, out, heads }, packs.map((pack) => pack.slug));
  } finally {
    rmSync(join(dist, ".."), { recursive: true, force: true });
  }
}
