/**
 * One measurement of the import bench, run by bench/import-bench.ts in a fresh process:
 *
 *   node bench/import-measure.ts floor <export> <runs>          parse every CSV of the ITFlow export with csv-parse alone
 *   node bench/import-measure.ts write-floor <client> <runs>    create a copy of every file of an imported client folder
 *                                                               with writeFileSync, its bytes read before the clock starts
 *   node bench/import-measure.ts import <export> <runs>         what `handover import itflow <export>` does for a new client:
 *                                                               read the export, scan every value, map, plan, and write
 *                                                               the client folder (each run into a fresh root)
 *
 * Prints one line of JSON: the wall and CPU time of each run in milliseconds and what was processed.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { parseItflowFloor } from "./itflow-export.ts";

const [mode, source, runsText] = process.argv.slice(2);
const runs = Number(runsText ?? 1);
if ((mode !== "floor" && mode !== "write-floor" && mode !== "import") || !source || !(runs >= 1)) {
  process.stderr.write("usage: node bench/import-measure.ts floor|write-floor|import <export or client folder> <runs>\n");
  process.exit(2);
}

// Loaded only in import mode, so a floor process never pays for the toolkit.
const tools = mode === "import" ? { ...(await import("../scripts/import/import-client.ts")), ...(await import("../scripts/import/sources/index.ts")) } : undefined;

/** Every file under a folder, with its bytes. */
function filesUnder(dir: string): { path: string; bytes: Buffer }[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((path) => statSync(join(dir, path)).isFile())
    .sort()
    .map((path) => ({ path, bytes: readFileSync(join(dir, path)) }));
}
const written = mode === "write-floor" ? filesUnder(source) : [];

const times: number[] = [];
const cpuTimes: number[] = [];
// Removed only after the last run: creating thousands of files just after deleting as many is
// slower on some file systems, which would charge each run for the one before.
const roots: string[] = [];
let summary: Record<string, unknown> = {};
for (let run = 0; run < runs; run += 1) {
  const root = mode === "floor" ? undefined : mkdtempSync(join(tmpdir(), `handover-bench-${mode}-`));
  if (root) roots.push(root);
  if (root && tools) mkdirSync(join(root, "clients"));
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  if (tools && root) {
    const data = await tools.exportSources.itflow.read(source, {});
    const outcome = tools.importClient(data, { root, slug: "harbor-finch-legal", dryRun: false });
    const files = outcome.plan?.files ?? [];
    summary = { records: files.length, withheld: files.filter((file) => file.withheld.length > 0).length, problems: outcome.problems.length };
  } else if (root) {
    const folders = new Set<string>();
    for (const { path, bytes } of written) {
      const file = join(root, path);
      if (!folders.has(dirname(file))) mkdirSync(dirname(file), { recursive: true });
      folders.add(dirname(file));
      writeFileSync(file, bytes, { flag: "wx" });
    }
    summary = { files: written.length, bytes: written.reduce((sum, file) => sum + file.bytes.length, 0) };
  } else {
    summary = parseItflowFloor(source);
  }
  times.push(performance.now() - start);
  const cpu = process.cpuUsage(cpuStart);
  cpuTimes.push((cpu.user + cpu.system) / 1000);
}
for (const root of roots) rmSync(root, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify({ mode, times, cpuTimes, ...summary })}\n`);
