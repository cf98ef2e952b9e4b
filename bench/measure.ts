/**
 * One measurement, run by bench/run.ts in a fresh process so that its peak memory is its own:
 *
 *   node bench/measure.ts floor <root> <runs>      read every record and parse its frontmatter with gray-matter
 *   node bench/measure.ts validate <root> <runs>   validateRepositoryProblems(root), in-process, no CLI: what
 *                                                  `handover validate` runs, on every CPU
 *
 * Prints one line of JSON: the wall and CPU time of each run in milliseconds and what was processed.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import matter from "gray-matter";

const [mode, root, runsText] = process.argv.slice(2);
const runs = Number(runsText ?? 1);
if ((mode !== "floor" && mode !== "validate") || !root || !(runs >= 1)) {
  process.stderr.write("usage: node bench/measure.ts floor|validate <root> <runs>\n");
  process.exit(2);
}

/** The least any validator must do: find the files, read them, split and parse the YAML. */
function floor(dir: string, totals = { files: 0, bytes: 0, fields: 0 }) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) floor(path, totals);
    else if (entry.isFile() && entry.name.endsWith(".md")) {
      const raw = readFileSync(path);
      // Passing options, even empty ones, bypasses gray-matter's cache keyed by file content,
      // which would otherwise make every run after the first nearly free.
      const { data } = matter(raw.toString("utf8"), {});
      totals.files += 1;
      totals.bytes += raw.length;
      totals.fields += Object.keys(data).length;
    }
  }
  return totals;
}

/**
 * Resolves once a turn of the event loop finds nothing left to do. Libraries may defer work
 * past the promise they return (in setImmediate callbacks or observers); the CLI pays for that
 * before it exits, so the timing must too.
 */
async function settled(): Promise<void> {
  for (let turn = 0; turn < 100_000; turn += 1) {
    const start = performance.now();
    await new Promise((resolve) => setImmediate(resolve));
    if (performance.now() - start < 1) return;
  }
}

const times: number[] = [];
const cpuTimes: number[] = [];
let summary: Record<string, unknown> = {};
// Imported only in validate mode, so the floor process never loads (or pays memory for) the validator.
const { validateRepositoryProblems } = mode === "validate" ? await import("../scripts/validate-repository.ts") : { validateRepositoryProblems: undefined };

for (let run = 0; run < runs; run += 1) {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  if (validateRepositoryProblems) {
    const result = await validateRepositoryProblems(root);
    summary = { clients: result.clients, records: result.records, problems: result.problems.length, firstProblems: result.problems.slice(0, 10) };
  } else {
    const totals = floor(join(root, "clients"));
    summary = { records: totals.files, bytes: totals.bytes, fields: totals.fields };
  }
  await settled();
  times.push(performance.now() - start);
  const cpu = process.cpuUsage(cpuStart);
  cpuTimes.push((cpu.user + cpu.system) / 1000);
}
process.stdout.write(`${JSON.stringify({ mode, times, cpuTimes, ...summary })}\n`);
