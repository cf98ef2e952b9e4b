import { mkdirSync, rmSync } from "node:fs";
import { provenance } from "../git/provenance.ts";
import { sourceInfo } from "../git/source-info.ts";
import { hasErrors, type Problem } from "../lib/problems.ts";
import { UsageError } from "../lib/usage-error.ts";
import { loadBranding } from "../pack/load-branding.ts";
import type { PackOutline } from "../pack/outline.ts";
import type { ClientPack } from "../pack/pack-data.ts";
import { listClients } from "../load/load-repository.ts";
import { assertPackTarget, manifestHead, packsIn, placePack, removePack, stagePack, stagingFolder, type Manifest, type ManifestHead } from "../pack/write-pack.ts";
import { defaultWorkers, runPerClient } from "../parallel/client-pool.ts";
import { job as packJob, readOutline, type PackJobContext } from "../parallel/pack-job.ts";
import { job as inputsJob } from "../parallel/inputs-job.ts";
import { job as validateJob } from "../parallel/validate-job.ts";
import { gatherResults, repositoryScope, type Checked, type RepositoryScope } from "../validate-repository.ts";
import { startSiteBuild, type SiteBuild, type SiteBuildHooks } from "./astro-site.ts";
import { mergeStages, timeStage, timeStageAsync, writeProfile, type StageTimes } from "./build-profile.ts";
import { sharedInputsHash } from "./pack-inputs.ts";
import { renderBacklog, type RenderBacklog } from "./render-backlog.ts";

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
  const shared = sharedInputsHash({ playbook: scope.playbook, branding, build });
  return { scope, problems, context: { root: scope.root, playbook: scope.playbook, branding, build, history: await provenance(scope.root), shared } };
}

/** When no pack can be made, every client is still validated, so the tech sees every problem at once. */
async function validateOnly(prepared: Prepared): Promise<Checked> {
  const checked = gatherResults(prepared.problems, await runPerClient(validateJob, { root: prepared.scope.root }, prepared.scope.slugs));
  if (prepared.noDate && !hasErrors(checked.problems)) throw prepared.noDate;
  return checked;
}

function readOutlines(root: string, slugs: readonly string[]): Record<string, PackOutline> {
  return Object.fromEntries(slugs.map((slug) => [slug, readOutline(root, slug)]));
}

export interface PacksInMemory extends Checked {
  /** Every requested client's pack, in slug order; none when any problem is an error. */
  packs: ClientPack[];
}

/** Every requested client's pack, in memory: for the live preview. */
export async function packsInMemory(root: string, requested: readonly string[], date: string | undefined): Promise<PacksInMemory> {
  const prepared = await prepare(root, requested, date);
  if (!prepared.context) return { ...(await validateOnly(prepared)), packs: [] };
  const results = await runPerClient(packJob, prepared.context, prepared.scope.slugs);
  const checked = gatherResults(prepared.problems, results);
  return { ...checked, packs: hasErrors(checked.problems) ? [] : results.map((result) => result.pack as ClientPack) };
}

export interface BuildResult extends Checked {
  /** One a client, in slug order, built or reused; none when any problem is an error. */
  manifests: Manifest[];
  /** The clients whose pack was already in the folder, made from the same inputs, and kept as it was. */
  reused: string[];
  /** Packs this tool had written for clients that are gone, removed. */
  removed: string[];
  /** Packs of clients that are gone that hold files this tool did not write: left as they are. */
  left: string[];
}

/** A reused pack: its manifest, and the records it was made from (for the counts). */
interface Reused {
  manifest: Manifest;
  records: number;
}

/**
 * The packs in the output folder made from exactly the inputs this build would use, and still
 * exactly as written, by slug: those stay as they are. Each client's inputs are read and hashed,
 * never parsed, and its pack checked file by file (intactPack), over the worker threads.
 */
async function reusable(prepared: Prepared & { context: PackJobContext }, out: string, previous: Map<string, Manifest>): Promise<Map<string, Reused>> {
  const { root, shared, history, build } = prepared.context;
  const candidates = prepared.scope.slugs.filter((slug) => previous.has(slug));
  const results = await runPerClient(inputsJob, { root, shared, history, date: build.date, out }, candidates);
  const reused = new Map<string, Reused>();
  candidates.forEach((slug, index) => {
    const result = results[index];
    if (result?.pack) reused.set(slug, { manifest: result.pack, records: result.records });
  });
  return reused;
}

/** Packs made ahead of the site's rendering, at most, for each thread making them. */
const AHEAD_PER_THREAD = 2;

/**
 * The packs to make, each client validated first, over this thread and worker threads; `site`
 * renders their pages meanwhile and hands them back (SiteBuildHooks.pages), which settles them in
 * the backlog.
 */
async function makePacks(
  prepared: Prepared & { context: PackJobContext },
  slugs: readonly string[],
  { site, heads, backlog, workers }: { site: SiteBuild; heads: Map<string, ManifestHead>; backlog: RenderBacklog; workers: number },
  times: StageTimes,
) {
  const outlines = timeStage(times, "outline", () => readOutlines(prepared.scope.root, slugs));
  // In slug order, the order the packs are made in: an object would list slugs of digits first, and
  // the site, rendering in its list's order, would wait for a pack that cannot start.
  site.send({ type: "outlines", outlines: slugs.map((slug) => outlines[slug] as PackOutline) });
  site.finished.then(backlog.close, backlog.close);
  // Once a client with errors has come back, no further pack goes to the site; the build stops
  // when every client is validated, so every problem is reported.
  let failed = false;
  const results = await runPerClient(packJob, { ...prepared.context, outlines }, slugs, {
    workers,
    pace: backlog.admit,
    unpaced: backlog.settle,
    onResult: (result) => {
      mergeStages(times, result.times);
      // The site waits for this client's pack, which will not come: nothing may wait for the site now.
      if (!result.pack && !failed) backlog.close();
      failed ||= !result.pack;
      if (!result.pack || failed) return backlog.settle();
      heads.set(result.pack.slug, manifestHead(result.pack, result.inputs));
      const message = { type: "pack", pack: result.pack } as const;
      // The pack is the site's now: this thread keeps its manifest's head only, so memory stays flat.
      result.pack = undefined;
      timeStage(times, "send", () => site.send(message));
    },
  });
  return gatherResults(prepared.problems, results);
}

/**
 * Builds every requested client's pack into `<out>/<slug>/` and `<out>/<slug>.zip`, all from one
 * Astro build, and reuses a pack already there when it was made from the same inputs (its
 * manifest's `inputs`): then only the other packs are rendered. The build starts at once when
 * there is nothing to reuse, and renders each client's pages as soon as its pack is made, so
 * bundling the site and rendering overlap with making the packs; each client's pages are written
 * with its manifest and zip as soon as they are rendered, into a staging folder, and every pack is
 * put in place only once every client is valid and rendered. The packs of clients that are gone
 * are removed, where this tool wrote them. `draft` is the tag of the draft release the packs are
 * built for, which every page then shows.
 */
export async function buildPacks(root: string, requested: readonly string[], date: string | undefined, out: string, draft?: string): Promise<BuildResult> {
  const times: StageTimes = {};
  // Made once there is a pack to make.
  let staging: string | undefined;
  const heads = new Map<string, ManifestHead>();
  const staged = new Map<string, Manifest>();
  const writes: Promise<void>[] = [];
  // Made once the packs to make are known; the site hands back pages only after that.
  let backlog: RenderBacklog | undefined;
  const hooks: SiteBuildHooks = {
    pages: (slug, files) => {
      // Rendered: the next pack may start while these pages are still being written.
      backlog?.settle();
      const written = stagePack(heads.get(slug) as ManifestHead, files, staging as string, times).then((manifest) => void staged.set(slug, manifest));
      // A failed write fails the build once the site is done (Promise.all below).
      written.catch(() => {});
      writes.push(written);
    },
    // The staging folder holds client pages: never left behind.
    interrupted: () => staging && rmSync(staging, { recursive: true, force: true }),
  };
  const previous = packsIn(out);
  // Nothing to compare with: every pack is made, so the site starts bundling at once.
  let site = previous.size === 0 ? startSiteBuild(hooks) : undefined;
  try {
    const prepared = await timeStageAsync(times, "prepare", () => prepare(root, requested, date, out, draft));
    if (!prepared.context) return { ...(await validateOnly(prepared)), manifests: [], reused: [], removed: [], left: [] };
    const ready = prepared as Prepared & { context: PackJobContext };
    const { slugs } = prepared.scope;
    mkdirSync(out, { recursive: true });
    // Every target checked first, so a refused folder stops the build before any pack is replaced.
    for (const slug of slugs) assertPackTarget(out, slug);
    const reused = await timeStageAsync(times, "reuse", () => reusable(ready, out, previous));
    const changed = slugs.filter((slug) => !reused.has(slug));
    let checked: Checked = { problems: prepared.problems, clients: 0, records: 0 };
    if (changed.length > 0) {
      site ??= startSiteBuild(hooks);
      staging = stagingFolder(out);
      const workers = defaultWorkers(changed.length);
      backlog = renderBacklog(AHEAD_PER_THREAD * (workers + 1));
      checked = await makePacks(ready, changed, { site, heads, backlog, workers }, times);
      if (hasErrors(checked.problems)) {
        // Every problem at once, as `validate` reports them: the reused clients' too.
        const others = gatherResults(checked.problems, await runPerClient(validateJob, { root: ready.context.root }, [...reused.keys()]));
        return { problems: others.problems, clients: slugs.length, records: checked.records + others.records, manifests: [], reused: [], removed: [], left: [] };
      }
      site.send({ type: "end" });
      mergeStages(times, await site.finished);
      await Promise.all(writes);
    }
    const unrendered = changed.find((slug) => !staged.has(slug));
    if (unrendered) throw new Error(`the site build rendered no pages for \`${unrendered}\``);
    timeStage(times, "write", () => {
      for (const slug of changed) placePack(staging as string, out, slug);
    });
    const clients = new Set(listClients(prepared.scope.root).slugs);
    const gone = [...previous.keys()].filter((slug) => !clients.has(slug)).sort();
    const removed = gone.filter((slug) => removePack(out, slug));
    writeProfile(process.env, times);
    const records = checked.records + [...reused.values()].reduce((sum, pack) => sum + pack.records, 0);
    return {
      ...checked,
      clients: slugs.length,
      records,
      manifests: slugs.map((slug) => staged.get(slug) ?? (reused.get(slug) as Reused).manifest),
      reused: [...reused.keys()],
      removed,
      left: gone.filter((slug) => !removed.includes(slug)),
    };
  } finally {
    await site?.close();
    // No write may still be creating files in the folder being removed.
    await Promise.allSettled(writes);
    if (staging) rmSync(staging, { recursive: true, force: true });
  }
}
