/**
 * How the bench runs and times what it measures: each command a child process of its own, timed
 * from spawn to exit, with its peak memory and CPU time; floors and measurements in alternating
 * pairs; and the temporary folders it removes however the run ends.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const BENCH = dirname(fileURLToPath(import.meta.url));
export const PROJECT = resolve(BENCH, "..");
export const CLI = join(PROJECT, "scripts", "handover.ts");
export const MEASURE = join(BENCH, "measure.ts");
export const BUILD_FLOOR = join(BENCH, "build-floor.ts");
const PEAK_RSS = join(BENCH, "peak-rss.ts");

export class BenchFailure extends Error {}

export interface ChildRun {
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

/** Folders to remove however the run ends, and the child running now: a signal must reach both. */
export const temporary = new Set<string>();
let current: ChildProcess | undefined;

export function removeTemporary(): void {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
  temporary.clear();
}

/** Stops the child running now, if any: for the bench's own signal handlers. */
export function stopCurrent(): void {
  current?.kill("SIGTERM");
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
export async function node(args: string[], { expectExit = 0, env = {} }: { expectExit?: number; env?: Record<string, string> } = {}): Promise<ChildRun> {
  const start = performance.now();
  // HANDOVER_BENCH_REPORT: only this child reports on fd 3; processes it forks inherit the preload, not the pipe.
  const childEnv = { ...process.env, ...env, HANDOVER_BENCH_REPORT: "1" };
  const child = spawn(process.execPath, ["--import", PEAK_RSS, ...args], { cwd: PROJECT, env: childEnv, stdio: ["ignore", "pipe", "pipe", "pipe"] });
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
export async function repeat(count: number, args: string[]): Promise<ChildRun[]> {
  const runs: ChildRun[] = [];
  for (let run = 0; run < count; run += 1) runs.push(await node(args));
  return runs;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/**
 * `count` pairs of a floor and the measured command, one right after the other so the two meet the
 * same state of the machine (its speed drifts by a third within minutes), in alternating order so
 * neither always gets the warmer cache.
 */
export async function alternatingPairs<F, M>(count: number, floor: (pair: number) => Promise<F>, measured: (pair: number) => Promise<M>): Promise<{ floor: F; measured: M }[]> {
  const pairs: { floor: F; measured: M }[] = [];
  for (let pair = 0; pair < count; pair += 1) {
    if (pair % 2 === 0) {
      const first = await floor(pair);
      pairs.push({ floor: first, measured: await measured(pair) });
    } else {
      const first = await measured(pair);
      pairs.push({ floor: await floor(pair), measured: first });
    }
  }
  return pairs;
}

/** Flushes the disk before a measurement: a build's hundreds of megabytes still being written would slow whatever runs next. */
export function settleDisk(): void {
  spawnSync("sync");
}
