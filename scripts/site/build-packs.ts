import { mkdirSync } from "node:fs";
import { provenance } from "../git/provenance.ts";
import { sourceInfo } from "../git/source-info.ts";
import { hasErrors, type Problem } from "../lib/problems.ts";
import { UsageError } from "../lib/usage-error.ts";
import { loadBranding } from "../pack/load-branding.ts";
import type { PackOutline } from "../pack/outline.ts";
import type { ClientPack } from "../pack/pack-data.ts";
import { assertPackTarget, manifestHead, type Manifest } from "../pack/write-pack.ts";
import { defaultWorkers, runPerClient } from "../parallel/client-pool.ts";
import { job as packJob, readOutline, type PackJobContext } from "../parallel/pack-job.ts";
import { job as validateJob } from "../parallel/validate-job.ts";
import { job as writePackJob } from "../parallel/write-pack-job.ts";
import { gatherResults, repositoryScope, type Checked, type RepositoryScope } from "../validate-repository.ts";
import { startSiteBuild } from "./astro-site.ts";
import { mergeStages, timeStage, timeStageAsync, writeProfile, type StageTimes } from "./build-profile.ts";

/** The repository's own problems, and what every pack job needs: none when packs cannot be made. */
interface Prepared {
  scope: RepositoryScope;
  problems: Problem[];
  context: PackJobContext | undefined;
  /** Set when the records are not in git and no date was given: a usage error, once the records are valid. */
  noDate?: UsageError;
}

async function prepare(root: string, requested: readonly string[], date: string | undefined, out?: string, draft?: string): Promise<Prepared> {
  const scope = repositoryScope(root, requested);
  const { branding, problems: brandingProblems } = loadBranding(scope.root);
  const problems = [...scope.problems, ...brandingProblems];
  if (hasErrors(problems) || !scope.playbook || !branding) return { scope, problems, context: undefined };
  const source = await sourceInfo(scope.root, out);
  const buildDate = date ?? source.date;
  if (!buildDate) {
    const noDate = new UsageError("the records are not in a git repository with a commit, so there is no build date: pass --date YYYY-MM-DD");
    return { scope, problems, context: undefined, noDate };
  }
  const build = { commit: source.commit, date: buildDate, dirty: source.dirty, ...(draft === undefined ? {} : { draft }) };
  return { scope, problems, context: { root: scope.root, playbook: scope.playbook, branding, build, history: await provenance(scope.root) } };
}

/** When no pack can be made, every client is still validated, so the tech sees every problem at once. */
async function validateOnly(prepared: Prepared): Promise<Checked> {
  const checked = gatherResults(prepared.problems, await runPerClient(validateJob, { root: prepared.scope.root }, prepared.scope.slugs));
  if (prepared.noDate && !hasErrors(checked.problems)) throw prepared.noDate;
  return checked;
}

function readOutlines(scope: RepositoryScope): Record<string, PackOutline> {
  return Object.fromEntries(scope.slugs.map((slug) => [slug, readOutline(scope.root, slug)]));
}

export interface PackInputs extends Checked {
  /** Every requested client's pack, in slug order; none when any problem is an error. */
  packs: ClientPack[];
}

/** Every requested client's pack, in memory: for the live preview. */
export async function packInputs(root: string, requested: readonly string[], date: string | undefined): Promise<PackInputs> {
  const prepared = await prepare(root, requested, date);
  if (!prepared.context) return { ...(await validateOnly(prepared)), packs: [] };
  const results = await runPerClient(packJob, prepared.context, prepared.scope.slugs);
  const checked = gatherResults(prepared.problems, results);
  return { ...checked, packs: hasErrors(checked.problems) ? [] : results.map((result) => result.pack as ClientPack) };
}

export interface BuildResult extends Checked {
  /** One a client, in slug order; none when any problem is an error. */
  manifests: Manifest[];
}

/**
 * Builds every requested client's pack into `<out>/<slug>/` and `<out>/<slug>.zip`, all from one
 * Astro build. The build starts at once and renders each client's pages as soon as its pack is
 * made, so bundling the site and rendering overlap with making the packs. `draft` is the tag of
 * the draft release the packs are built for, which every page then shows.
 */
export async function buildPacks(root: string, requested: readonly string[], date: string | undefined, out: string, draft?: string): Promise<BuildResult> {
  const site = startSiteBuild();
  const times: StageTimes = {};
  try {
    const prepared = await timeStageAsync(times, "prepare", () => prepare(root, requested, date, out, draft));
    if (!prepared.context) return { ...(await validateOnly(prepared)), manifests: [] };
    const { slugs } = prepared.scope;
    mkdirSync(out, { recursive: true });
    // Every target checked first, so a refused folder stops the build before any pack is replaced.
    for (const slug of slugs) assertPackTarget(out, slug);
    const outlines = timeStage(times, "outline", () => readOutlines(prepared.scope));
    site.send({ type: "outlines", outlines: Object.values(outlines) });
    // Once a client with errors has come back, no further pack goes to the site; the build stops
    // when every client is validated, so every problem is reported.
    let failed = false;
    const results = await runPerClient(packJob, { ...prepared.context, outlines }, slugs, {
      // The Astro build renders meanwhile in its own process, on a CPU of its own: on two CPUs one
      // more worker thread made the build 0-7 s slower in each of 7 alternating pairs.
      workers: defaultWorkers(slugs.length, process.env, 1),
      onResult: ({ pack, times: packTimes }) => {
        mergeStages(times, packTimes);
        failed ||= !pack;
        if (pack && !failed) timeStage(times, "send", () => site.send({ type: "pack", pack }));
      },
    });
    const checked = gatherResults(prepared.problems, results);
    if (hasErrors(checked.problems)) return { ...checked, manifests: [] };
    site.send({ type: "end" });
    const { dist, times: siteTimes } = await site.finished;
    mergeStages(times, siteTimes);
    const heads = Object.fromEntries(results.map(({ pack }) => [(pack as ClientPack).slug, manifestHead(pack as ClientPack)]));
    const written = await runPerClient(writePackJob, { dist, out, heads }, slugs);
    for (const result of written) mergeStages(times, result.times);
    writeProfile(process.env, times);
    return { ...checked, manifests: written.map((result) => result.manifest) };
  } finally {
    await site.close();
  }
}
