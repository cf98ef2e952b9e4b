import { mkdirSync } from "node:fs";
import { provenance } from "../git/provenance.ts";
import { sourceInfo } from "../git/source-info.ts";
import { compareProblems, hasErrors, type Problem } from "../lib/problems.ts";
import { UsageError } from "../lib/usage-error.ts";
import { loadBranding } from "../pack/load-branding.ts";
import type { ClientPack } from "../pack/pack-data.ts";
import { assertPackTarget, manifestHead, type Manifest } from "../pack/write-pack.ts";
import { runPerClient } from "../parallel/client-pool.ts";
import { job as outlineJob, type OutlineJobResult } from "../parallel/outline-job.ts";
import { job as packJob, type PackJobContext } from "../parallel/pack-job.ts";
import { job as writePackJob } from "../parallel/write-pack-job.ts";
import { repositoryScope } from "../validate-repository.ts";
import { startSiteBuild } from "./astro-site.ts";

interface Validated {
  slugs: string[];
  problems: Problem[];
  clients: number;
  records: number;
  outlines: OutlineJobResult[];
  /** What every pack job needs; undefined when anything is an error. */
  context: PackJobContext | undefined;
}

/**
 * Validates the requested clients (on every CPU for a large repository) and gathers what their
 * packs are made from; errors stop here, with the same messages as `validate`.
 */
async function validateForPacks(root: string, requested: readonly string[], date: string | undefined): Promise<Validated> {
  const scope = repositoryScope(root, requested);
  const { branding, problems: brandingProblems } = loadBranding(scope.root);
  const outlines = await runPerClient(outlineJob, { root: scope.root }, scope.slugs);
  const problems = [...scope.problems, ...brandingProblems, ...outlines.flatMap((result) => result.problems)].sort(compareProblems);
  const validated = { slugs: scope.slugs, problems, clients: scope.slugs.length, records: outlines.reduce((sum, result) => sum + result.records, 0), outlines, context: undefined };
  if (hasErrors(problems) || !scope.playbook || !branding) return validated;
  const source = await sourceInfo(scope.root);
  const buildDate = date ?? source.date;
  if (!buildDate) throw new UsageError("the records are not in a git repository with a commit, so there is no build date: pass --date YYYY-MM-DD");
  const digests = Object.fromEntries(scope.slugs.map((slug, index) => [slug, (outlines[index] as OutlineJobResult).digest]));
  const build = { commit: source.commit, date: buildDate, dirty: source.dirty };
  return { ...validated, context: { root: scope.root, playbook: scope.playbook, branding, build, history: await provenance(scope.root), digests } };
}

export interface PackInputs {
  /** Every requested client's pack, in slug order; none when any problem is an error. */
  packs: ClientPack[];
  problems: Problem[];
  clients: number;
  records: number;
}

/** Every requested client's pack, in memory: for the live preview. */
export async function packInputs(root: string, requested: readonly string[], date: string | undefined): Promise<PackInputs> {
  const { slugs, context, ...validated } = await validateForPacks(root, requested, date);
  return { ...validated, packs: context ? await runPerClient(packJob, context, slugs) : [] };
}

export interface BuildResult {
  problems: Problem[];
  clients: number;
  records: number;
  /** One a client, in slug order; none when any problem is an error. */
  manifests: Manifest[];
}

/**
 * Builds every requested client's pack into `<out>/<slug>/` and `<out>/<slug>.zip`, all from one
 * Astro build. The build starts at once and renders each client's pages as soon as its pack is
 * made, so bundling the site and rendering overlap with making the packs.
 */
export async function buildPacks(root: string, requested: readonly string[], date: string | undefined, out: string): Promise<BuildResult> {
  const site = startSiteBuild();
  try {
    const { slugs, context, outlines, ...validated } = await validateForPacks(root, requested, date);
    if (!context) return { ...validated, manifests: [] };
    mkdirSync(out, { recursive: true });
    // Every target checked first, so a refused folder stops the build before any pack is replaced.
    for (const slug of slugs) assertPackTarget(out, slug);
    site.send({ type: "outlines", outlines: outlines.flatMap((result) => (result.outline ? [result.outline] : [])) });
    const packs = await runPerClient(packJob, context, slugs, undefined, (pack) => site.send({ type: "pack", pack }));
    site.send({ type: "end" });
    const dist = await site.finished;
    const heads = Object.fromEntries(packs.map((pack) => [pack.slug, manifestHead(pack)]));
    return { ...validated, manifests: await runPerClient(writePackJob, { dist, out, heads }, slugs) };
  } finally {
    await site.close();
  }
}
