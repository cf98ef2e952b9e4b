/**
 * One measurement of the import bench, run by bench/run.ts in a fresh process:
 *
 *   node bench/import-measure.ts floor <export> <runs>    parse every CSV of the ITFlow export with csv-parse alone
 *   node bench/import-measure.ts import <export> <runs>   what `handover import itflow <export>` does for a new client:
 *                                                         read the export, scan every value, map, plan, and write
 *                                                         the client folder (each run into a fresh root)
 *
 * Prints one line of JSON: the wall and CPU time of each run in milliseconds and what was processed.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseItflowFloor } from "./itflow-export.ts";

const [mode, exportDir, runsText] = process.argv.slice(2);
const runs = Number(runsText ?? 1);
if ((mode !== "floor" && mode !== "import") || !exportDir || !(runs >= 1)) {
  process.stderr.write("usage: node bench/import-measure.ts floor|import <export> <runs>\n");
  process.exit(2);
}

// Loaded only in import mode, so the floor process never pays for the toolkit.
const tools = mode === "import" ? { ...(await import("../scripts/import/import-client.ts")), ...(await import("../scripts/import/sources/index.ts")) } : undefined;

const times: number[] = [];
const cpuTimes: number[] = [];
// Removed only after the last run: creating thousands of files just after deleting as many is
// slower on some file systems, which would charge each run for the one before.
const roots: string[] = [];
let summary: Record<string, unknown> = {};
for (let run = 0; run < runs; run += 1) {
  const root = tools ? mkdtempSync(join(tmpdir(), "handover-bench-import-")) : undefined;
  if (root) {
    mkdirSync(join(root, "clients"));
    roots.push(root);
  }
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  if (tools && root) {
    const data = await tools.exportSources.itflow.read(exportDir, {});
    const outcome = tools.importClient(data, { root, slug: "harbor-finch-legal", dryRun: false });
    const files = outcome.plan?.files ?? [];
    summary = { records: files.length, withheld: files.filter((file) => file.withheld.length > 0).length, problems: outcome.problems.length };
  } else {
    summary = parseItflowFloor(exportDir);
  }
  times.push(performance.now() - start);
  const cpu = process.cpuUsage(cpuStart);
  cpuTimes.push((cpu.user + cpu.system) / 1000);
}
for (const root of roots) rmSync(root, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify({ mode, times, cpuTimes, ...summary })}\n`);
