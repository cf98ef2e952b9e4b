/**
 * `handover build` next to its floor, Astro building as many trivial pages as a command of its
 * own, and a rebuild with one client changed next to Astro building that one pack's pages. Every
 * build reports its stages (HANDOVER_BUILD_PROFILE), and the peak memory of its Astro process.
 *
 * The disk is synced before each measurement. Pages and packs are removed only when every
 * measurement is done: on a file system that avoids reusing recently freed inodes (ext4 without a
 * journal, as on this project's CI machines), creating files within a minute of deleting
 * thousands is several times slower, which would charge each measurement for the one before it.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readOutline } from "../scripts/parallel/pack-job.ts";
import type { Stage, StageTimes } from "../scripts/site/build-profile.ts";
import { PROFILE_ENV } from "../scripts/site/build-profile.ts";
import { WORK_ROOT } from "../scripts/site/astro-site.ts";
import { routes } from "../site/src/pages.ts";
import { alternatingPairs, BenchFailure, BUILD_FLOOR, CLI, median, node, settleDisk, temporary, type ChildRun } from "./child.ts";

/** The build date every measured build is given, so no build depends on the clock. */
const DATE = "2026-11-22";

export interface BuildRun extends ChildRun {
  /** Peak resident set size of the processes the build started (its Astro process), in kilobytes. */
  descendantsPeakKb: number;
  stages: StageTimes;
}

/** `handover build` into `out`, with its stage profile and its Astro process's peak memory. */
async function build(root: string, out: string, slugs?: readonly string[]): Promise<BuildRun> {
  const scratch = mkdtempSync(join(tmpdir(), "handover-bench-profile-"));
  temporary.add(scratch);
  const profile = join(scratch, "profile.json");
  const descendants = join(scratch, "descendants");
  writeFileSync(descendants, "");
  const run = await node([CLI, "build", ...(slugs ?? []), "--root", root, "--out", out, "--date", DATE], { env: { [PROFILE_ENV]: profile, HANDOVER_BENCH_DESCENDANTS: descendants } });
  const stages = JSON.parse(readFileSync(profile, "utf8")) as StageTimes;
  const descendantsPeakKb = Math.max(0, ...readFileSync(descendants, "utf8").split("\n").filter(Boolean).map(Number));
  rmSync(scratch, { recursive: true, force: true });
  temporary.delete(scratch);
  return { ...run, descendantsPeakKb, stages };
}

/** Astro building `clients` × `pagesPerClient` trivial pages, in a work folder like the real build's. */
async function floor(clients: number, pagesPerClient: number) {
  // Inside the toolkit, as the real build's work folder, so Astro resolves its packages the same
  // way; named like one, so the next build removes it if the bench is killed outright.
  mkdirSync(WORK_ROOT, { recursive: true });
  const work = mkdtempSync(join(WORK_ROOT, "build-bench-floor-"));
  temporary.add(work);
  settleDisk();
  const run = await node([BUILD_FLOOR, String(clients), String(pagesPerClient), work]);
  return { run, pages: (JSON.parse(run.stdout) as { pages: number }).pages };
}

/** The pages the build makes: the site's own routes over every client's outline. */
export function packPages(root: string, slugs: readonly string[]): number {
  return routes(slugs.map((slug) => readOutline(root, slug))).length;
}

function htmlFiles(out: string): number {
  return (readdirSync(out, { recursive: true }) as string[]).filter((file) => file.endsWith(".html")).length;
}

/** Per stage, the median over the runs of its CPU and wall time. */
export function medianStages(runs: readonly { stages: StageTimes }[]): StageTimes {
  const stages = [...new Set(runs.flatMap((run) => Object.keys(run.stages)))] as Stage[];
  const of = (stage: Stage, key: "cpuMs" | "wallMs" | "calls") => median(runs.map((run) => run.stages[stage]?.[key] ?? 0));
  return Object.fromEntries(stages.map((stage) => [stage, { cpuMs: of(stage, "cpuMs"), wallMs: of(stage, "wallMs"), calls: of(stage, "calls") }]));
}

function summary(runs: readonly BuildRun[]) {
  return {
    ms: median(runs.map((run) => run.ms)),
    runsMs: runs.map((run) => run.ms),
    cpuMs: median(runs.map((run) => run.cpuMs)),
    peakRssKb: median(runs.map((run) => run.peakKb)),
    astroPeakRssKb: median(runs.map((run) => run.descendantsPeakKb)),
    stages: medianStages(runs),
  };
}

function floorSummary(runs: readonly ChildRun[]) {
  return { ms: median(runs.map((run) => run.ms)), runsMs: runs.map((run) => run.ms), cpuMs: median(runs.map((run) => run.cpuMs)), peakRssKb: median(runs.map((run) => run.peakKb)) };
}

/**
 * Clean builds of every pack into a fresh folder, next to the floor, in alternating pairs; the
 * ratios are the medians of the pairs' ratios. The last build's folder is kept for the rebuilds.
 */
export async function benchBuild(root: string, slugs: readonly string[], runs: number) {
  const pages = packPages(root, slugs);
  const perClient = Math.round(pages / slugs.length);
  let out = "";
  const pairs = await alternatingPairs(
    runs,
    () => floor(slugs.length, perClient),
    async () => {
      out = mkdtempSync(join(tmpdir(), "handover-bench-packs-"));
      temporary.add(out);
      settleDisk();
      const run = await build(root, out);
      const zips = readdirSync(out).filter((file) => file.endsWith(".zip")).length;
      if (zips !== slugs.length) throw new BenchFailure(`handover build wrote ${zips} zips for ${slugs.length} clients`);
      if (htmlFiles(out) !== pages) throw new BenchFailure(`handover build wrote ${htmlFiles(out)} pages; the site's routes give ${pages}`);
      return run;
    },
  );
  const ratios = pairs.map((pair) => pair.measured.ms / pair.floor.run.ms);
  return {
    out,
    pages,
    build: summary(pairs.map((pair) => pair.measured)),
    floor: { ...floorSummary(pairs.map((pair) => pair.floor.run)), pages: pairs[0]!.floor.pages },
    ratios,
    ratio: median(ratios),
    cpuRatio: median(pairs.map((pair) => pair.measured.cpuMs / pair.floor.run.cpuMs)),
  };
}

/** Counts of the build's "built" and "reused" lines: which packs it made again. */
function rebuilt(stdout: string): { built: number; reused: number } {
  return { built: stdout.match(/^built /gm)?.length ?? 0, reused: stdout.match(/^reused /gm)?.length ?? 0 };
}

/**
 * Rebuilds into the folder of a clean build: once with nothing changed, then, in alternating pairs
 * with Astro building one pack's trivial pages, after a visible change to one client's record
 * (a new first paragraph of its client.md, different in each pair).
 */
export async function benchRebuild(root: string, slugs: readonly string[], out: string, runs: number) {
  const perClient = Math.round(packPages(root, slugs) / slugs.length);
  settleDisk();
  const unchanged = await build(root, out);
  const counts = rebuilt(unchanged.stdout);
  if (counts.built !== 0 || counts.reused !== slugs.length) throw new BenchFailure(`a rebuild with nothing changed built ${counts.built} and reused ${counts.reused} of ${slugs.length} packs`);
  const slug = slugs[Math.floor(slugs.length / 2)] as string;
  const record = join(root, "clients", slug, "client.md");
  const original = readFileSync(record, "utf8");
  let pairs;
  try {
    pairs = await alternatingPairs(
      runs,
      () => floor(1, perClient),
      async (pair) => {
        writeFileSync(record, original.replace(/\n---\n/, `\n---\n\nBench edit ${pair + 1}: this paragraph changes with every rebuild.\n`));
        settleDisk();
        const run = await build(root, out);
        const { built, reused } = rebuilt(run.stdout);
        if (built !== 1 || reused !== slugs.length - 1) throw new BenchFailure(`a rebuild with ${slug} changed built ${built} and reused ${reused} of ${slugs.length} packs`);
        return run;
      },
    );
  } finally {
    writeFileSync(record, original);
  }
  const margins = pairs.map((pair) => pair.measured.ms - pair.floor.run.ms);
  return {
    slug,
    unchanged: summary([unchanged]),
    oneChanged: summary(pairs.map((pair) => pair.measured)),
    floor: floorSummary(pairs.map((pair) => pair.floor.run)),
    /** The rebuild's time beyond Astro building that one pack's pages, pair by pair. */
    margins,
    margin: median(margins),
  };
}
