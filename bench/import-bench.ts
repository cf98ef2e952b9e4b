/**
 * The import of a synthetic ITFlow export (5,000 assets, 5,000 credentials, 2,000 tickets:
 * bench/itflow-export.ts) into a new client, next to its floor: csv-parse alone over the same CSVs.
 */
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BENCH, BenchFailure, CLI, alternatingPairs, median, node, temporary } from "./child.ts";
import { BENCH_EXPORT, writeItflowExport } from "./itflow-export.ts";

const IMPORT_MEASURE = join(BENCH, "import-measure.ts");

/**
 * Each side `runs` times in a process of its own, in alternating pairs, the ratios the medians of
 * the pairs' ratios. Then, once each, the whole command as a tech runs it (start-up, the client's
 * validation and CHECKLIST.md included), and the same export imported again.
 */
export async function benchImport(runs: number, pairs: number, seed: number) {
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
