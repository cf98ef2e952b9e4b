/**
 * Times the ITFlow reader (scripts/import/sources/itflow.ts) against csv-parse alone on the same
 * synthetic export (bench/itflow-export.ts), in one process, alternating the two so both meet the
 * same state of the machine. The whole import must stay within 3× the floor; the reader is only
 * part of it.
 *
 *   node bench/itflow-reader.ts [--runs 7] [--seed 1]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { itflowSource } from "../scripts/import/sources/itflow.ts";
import { BENCH_EXPORT, parseItflowFloor, writeItflowExport } from "./itflow-export.ts";

const { values } = parseArgs({ options: { runs: { type: "string", default: "7" }, seed: { type: "string", default: "1" } } });
const runs = Number(values.runs);
const dir = mkdtempSync(join(tmpdir(), "handover-itflow-bench-"));
try {
  const written = writeItflowExport(dir, { ...BENCH_EXPORT, seed: Number(values.seed) });
  const floor: number[] = [];
  const reader: number[] = [];
  let items = 0;
  const floorCpu: number[] = [];
  const readerCpu: number[] = [];
  /** Wall time, and CPU time (user + system): on a shared machine the CPU time is the steadier of the two. */
  const time = async (work: () => unknown, cpu: number[]) => {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    await work();
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
    return performance.now() - start;
  };
  // One untimed round of each first: module loading and the JIT's warm-up are not the import's cost.
  parseItflowFloor(dir);
  await itflowSource.read(dir, {});
  for (let run = 0; run < runs; run += 1) {
    const pair = [
      async () => floor.push(await time(() => parseItflowFloor(dir), floorCpu)),
      async () =>
        reader.push(
          await time(async () => {
            const data = await itflowSource.read(dir, {});
            items = data.assets.length + data.credentials.length + data.tickets.length + data.contacts.length;
            if (data.problems.length > 0) throw new Error(`the synthetic export has problems: ${JSON.stringify(data.problems.slice(0, 3))}`);
          }, readerCpu),
        ),
    ];
    for (const step of run % 2 === 0 ? pair : pair.reverse()) await step();
  }
  const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] as number;
  const ms = (list: number[]) => Math.round(median(list));
  const result = {
    ...BENCH_EXPORT,
    bytes: written.bytes,
    items,
    runs,
    floorMs: ms(floor),
    readerMs: ms(reader),
    ratio: Number((median(reader) / median(floor)).toFixed(2)),
    floorCpuMs: ms(floorCpu),
    readerCpuMs: ms(readerCpu),
    cpuRatio: Number((median(readerCpu) / median(floorCpu)).toFixed(2)),
    // The least of each: what the work costs when nothing else on the machine gets in its way.
    floorCpuMinMs: Math.round(Math.min(...floorCpu)),
    readerCpuMinMs: Math.round(Math.min(...readerCpu)),
    cpuMinRatio: Number((Math.min(...readerCpu) / Math.min(...floorCpu)).toFixed(2)),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
