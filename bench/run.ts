/**
 * `npm run bench`: writes a synthetic repository under the OS temp folder, then times
 * `handover validate` over it next to a floor measured in the same run (read every file and
 * parse its frontmatter with gray-matter), and `handover build` next to its own floor. Fails if
 * the synthetic data does not validate cleanly.
 *
 * Then `handover import` of a generated ITFlow export (5,000 assets, 5,000 credentials, 2,000
 * tickets: bench/itflow-export.ts) next to parsing the same CSVs with csv-parse alone.
 *
 *   node bench/run.ts [--clients 1000] [--records-per-client 25] [--runs 3] [--validate-runs 5] [--build-runs 3] [--import-runs 3] [--seed 1] [--keep] [--no-build] [--no-import] [--json]
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { WORK_ROOT } from "../scripts/site/astro-site.ts";
import { generateRepository } from "./generate.ts";
import { BENCH_EXPORT, writeItflowExport } from "./itflow-export.ts";

const BENCH = dirname(fileURLToPath(import.meta.url));
const PROJECT = resolve(BENCH, "..");
const CLI = join(PROJECT, "scripts", "handover.ts");
const MEASURE = join(BENCH, "measure.ts");
const PEAK_RSS = join(BENCH, "peak-rss.ts");
const BUILD_FLOOR = join(BENCH, "build-floor.ts");
const IMPORT_MEASURE = join(BENCH, "import-measure.ts");

/** Targets from the issues: validation and building within 2× their floors, one client in under half a second. */
const MAX_RATIO = 2;
const MAX_BUILD_RATIO = 2;
const MAX_ONE_CLIENT_MS = 500;
/** The import issue's target: importing an export within 3× parsing its CSVs. */
const MAX_IMPORT_RATIO = 3;

const USAGE = "Usage: node bench/run.ts [--clients N] [--records-per-client N] [--runs N] [--validate-runs N] [--build-runs N] [--import-runs N] [--seed N] [--keep] [--no-build] [--no-import] [--json]\n";

class BenchFailure extends Error {}

interface ChildRun {
  ms: number;
  stdout: string;
  /**
   * The child's peak resident set size (its own process only: the build's Astro process is not in
   * it), and its CPU time (user + system, all threads, and the processes it waited for, such as the
   * build's Astro process), reported by bench/peak-rss.ts.
   */
  peakKb: number;
  cpuMs: number;
}

function options() {
  const { values } = parseArgs({
    options: {
      clients: { type: "string", default: "1000" },
      "records-per-client": { type: "string", default: "25" },
      runs: { type: "string", default: "3" },
      "validate-runs": { type: "string", default: "5" },
      "build-runs": { type: "string", default: "3" },
      "import-runs": { type: "string", default: "3" },
      seed: { type: "string", default: "1" },
      keep: { type: "boolean", default: false },
      "no-build": { type: "boolean", default: false },
      "no-import": { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const count = (name: "clients" | "records-per-client" | "runs" | "validate-runs" | "build-runs" | "import-runs" | "seed") => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < 1) throw new BenchFailure(`--${name} must be a whole number of at least 1`);
    return value;
  };
  return {
    help: values.help,
    clients: count("clients"),
    recordsPerClient: count("records-per-client"),
    runs: count("runs"),
    validateRuns: count("validate-runs"),
    buildRuns: count("build-runs"),
    importRuns: count("import-runs"),
    seed: count("seed"),
    keep: values.keep,
    build: !values["no-build"],
    import: !values["no-import"],
    json: values.json,
  };
}

/** Folders to remove however the run ends, and the child running now: a signal must reach both. */
const temporary = new Set<string>();
let current: ChildProcess | undefined;

function removeTemporary(): void {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
  temporary.clear();
}

async function readAll(stream: NodeJS.ReadableStream | null | undefined): Promise<string> {
  let text = "";
  if (stream) for await (const chunk of stream) text += String(chunk);
  return text;
}

/**
 * Runs `node <args>` from the project folder and times it from spawn to exit: start-up included.
 * Asynchronous (not spawnSync) so that Ctrl-C or a job runner's SIGTERM is handled at once.
 */
async function node(args: string[], expectExit = 0): Promise<ChildRun> {
  const start = performance.now();
  // HANDOVER_BENCH_REPORT: only this child reports on fd 3; processes it forks inherit the preload, not the pipe.
  const env = { ...process.env, HANDOVER_BENCH_REPORT: "1" };
  const child = spawn(process.execPath, ["--import", PEAK_RSS, ...args], { cwd: PROJECT, env, stdio: ["ignore", "pipe", "pipe", "pipe"] });
  current = child;
  let ms = 0;
  child.once("exit", () => (ms = performance.now() - start));
  const [stdout, stderr, usage, [status, signal]] = await Promise.all([
    readAll(child.stdout),
    readAll(child.stderr),
    readAll(child.stdio[3] as NodeJS.ReadableStream),
    once(child, "close") as Promise<[number | null, NodeJS.Signals | null]>,
  ]);
  current = undefined;
  if (status !== expectExit) {
    throw new BenchFailure(`\`node ${args.join(" ")}\` exited with ${status ?? signal}\n${stderr}${stdout.slice(0, 4000)}`);
  }
  const [peakKb = 0, cpuUs = 0] = usage.trim().split(" ").map(Number);
  return { ms, stdout, peakKb, cpuMs: cpuUs / 1000 };
}

/** `count` runs of `node <args>`, one after another. */
async function repeat(count: number, args: string[]): Promise<ChildRun[]> {
  const runs: ChildRun[] = [];
  for (let run = 0; run < count; run += 1) runs.push(await node(args));
  return runs;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

const min = (values: number[]) => Math.min(...values);

async function measure(mode: "floor" | "validate", root: string, runs: number) {
  const child = await node([MEASURE, mode, root, String(runs)]);
  const report = JSON.parse(child.stdout) as { times: number[]; cpuTimes: number[]; records: number; bytes?: number; problems?: number; firstProblems?: unknown[] };
  return { ...report, medianMs: median(report.times), cpuMedianMs: median(report.cpuTimes), peakKb: child.peakKb };
}

/**
 * `count` pairs of a floor and the measured command, one right after the other so the two meet the
 * same state of the machine (its speed drifts by a third within minutes), in alternating order so
 * neither always gets the warmer cache.
 */
async function alternatingPairs<F, M>(count: number, floor: () => Promise<F>, measured: () => Promise<M>): Promise<{ floor: F; measured: M }[]> {
  const pairs: { floor: F; measured: M }[] = [];
  for (let pair = 0; pair < count; pair += 1) {
    if (pair % 2 === 0) {
      const first = await floor();
      pairs.push({ floor: first, measured: await measured() });
    } else {
      const first = await measured();
      pairs.push({ floor: await floor(), measured: first });
    }
  }
  return pairs;
}

/**
 * The floor and validation, each in a process of its own running `runs` times, in alternating
 * pairs. The ratios are the medians of the pairs' ratios; the rows give the median over every run.
 */
async function benchValidation(root: string, runs: number, pairs: number) {
  const measured = await alternatingPairs(pairs, () => measure("floor", root, runs), () => measure("validate", root, runs));
  const all = (side: "floor" | "measured") => {
    const runsMs = measured.flatMap((pair) => pair[side].times);
    return { medianMs: median(runsMs), runsMs, cpuMedianMs: median(measured.flatMap((pair) => pair[side].cpuTimes)), peakKb: median(measured.map((pair) => pair[side].peakKb)) };
  };
  const last = measured.at(-1) as (typeof measured)[number];
  const ratios = measured.map((pair) => pair.measured.medianMs / pair.floor.medianMs);
  return {
    floor: { ...all("floor"), records: last.floor.records },
    whole: { ...all("measured"), records: last.measured.records, problems: last.measured.problems, firstProblems: last.measured.firstProblems },
    ratios,
    ratio: median(ratios),
    cpuRatio: median(measured.map((pair) => pair.measured.cpuMedianMs / pair.floor.cpuMedianMs)),
  };
}

async function bench(opts: ReturnType<typeof options>, root: string) {
  // Before the benchmark adds its own load: anything above ~0 means something else is running.
  const machine = { node: process.version, cpus: cpus().length, loadAverageAtStart: loadavg()[0] as number };
  const generateStart = performance.now();
  // In batches, yielding between them, so a signal during generation is handled at once.
  const repo = { slugs: [] as string[], files: 0, bytes: 0 };
  for (let first = 0; first < opts.clients; first += 50) {
    const batch = generateRepository(root, { ...opts, first, clients: Math.min(50, opts.clients - first) });
    Object.assign(repo, { slugs: [...repo.slugs, ...batch.slugs], files: repo.files + batch.files, bytes: repo.bytes + batch.bytes });
    await new Promise((resolve) => setImmediate(resolve));
  }
  const generateMs = performance.now() - generateStart;

  const validation = await benchValidation(root, opts.runs, opts.validateRuns);
  const { floor, whole } = validation;
  // The point of the benchmark is the cost of validating good data: a problem means the generator is wrong.
  if (whole.problems !== 0 || whole.records !== repo.files || floor.records !== repo.files) {
    throw new BenchFailure(
      `the synthetic repository must validate with zero problems over ${repo.files} records; got ${whole.problems} problems over ${whole.records} records ` +
        `(floor read ${floor.records}). First problems:\n${JSON.stringify(whole.firstProblems, null, 2)}\nRe-run with --keep to inspect ${root}.`,
    );
  }

  const cli = await node([CLI, "validate", "--root", root, "--format", "json"]);
  const cliReport = JSON.parse(cli.stdout) as { ok: boolean; problems: unknown[] };
  if (!cliReport.ok || cliReport.problems.length !== 0) throw new BenchFailure(`\`handover validate --format json\` reported problems:\n${cli.stdout.slice(0, 4000)}`);

  // What a tech waits for after editing one client: a fresh process, start-up included.
  const slug = repo.slugs[Math.floor(repo.slugs.length / 2)] as string;
  const one = await repeat(opts.runs, [CLI, "validate", slug, "--root", root]);
  // Start-up alone (every module loaded, no records read): how much of the one-client time is fixed cost.
  const startup = await repeat(opts.runs, [CLI, "--help"]);

  const packs = opts.build ? await benchBuild(root, repo.slugs, opts.buildRuns) : undefined;
  const imports = opts.import ? await benchImport(opts.runs, opts.importRuns, opts.seed) : undefined;

  const perSecond = (records: number, ms: number) => Math.round((records / ms) * 1000);
  const oneMs = median(one.map((run) => run.ms));
  return {
    machine,
    options: { clients: opts.clients, recordsPerClient: opts.recordsPerClient, runs: opts.runs, validateRuns: opts.validateRuns, buildRuns: opts.buildRuns, importRuns: opts.importRuns, seed: opts.seed },
    repository: { root: opts.keep ? root : undefined, clients: repo.slugs.length, files: repo.files, bytes: repo.bytes, generateMs: generateMs },
    floor: { medianMs: floor.medianMs, runsMs: floor.runsMs, cpuMedianMs: floor.cpuMedianMs, recordsPerSecond: perSecond(repo.files, floor.medianMs), peakRssKb: floor.peakKb },
    validate: { medianMs: whole.medianMs, runsMs: whole.runsMs, cpuMedianMs: whole.cpuMedianMs, recordsPerSecond: perSecond(repo.files, whole.medianMs), peakRssKb: whole.peakKb, ratios: validation.ratios },
    validateCli: { ms: cli.ms, cpuMs: cli.cpuMs, recordsPerSecond: perSecond(repo.files, cli.ms), peakRssKb: cli.peakKb },
    oneClient: { slug, medianMs: oneMs, runsMs: one.map((run) => run.ms), cpuMedianMs: median(one.map((run) => run.cpuMs)), peakRssKb: median(one.map((run) => run.peakKb)) },
    startup: { medianMs: median(startup.map((run) => run.ms)), runsMs: startup.map((run) => run.ms), cpuMedianMs: median(startup.map((run) => run.cpuMs)), peakRssKb: median(startup.map((run) => run.peakKb)) },
    build: packs,
    import: imports,
    targets: {
      // CPU time barely changes when other processes compete for the machine; wall time does.
      ratio: { value: validation.ratio, cpu: validation.cpuRatio, max: MAX_RATIO, met: validation.ratio <= MAX_RATIO },
      ...(packs ? { buildRatio: { value: packs.ratio, cpu: packs.cpuRatio, max: MAX_BUILD_RATIO, met: packs.ratio <= MAX_BUILD_RATIO } } : {}),
      ...(imports ? { importRatio: { value: imports.ratio, cpu: imports.cpuRatio, max: MAX_IMPORT_RATIO, met: imports.ratio <= MAX_IMPORT_RATIO } } : {}),
      oneClientMs: { value: oneMs, max: MAX_ONE_CLIENT_MS, met: oneMs < MAX_ONE_CLIENT_MS },
    },
  };
}

/**
 * `handover build` of every pack (one Astro build, then a folder, manifest and zip per client)
 * next to its floor: Astro building as many trivial pages in one build, as a command of its own.
 * Both are timed alike, from spawn to exit, in alternating pairs; the ratios are the medians of the
 * pairs' ratios. The disk is synced before each
 * measurement: a build's hundreds of megabytes still being flushed would slow whatever runs next.
 * Pages and packs are removed only when every measurement is done: on a file system that avoids
 * reusing recently freed inodes (ext4 without a journal, as on this project's CI machines),
 * creating files within a minute of deleting thousands is several times slower, which would charge
 * each measurement for the one before it.
 */
async function benchBuild(root: string, slugs: readonly string[], runs: number) {
  const perClient = packPages(root, slugs) / slugs.length;
  const measureFloor = async () => {
    // Inside the toolkit, as the real build's work folder, so Astro resolves its packages the same
    // way; named like one, so the next build removes it if the bench is killed outright.
    mkdirSync(WORK_ROOT, { recursive: true });
    const work = mkdtempSync(join(WORK_ROOT, "build-bench-floor-"));
    temporary.add(work);
    settleDisk();
    const run = await node([BUILD_FLOOR, String(slugs.length), String(Math.round(perClient)), work]);
    return { run, pages: (JSON.parse(run.stdout) as { pages: number }).pages };
  };
  const measureBuild = async () => {
    const out = mkdtempSync(join(tmpdir(), "handover-bench-packs-"));
    temporary.add(out);
    settleDisk();
    const run = await node([CLI, "build", "--root", root, "--out", out, "--date", "2026-11-22"]);
    const pages = (readdirSync(out, { recursive: true }) as string[]).filter((file) => file.endsWith(".html")).length;
    const zips = readdirSync(out).filter((file) => file.endsWith(".zip")).length;
    if (zips !== slugs.length) throw new BenchFailure(`handover build wrote ${zips} zips for ${slugs.length} clients`);
    return { run, pages };
  };
  const pairs = (await alternatingPairs(runs, measureFloor, measureBuild)).map(({ floor, measured: build }) => ({
    build: build.run,
    pages: build.pages,
    floor: floor.run,
    floorPages: floor.pages,
  }));
  const builds = pairs.map((pair) => pair.build);
  const floors = pairs.map((pair) => pair.floor);
  const ratios = pairs.map((pair) => pair.build.ms / pair.floor.ms);
  return {
    pages: pairs[0]!.pages,
    ms: median(builds.map((run) => run.ms)),
    runsMs: builds.map((run) => run.ms),
    cpuMs: median(builds.map((run) => run.cpuMs)),
    peakRssKb: median(builds.map((run) => run.peakKb)),
    floorMs: median(floors.map((run) => run.ms)),
    floorRunsMs: floors.map((run) => run.ms),
    floorCpuMs: median(floors.map((run) => run.cpuMs)),
    floorPages: pairs[0]!.floorPages,
    floorPeakRssKb: median(floors.map((run) => run.peakKb)),
    ratios,
    ratio: median(ratios),
    cpuRatio: median(pairs.map((pair) => pair.build.cpuMs / pair.floor.cpuMs)),
  };
}

/**
 * The import of a synthetic ITFlow export into a new client next to its floor, csv-parse alone over
 * the same CSVs: each `runs` times in a process of its own, in alternating pairs, the ratios the
 * medians of the pairs' ratios. Then, once each, the whole command as a tech runs it (start-up,
 * the client's validation and CHECKLIST.md included), and the same export imported again.
 */
async function benchImport(runs: number, pairs: number, seed: number) {
  const dir = mkdtempSync(join(tmpdir(), "handover-bench-itflow-"));
  temporary.add(dir);
  const written = writeItflowExport(dir, { ...BENCH_EXPORT, seed });
  const measureOne = async (mode: "floor" | "import") => {
    const child = await node([IMPORT_MEASURE, mode, dir, String(runs)]);
    const report = JSON.parse(child.stdout) as { times: number[]; cpuTimes: number[]; records?: number; rows?: number; problems?: number };
    return { ...report, medianMs: median(report.times), cpuMedianMs: median(report.cpuTimes), peakKb: child.peakKb };
  };
  const measured = await alternatingPairs(pairs, () => measureOne("floor"), () => measureOne("import"));
  const last = measured.at(-1) as (typeof measured)[number];
  if (last.measured.problems !== 0) throw new BenchFailure(`the synthetic ITFlow export has ${last.measured.problems} problems`);
  const all = (side: "floor" | "measured") => measured.flatMap((pair) => pair[side].times);
  const root = mkdtempSync(join(tmpdir(), "handover-bench-import-cli-"));
  temporary.add(root);
  mkdirSync(join(root, "clients"));
  const command = [CLI, "import", "itflow", dir, "--client", "harbor-finch-legal", "--root", root, "--format", "json"];
  const cli = await node(command);
  const again = await node(command);
  const unchanged = (JSON.parse(again.stdout) as { unchanged: number }).unchanged;
  return {
    export: { ...BENCH_EXPORT, seed, files: written.files, bytes: written.bytes, rows: last.floor.rows ?? 0 },
    records: last.measured.records ?? 0,
    floorMs: median(all("floor")),
    floorRunsMs: all("floor"),
    floorCpuMs: median(measured.flatMap((pair) => pair.floor.cpuTimes)),
    floorPeakRssKb: median(measured.map((pair) => pair.floor.peakKb)),
    ms: median(all("measured")),
    runsMs: all("measured"),
    cpuMs: median(measured.flatMap((pair) => pair.measured.cpuTimes)),
    peakRssKb: median(measured.map((pair) => pair.measured.peakKb)),
    ratios: measured.map((pair) => pair.measured.medianMs / pair.floor.medianMs),
    ratio: median(measured.map((pair) => pair.measured.medianMs / pair.floor.medianMs)),
    cpuRatio: median(measured.map((pair) => pair.measured.cpuMedianMs / pair.floor.cpuMedianMs)),
    cli: { ms: cli.ms, cpuMs: cli.cpuMs, peakRssKb: cli.peakKb },
    again: { ms: again.ms, cpuMs: again.cpuMs, unchanged },
  };
}

/** A pack's pages: its ten sections and one a documentation page (the generator writes no internal ones). */
function packPages(root: string, slugs: readonly string[]): number {
  const docs = (slug: string) => (existsSync(join(root, "clients", slug, "docs")) ? readdirSync(join(root, "clients", slug, "docs")).length : 0);
  return slugs.reduce((sum, slug) => sum + 10 + docs(slug), 0);
}

function settleDisk(): void {
  spawnSync("sync");
}

type Result = Awaited<ReturnType<typeof bench>>;

const runsLabel = (runs: number) => (runs === 1 ? "1 run" : `median of ${runs}`);
const pairsLabel = (pairs: number) => (pairs === 1 ? "one pair" : `median of ${pairs} pairs`);
const seconds = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
const thousands = (n: number) => n.toLocaleString("en-US");

function table(result: Result): string {
  const { repository: repo, options: opts, targets } = result;
  const rows: string[][] = [
    [`(median of ${opts.runs} runs unless noted)`, "median", "fastest", "CPU", "records/s", "peak RSS"],
    [`floor: read + gray-matter (${runsLabel(opts.runs * opts.validateRuns)})`, seconds(result.floor.medianMs), seconds(min(result.floor.runsMs)), seconds(result.floor.cpuMedianMs), thousands(result.floor.recordsPerSecond), mb(result.floor.peakRssKb)],
    [`validateRepositoryProblems(root), in-process (${runsLabel(opts.runs * opts.validateRuns)})`, seconds(result.validate.medianMs), seconds(min(result.validate.runsMs)), seconds(result.validate.cpuMedianMs), thousands(result.validate.recordsPerSecond), mb(result.validate.peakRssKb)],
    ["handover validate --format json, CLI (1 run)", seconds(result.validateCli.ms), "", seconds(result.validateCli.cpuMs), thousands(result.validateCli.recordsPerSecond), mb(result.validateCli.peakRssKb)],
    ["handover validate <one client>, CLI", seconds(result.oneClient.medianMs), seconds(min(result.oneClient.runsMs)), seconds(result.oneClient.cpuMedianMs), "", mb(result.oneClient.peakRssKb)],
    ["handover --help, start-up only", seconds(result.startup.medianMs), seconds(min(result.startup.runsMs)), seconds(result.startup.cpuMedianMs), "", mb(result.startup.peakRssKb)],
    ...(result.build
      ? [
          [`build floor: Astro, ${thousands(result.build.floorPages)} trivial pages (${runsLabel(opts.buildRuns)})`, seconds(result.build.floorMs), seconds(min(result.build.floorRunsMs)), seconds(result.build.floorCpuMs), "", mb(result.build.floorPeakRssKb)],
          [`handover build, ${thousands(result.build.pages)} pages + zips (${runsLabel(opts.buildRuns)})`, seconds(result.build.ms), seconds(min(result.build.runsMs)), seconds(result.build.cpuMs), "", mb(result.build.peakRssKb)],
        ]
      : []),
    ...(result.import
      ? [
          [`import floor: csv-parse over the ITFlow CSVs (${runsLabel(opts.runs * opts.importRuns)})`, seconds(result.import.floorMs), seconds(min(result.import.floorRunsMs)), seconds(result.import.floorCpuMs), thousands(Math.round((result.import.export.rows / result.import.floorMs) * 1000)), mb(result.import.floorPeakRssKb)],
          [`import: read, scan, map, write ${thousands(result.import.records)} records (${runsLabel(opts.runs * opts.importRuns)})`, seconds(result.import.ms), seconds(min(result.import.runsMs)), seconds(result.import.cpuMs), thousands(Math.round((result.import.records / result.import.ms) * 1000)), mb(result.import.peakRssKb)],
          ["handover import, CLI: + start-up, validation, CHECKLIST.md (1 run)", seconds(result.import.cli.ms), "", seconds(result.import.cli.cpuMs), "", mb(result.import.cli.peakRssKb)],
          [`handover import again, same export: ${thousands(result.import.again.unchanged)} unchanged (1 run)`, seconds(result.import.again.ms), "", seconds(result.import.again.cpuMs), "", ""],
        ]
      : []),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("   ");
  const verdict = (met: boolean) => (met ? "ok" : "OVER TARGET");
  return [
    `handover bench: ${thousands(repo.clients)} clients, ${thousands(repo.files)} records, ${(repo.bytes / 1024 / 1024).toFixed(1)} MB ` +
      `(seed ${opts.seed}, generated in ${seconds(repo.generateMs)}${repo.root ? `, kept at ${repo.root}` : ""})`,
    "",
    ...rows.map(line),
    "",
    `validation / floor: ${targets.ratio.value.toFixed(2)}×   (target ≤ ${MAX_RATIO}×)     ${verdict(targets.ratio.met)}   ` +
      `[${pairsLabel(opts.validateRuns)} of floor and validation: ${result.validate.ratios.map((ratio) => `${ratio.toFixed(2)}×`).join(", ")}; CPU time: ${targets.ratio.cpu.toFixed(2)}×]`,
    `one client:         ${seconds(targets.oneClientMs.value)}   (target < ${seconds(MAX_ONE_CLIENT_MS)})   ${verdict(targets.oneClientMs.met)}   [${result.oneClient.slug}]`,
    ...(targets.buildRatio && result.build
      ? [
          `build / floor:      ${targets.buildRatio.value.toFixed(2)}×   (target ≤ ${MAX_BUILD_RATIO}×)     ${verdict(targets.buildRatio.met)}   ` +
            `[${pairsLabel(opts.buildRuns)} of floor and build: ${result.build.ratios.map((ratio) => `${ratio.toFixed(2)}×`).join(", ")}; CPU time: ${result.build.cpuRatio.toFixed(2)}×]`,
        ]
      : []),
    ...(targets.importRatio && result.import
      ? [
          `import / floor:     ${targets.importRatio.value.toFixed(2)}×   (target ≤ ${MAX_IMPORT_RATIO}×)     ${verdict(targets.importRatio.met)}   ` +
            `[${pairsLabel(opts.importRuns)} of floor and import: ${result.import.ratios.map((ratio) => `${ratio.toFixed(2)}×`).join(", ")}; CPU time: ${result.import.cpuRatio.toFixed(2)}×]`,
        ]
      : []),
    "",
    `node ${result.machine.node}, ${result.machine.cpus} CPUs, load average ${result.machine.loadAverageAtStart.toFixed(2)} at start` +
      (result.machine.loadAverageAtStart > 0.5 ? ": other work is running and slows every row; compare the ratios, fastest beside median, and CPU" : ""),
    "",
  ].join("\n");
}

async function main(): Promise<number> {
  let opts: ReturnType<typeof options>;
  try {
    opts = options();
  } catch (error) {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  if (opts.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  // Outside the source tree, so editors, watchers and git never see 25,000 generated files.
  const root = mkdtempSync(join(tmpdir(), "handover-bench-"));
  if (!opts.keep) temporary.add(root);
  // Interrupted or killed by a job runner: stop the child and still remove the 25,000 files.
  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143], ["SIGHUP", 129]] as const) {
    process.once(signal, () => {
      current?.kill("SIGTERM");
      removeTemporary();
      process.exit(code);
    });
  }
  try {
    if (!opts.json) process.stderr.write(`bench: generating ${opts.clients} clients × ${opts.recordsPerClient} records in ${root} …\n`);
    const result = await bench(opts, root);
    process.stdout.write(opts.json ? `${JSON.stringify(result, null, 2)}\n` : table(result));
    return 0;
  } catch (error) {
    process.stderr.write(`bench: FAILED: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    removeTemporary();
  }
}

process.exitCode = await main();
