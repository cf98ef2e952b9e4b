/**
 * The import of a synthetic ITFlow export (5,000 assets, 5,000 credentials, 2,000 tickets:
 * bench/itflow-export.ts) into a new client, next to its floor: csv-parse alone over the same CSVs.
 * Beside it, a second floor: creating the files the import writes, with nothing else done.
 */
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BENCH, BenchFailure, CLI, alternatingPairs, median, node, temporary } from "./child.ts";
import { BENCH_EXPORT, writeItflowExport } from "./itflow-export.ts";

const IMPORT_MEASURE = join(BENCH, "import-measure.ts");
const SLUG = "harbor-finch-legal";

interface Measured {
  times: number[];
  cpuTimes: number[];
  records?: number;
  rows?: number;
  files?: number;
  problems?: number;
  medianMs: number;
  cpuMedianMs: number;
  peakKb: number;
}

async function measure(mode: "floor" | "write-floor" | "import", source: string, runs: number): Promise<Measured> {
  const child = await node([IMPORT_MEASURE, mode, source, String(runs)]);
  const report = JSON.parse(child.stdout) as Omit<Measured, "medianMs" | "cpuMedianMs" | "peakKb">;
  return { ...report, medianMs: median(report.times), cpuMedianMs: median(report.cpuTimes), peakKb: child.peakKb };
}

/**
 * First the whole command as a tech runs it (start-up, the client's validation and CHECKLIST.md
 * included), and the same export imported again, once each. Then the floors and the import, each
 * `runs` times in a process of its own, in alternating pairs; the ratios are the medians of the
 * pairs' ratios. The write floor copies the client folder the command wrote.
 */
export async function benchImport(runs: number, pairs: number, seed: number) {
  const dir = mkdtempSync(join(tmpdir(), "handover-bench-itflow-"));
  temporary.add(dir);
  const written = writeItflowExport(dir, { ...BENCH_EXPORT, seed });
  const root = mkdtempSync(join(tmpdir(), "handover-bench-import-cli-"));
  temporary.add(root);
  mkdirSync(join(root, "clients"));
  const command = [CLI, "import", "itflow", dir, "--client", SLUG, "--root", root, "--format", "json"];
  const cli = await node(command);
  const again = await node(command);
  const unchanged = (JSON.parse(again.stdout) as { unchanged: number }).unchanged;

  const floors = async () => ({ parse: await measure("floor", dir, runs), write: await measure("write-floor", join(root, "clients", SLUG), runs) });
  const measured = await alternatingPairs(pairs, floors, () => measure("import", dir, runs));
  const last = measured.at(-1) as (typeof measured)[number];
  if (last.measured.problems !== 0) throw new BenchFailure(`the synthetic ITFlow export has ${last.measured.problems} problems`);
  const side = (pick: (pair: (typeof measured)[number]) => Measured) => ({
    ms: median(measured.flatMap((pair) => pick(pair).times)),
    runsMs: measured.flatMap((pair) => pick(pair).times),
    cpuMs: median(measured.flatMap((pair) => pick(pair).cpuTimes)),
    peakRssKb: median(measured.map((pair) => pick(pair).peakKb)),
  });
  const ratios = (floor: (pair: (typeof measured)[number]) => number) => measured.map((pair) => pair.measured.medianMs / floor(pair));
  const parseRatios = ratios((pair) => pair.floor.parse.medianMs);
  const bothRatios = ratios((pair) => pair.floor.parse.medianMs + pair.floor.write.medianMs);
  return {
    export: { ...BENCH_EXPORT, seed, files: written.files, bytes: written.bytes, rows: last.floor.parse.rows ?? 0 },
    records: last.measured.records ?? 0,
    files: last.floor.write.files ?? 0,
    floor: side((pair) => pair.floor.parse),
    writeFloor: side((pair) => pair.floor.write),
    import: side((pair) => pair.measured),
    ratios: parseRatios,
    ratio: median(parseRatios),
    cpuRatio: median(measured.map((pair) => pair.measured.cpuMedianMs / pair.floor.parse.cpuMedianMs)),
    withWritesRatios: bothRatios,
    withWritesRatio: median(bothRatios),
    cli: { ms: cli.ms, cpuMs: cli.cpuMs, peakRssKb: cli.peakKb },
    again: { ms: again.ms, cpuMs: again.cpuMs, unchanged },
  };
}
