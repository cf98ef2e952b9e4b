/**
 * `npm run bench`: writes a synthetic repository under the OS temp folder, then times
 * `handover validate` over it next to a floor measured in the same run (read every file and
 * parse its frontmatter with gray-matter), and `handover build` next to its own floor. Fails if
 * the synthetic data does not validate cleanly. Then, for each shipped example client, a
 * repository of as many copies of it (bench/copy-examples.ts), built clean next to the floor and
 * rebuilt with one client changed; each build's stages are reported. Last, `handover import` of a
 * generated ITFlow export next to parsing the same CSVs with csv-parse alone (bench/import-bench.ts).
 *
 *   node bench/run.ts [--clients 1000] [--records-per-client 25] [--runs 3] [--validate-runs 5] [--build-runs 3] [--import-runs 3] [--seed 1]
 *                     [--workload synthetic|harbor-finch|lakeside-dental ...] [--keep] [--no-build] [--no-import] [--json]
 */
import { mkdtempSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { Stage, StageTimes } from "../scripts/site/build-profile.ts";
import { benchBuild, benchRebuild } from "./build-bench.ts";
import { BenchFailure, CLI, MEASURE, alternatingPairs, median, node, removeTemporary, repeat, stopCurrent, temporary } from "./child.ts";
import { copyExample, EXAMPLES, type Example } from "./copy-examples.ts";
import { generateRepository } from "./generate.ts";
import { benchImport } from "./import-bench.ts";

/** Targets from the issues: validation and building within 2× their floors, one client in under half a second. */
const MAX_RATIO = 2;
const MAX_BUILD_RATIO = 2;
const MAX_ONE_CLIENT_MS = 500;
/** A rebuild with one client changed: at most this much beyond Astro building that one pack. */
const MAX_REBUILD_MARGIN_MS = 5000;
/** The build's peak memory, its own process and its Astro process together. */
const MAX_PEAK_KB = 1024 * 1024;
/** The import issue's target: importing an export within 3× parsing its CSVs. */
const MAX_IMPORT_RATIO = 3;

const WORKLOADS = ["synthetic", ...EXAMPLES] as const;
type Workload = (typeof WORKLOADS)[number];

const USAGE =
  "Usage: node bench/run.ts [--clients N] [--records-per-client N] [--runs N] [--validate-runs N] [--build-runs N] [--import-runs N] [--seed N]\n" +
  `                         [--workload ${WORKLOADS.join("|")} ...] [--keep] [--no-build] [--no-import] [--json]\n` +
  "  --clients N    synthetic clients, and copies of each example client (default 1000)\n" +
  "  --workload W   only these workloads (repeatable; default all)\n";

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
      workload: { type: "string", multiple: true },
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
  const workloads = values.workload ?? [...WORKLOADS];
  const unknown = workloads.find((workload) => !(WORKLOADS as readonly string[]).includes(workload));
  if (unknown) throw new BenchFailure(`--workload ${unknown}: choose from ${WORKLOADS.join(", ")}`);
  return {
    help: values.help,
    clients: count("clients"),
    recordsPerClient: count("records-per-client"),
    runs: count("runs"),
    validateRuns: count("validate-runs"),
    buildRuns: count("build-runs"),
    importRuns: count("import-runs"),
    seed: count("seed"),
    workloads: workloads as Workload[],
    keep: values.keep,
    build: !values["no-build"],
    import: !values["no-import"],
    json: values.json,
  };
}

type Options = ReturnType<typeof options>;

const min = (values: number[]) => Math.min(...values);

async function measure(mode: "floor" | "validate", root: string, runs: number) {
  const child = await node([MEASURE, mode, root, String(runs)]);
  const report = JSON.parse(child.stdout) as { times: number[]; cpuTimes: number[]; records: number; bytes?: number; problems?: number; firstProblems?: unknown[] };
  return { ...report, medianMs: median(report.times), cpuMedianMs: median(report.cpuTimes), peakKb: child.peakKb };
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

/** Writes a repository in batches, yielding between them, so a signal during generation is handled at once. */
async function inBatches(total: number, write: (first: number, count: number) => { slugs: string[]; files: number; bytes: number }) {
  const start = performance.now();
  const repo = { slugs: [] as string[], files: 0, bytes: 0 };
  for (let first = 0; first < total; first += 50) {
    const batch = write(first, Math.min(50, total - first));
    Object.assign(repo, { slugs: [...repo.slugs, ...batch.slugs], files: repo.files + batch.files, bytes: repo.bytes + batch.bytes });
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { ...repo, generateMs: performance.now() - start };
}

/** A fresh folder under the OS temp folder, outside the source tree, so editors, watchers and git never see its files. */
function repositoryFolder(opts: Options, name: string): string {
  const root = mkdtempSync(join(tmpdir(), `handover-bench-${name}-`));
  if (!opts.keep) temporary.add(root);
  return root;
}

async function benchSynthetic(opts: Options) {
  const root = repositoryFolder(opts, "synthetic");
  if (!opts.json) process.stderr.write(`bench: generating ${opts.clients} clients × ${opts.recordsPerClient} records in ${root} …\n`);
  const repo = await inBatches(opts.clients, (first, clients) => generateRepository(root, { ...opts, first, clients }));

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

  const perSecond = (records: number, ms: number) => Math.round((records / ms) * 1000);
  const oneMs = median(one.map((run) => run.ms));
  return {
    repository: { root: opts.keep ? root : undefined, clients: repo.slugs.length, files: repo.files, bytes: repo.bytes, generateMs: repo.generateMs },
    floor: { medianMs: floor.medianMs, runsMs: floor.runsMs, cpuMedianMs: floor.cpuMedianMs, recordsPerSecond: perSecond(repo.files, floor.medianMs), peakRssKb: floor.peakKb },
    validate: { medianMs: whole.medianMs, runsMs: whole.runsMs, cpuMedianMs: whole.cpuMedianMs, recordsPerSecond: perSecond(repo.files, whole.medianMs), peakRssKb: whole.peakKb, ratios: validation.ratios },
    validateCli: { ms: cli.ms, cpuMs: cli.cpuMs, recordsPerSecond: perSecond(repo.files, cli.ms), peakRssKb: cli.peakKb },
    oneClient: { slug, medianMs: oneMs, runsMs: one.map((run) => run.ms), cpuMedianMs: median(one.map((run) => run.cpuMs)), peakRssKb: median(one.map((run) => run.peakKb)) },
    startup: { medianMs: median(startup.map((run) => run.ms)), runsMs: startup.map((run) => run.ms), cpuMedianMs: median(startup.map((run) => run.cpuMs)), peakRssKb: median(startup.map((run) => run.peakKb)) },
    build: packs && { ...packs, out: undefined },
    targets: {
      // CPU time barely changes when other processes compete for the machine; wall time does.
      ratio: { value: validation.ratio, cpu: validation.cpuRatio, max: MAX_RATIO, met: validation.ratio <= MAX_RATIO },
      ...(packs ? { buildRatio: { value: packs.ratio, cpu: packs.cpuRatio, max: MAX_BUILD_RATIO, met: packs.ratio <= MAX_BUILD_RATIO } } : {}),
      oneClientMs: { value: oneMs, max: MAX_ONE_CLIENT_MS, met: oneMs < MAX_ONE_CLIENT_MS },
    },
  };
}

/** Copies of one example client: a clean build next to its floor, then rebuilds into its folder. */
async function benchExample(opts: Options, example: Example) {
  const root = repositoryFolder(opts, example);
  if (!opts.json) process.stderr.write(`bench: copying ${example} ${opts.clients} times into ${root} …\n`);
  const repo = await inBatches(opts.clients, (first, count) => copyExample(root, example, first, count));
  const clean = await benchBuild(root, repo.slugs, opts.buildRuns);
  const rebuild = await benchRebuild(root, repo.slugs, clean.out, opts.buildRuns);
  const peakKb = clean.build.peakRssKb + clean.build.astroPeakRssKb;
  return {
    example,
    repository: { root: opts.keep ? root : undefined, clients: repo.slugs.length, files: repo.files, bytes: repo.bytes, generateMs: repo.generateMs },
    build: { ...clean, out: undefined },
    rebuild,
    targets: {
      buildRatio: { value: clean.ratio, cpu: clean.cpuRatio, max: MAX_BUILD_RATIO, met: clean.ratio <= MAX_BUILD_RATIO },
      rebuildMarginMs: { value: rebuild.margin, max: MAX_REBUILD_MARGIN_MS, met: rebuild.margin < MAX_REBUILD_MARGIN_MS },
      peakKb: { value: peakKb, max: MAX_PEAK_KB, met: peakKb < MAX_PEAK_KB },
    },
  };
}

/** The options as the report shows them. */
const shownOptions = (opts: Options) => ({
  clients: opts.clients,
  recordsPerClient: opts.recordsPerClient,
  runs: opts.runs,
  validateRuns: opts.validateRuns,
  buildRuns: opts.buildRuns,
  importRuns: opts.importRuns,
  seed: opts.seed,
  workloads: opts.workloads,
});

/** Every workload in turn; `done` is given each one's lines of the table as soon as it is measured, so a later failure loses none. */
async function bench(opts: Options, done: (lines: string[]) => void) {
  // Before the benchmark adds its own load: anything above ~0 means something else is running.
  const machine = { node: process.version, cpus: cpus().length, loadAverageAtStart: loadavg()[0] as number };
  const shown = shownOptions(opts);
  const synthetic = opts.workloads.includes("synthetic") ? await benchSynthetic(opts) : undefined;
  if (synthetic) done(syntheticTable(synthetic, shown));
  const examples = [];
  for (const example of opts.build ? EXAMPLES.filter((name) => opts.workloads.includes(name)) : []) {
    const result = await benchExample(opts, example);
    done(exampleTable(result, shown));
    examples.push(result);
  }
  const measured = opts.import ? await benchImport(opts.runs, opts.importRuns, opts.seed) : undefined;
  const imported = measured && { ...measured, target: { max: MAX_IMPORT_RATIO, met: measured.ratio <= MAX_IMPORT_RATIO } };
  if (imported) done(importTable(imported, shown));
  return { machine, options: shown, synthetic, examples, import: imported };
}

type ShownOptions = ReturnType<typeof shownOptions>;
type SyntheticResult = Awaited<ReturnType<typeof benchSynthetic>>;
type ExampleResult = Awaited<ReturnType<typeof benchExample>>;
type ImportResult = Awaited<ReturnType<typeof benchImport>> & { target: { max: number; met: boolean } };

const runsLabel = (runs: number) => (runs === 1 ? "1 run" : `median of ${runs}`);
const pairsLabel = (pairs: number) => (pairs === 1 ? "one pair" : `median of ${pairs} pairs`);
const seconds = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
const thousands = (n: number) => n.toLocaleString("en-US");
const verdict = (met: boolean) => (met ? "ok" : "OVER TARGET");
const ratios = (values: number[]) => values.map((ratio) => `${ratio.toFixed(2)}×`).join(", ");

/** Rows as aligned columns: the first left-aligned, the rest right-aligned. */
function columns(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length)));
  return rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("   ").trimEnd());
}

function buildRows(build: NonNullable<SyntheticResult["build"]>, runs: number): string[][] {
  return [
    [`build floor: Astro, ${thousands(build.floor.pages)} trivial pages (${runsLabel(runs)})`, seconds(build.floor.ms), seconds(min(build.floor.runsMs)), seconds(build.floor.cpuMs), "", mb(build.floor.peakRssKb)],
    [`handover build, ${thousands(build.pages)} pages + zips (${runsLabel(runs)})`, seconds(build.build.ms), seconds(min(build.build.runsMs)), seconds(build.build.cpuMs), "", `${mb(build.build.peakRssKb)} + ${mb(build.build.astroPeakRssKb)}`],
  ];
}

function buildRatioLine(build: NonNullable<SyntheticResult["build"]>, runs: number): string {
  return (
    `build / floor:      ${build.ratio.toFixed(2)}×   (target ≤ ${MAX_BUILD_RATIO}×)     ${verdict(build.ratio <= MAX_BUILD_RATIO)}   ` +
    `[${pairsLabel(runs)} of floor and build: ${ratios(build.ratios)}; CPU time: ${build.cpuRatio.toFixed(2)}×]`
  );
}

const STAGE_ORDER: Stage[] = ["prepare", "outline", "load", "validate", "parse", "derive", "render", "send", "astro-bundle", "astro-render", "hash", "zip", "write", "reuse"];

/** Where a build's time went: CPU of the thread doing each stage, summed over clients, and its wall time. */
function stageLines(stages: StageTimes, label: string): string[] {
  const present = STAGE_ORDER.filter((stage) => stages[stage]);
  const cpu = present.reduce((sum, stage) => sum + (stages[stage]?.cpuMs ?? 0), 0);
  return [
    `stages of ${label} (CPU of the thread doing it, summed; the Astro rows are its whole process):`,
    ...columns([
      ["  stage", "CPU", "share", "wall"],
      ...present.map((stage) => {
        const time = stages[stage]!;
        return [`  ${stage}`, seconds(time.cpuMs), `${((time.cpuMs / cpu) * 100).toFixed(0)}%`, seconds(time.wallMs)];
      }),
      ["  all stages", seconds(cpu), "", ""],
    ]),
  ];
}

function syntheticTable(result: SyntheticResult, opts: ShownOptions): string[] {
  const { repository: repo, targets } = result;
  const rows: string[][] = [
    [`(median of ${opts.runs} runs unless noted)`, "median", "fastest", "CPU", "records/s", "peak RSS"],
    [`floor: read + gray-matter (${runsLabel(opts.runs * opts.validateRuns)})`, seconds(result.floor.medianMs), seconds(min(result.floor.runsMs)), seconds(result.floor.cpuMedianMs), thousands(result.floor.recordsPerSecond), mb(result.floor.peakRssKb)],
    [`validateRepositoryProblems(root), in-process (${runsLabel(opts.runs * opts.validateRuns)})`, seconds(result.validate.medianMs), seconds(min(result.validate.runsMs)), seconds(result.validate.cpuMedianMs), thousands(result.validate.recordsPerSecond), mb(result.validate.peakRssKb)],
    ["handover validate --format json, CLI (1 run)", seconds(result.validateCli.ms), "", seconds(result.validateCli.cpuMs), thousands(result.validateCli.recordsPerSecond), mb(result.validateCli.peakRssKb)],
    ["handover validate <one client>, CLI", seconds(result.oneClient.medianMs), seconds(min(result.oneClient.runsMs)), seconds(result.oneClient.cpuMedianMs), "", mb(result.oneClient.peakRssKb)],
    ["handover --help, start-up only", seconds(result.startup.medianMs), seconds(min(result.startup.runsMs)), seconds(result.startup.cpuMedianMs), "", mb(result.startup.peakRssKb)],
    ...(result.build ? buildRows(result.build, opts.buildRuns) : []),
  ];
  return [
    `synthetic: ${thousands(repo.clients)} clients, ${thousands(repo.files)} records, ${(repo.bytes / 1024 / 1024).toFixed(1)} MB ` +
      `(seed ${opts.seed}, generated in ${seconds(repo.generateMs)}${repo.root ? `, kept at ${repo.root}` : ""})`,
    "",
    ...columns(rows),
    "",
    `validation / floor: ${targets.ratio.value.toFixed(2)}×   (target ≤ ${MAX_RATIO}×)     ${verdict(targets.ratio.met)}   ` +
      `[${pairsLabel(opts.validateRuns)} of floor and validation: ${ratios(result.validate.ratios)}; CPU time: ${targets.ratio.cpu.toFixed(2)}×]`,
    `one client:         ${seconds(targets.oneClientMs.value)}   (target < ${seconds(MAX_ONE_CLIENT_MS)})   ${verdict(targets.oneClientMs.met)}   [${result.oneClient.slug}]`,
    ...(result.build ? [buildRatioLine(result.build, opts.buildRuns), "", ...stageLines(result.build.build.stages, "the clean build")] : []),
    "",
  ];
}

function exampleTable(result: ExampleResult, opts: ShownOptions): string[] {
  const { repository: repo, build, rebuild, targets } = result;
  const runs = opts.buildRuns;
  const rows: string[][] = [
    ["", "median", "fastest", "CPU", "", "peak RSS (toolkit + Astro)"],
    ...buildRows(build, runs),
    ["handover build again, nothing changed (1 run)", seconds(rebuild.unchanged.ms), "", seconds(rebuild.unchanged.cpuMs), "", `${mb(rebuild.unchanged.peakRssKb)} + ${mb(rebuild.unchanged.astroPeakRssKb)}`],
    [`build floor: Astro, one pack's trivial pages (${runsLabel(runs)})`, seconds(rebuild.floor.ms), seconds(min(rebuild.floor.runsMs)), seconds(rebuild.floor.cpuMs), "", mb(rebuild.floor.peakRssKb)],
    [`handover build again, ${rebuild.slug} changed (${runsLabel(runs)})`, seconds(rebuild.oneChanged.ms), seconds(min(rebuild.oneChanged.runsMs)), seconds(rebuild.oneChanged.cpuMs), "", `${mb(rebuild.oneChanged.peakRssKb)} + ${mb(rebuild.oneChanged.astroPeakRssKb)}`],
  ];
  return [
    `${result.example} × ${thousands(repo.clients)}: ${thousands(repo.files)} records, ${(repo.bytes / 1024 / 1024).toFixed(1)} MB, ${thousands(build.pages)} pages ` +
      `(copied in ${seconds(repo.generateMs)}${repo.root ? `, kept at ${repo.root}` : ""})`,
    "",
    ...columns(rows),
    "",
    buildRatioLine(build, runs),
    `rebuild − floor:    ${seconds(targets.rebuildMarginMs.value)}   (target < ${seconds(MAX_REBUILD_MARGIN_MS)})   ${verdict(targets.rebuildMarginMs.met)}   ` +
      `[one client changed, beyond Astro building its pack alone, ${pairsLabel(runs)}: ${rebuild.margins.map(seconds).join(", ")}]`,
    `peak memory:        ${mb(targets.peakKb.value)}   (target < ${mb(MAX_PEAK_KB)})   ${verdict(targets.peakKb.met)}   [the clean build's process and its Astro process, added up]`,
    "",
    ...stageLines(build.build.stages, "the clean build"),
    "",
    ...stageLines(rebuild.oneChanged.stages, "the rebuild with one client changed"),
    "",
  ];
}

function importTable(result: ImportResult, opts: ShownOptions): string[] {
  const runs = runsLabel(opts.runs * opts.importRuns);
  const perSecond = (count: number, ms: number) => thousands(Math.round((count / ms) * 1000));
  const row = (label: string, side: ImportResult["floor"], count: number) => [label, seconds(side.ms), seconds(min(side.runsMs)), seconds(side.cpuMs), perSecond(count, side.ms), mb(side.peakRssKb)];
  const rows: string[][] = [
    ["", "median", "fastest", "CPU", "rows, files or records/s", "peak RSS"],
    row(`import floor: csv-parse over the ITFlow CSVs (${runs})`, result.floor, result.export.rows),
    row(`write floor: writeFileSync of the ${thousands(result.files)} files the import writes (${runs})`, result.writeFloor, result.files),
    row(`import: read, scan, map, write ${thousands(result.records)} records (${runs})`, result.import, result.records),
    ["handover import, CLI: + start-up, validation, CHECKLIST.md (1 run)", seconds(result.cli.ms), "", seconds(result.cli.cpuMs), "", mb(result.cli.peakRssKb)],
    [`handover import again, same export: ${thousands(result.again.unchanged)} unchanged (1 run)`, seconds(result.again.ms), "", seconds(result.again.cpuMs), "", ""],
  ];
  return [
    `import: an ITFlow export of ${thousands(result.export.rows)} rows in ${result.export.files} files, ${(result.export.bytes / 1024 / 1024).toFixed(1)} MB (seed ${result.export.seed})`,
    "",
    ...columns(rows),
    "",
    `import / floor:     ${result.ratio.toFixed(2)}×   (target ≤ ${MAX_IMPORT_RATIO}×)     ${verdict(result.target.met)}   ` +
      `[${pairsLabel(opts.importRuns)} of floor and import: ${ratios(result.ratios)}; CPU time: ${result.cpuRatio.toFixed(2)}×]`,
    `import / (floor + write floor): ${result.withWritesRatio.toFixed(2)}×   [${ratios(result.withWritesRatios)}; the write floor alone is ${(result.writeFloor.ms / result.floor.ms).toFixed(1)}× the csv-parse floor]`,
    "",
  ];
}

/** The machine the figures were measured on, and whether something else was running. */
function machineLine(machine: { node: string; cpus: number; loadAverageAtStart: number }): string {
  return (
    `node ${machine.node}, ${machine.cpus} CPUs, load average ${machine.loadAverageAtStart.toFixed(2)} at start` +
    (machine.loadAverageAtStart > 0.5 ? ": other work is running and slows every row; compare the ratios, fastest beside median, and CPU" : "")
  );
}

async function main(): Promise<number> {
  let opts: Options;
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
  // Interrupted or killed by a job runner: stop the child and still remove the generated files.
  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143], ["SIGHUP", 129]] as const) {
    process.once(signal, () => {
      stopCurrent();
      removeTemporary();
      process.exit(code);
    });
  }
  try {
    if (!opts.json) process.stdout.write("handover bench\n\n");
    const result = await bench(opts, (lines) => opts.json || process.stdout.write(`${lines.join("\n")}\n`));
    process.stdout.write(opts.json ? `${JSON.stringify(result, null, 2)}\n` : `${machineLine(result.machine)}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`bench: FAILED: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    removeTemporary();
  }
}

process.exitCode = await main();
