import { writeAtomic } from "../lib/write-atomic.ts";

/**
 * Where a build's time goes, stage by stage: the CPU time of the thread doing the stage (so a busy
 * machine barely changes it), and its wall time. Every thread and process of a build keeps its own
 * and the build adds them up; `HANDOVER_BUILD_PROFILE=<file>` writes the sum as JSON (the bench
 * reads it).
 */
export type Stage =
  | "prepare"
  | "outline"
  | "load"
  | "validate"
  | "derive"
  | "parse"
  | "render"
  | "send"
  | "astro-bundle"
  | "astro-render"
  | "hash"
  | "zip"
  | "write"
  | "reuse";

export interface StageTime {
  cpuMs: number;
  wallMs: number;
  calls: number;
}

export type StageTimes = Partial<Record<Stage, StageTime>>;

/** Adds one run of `stage` that took this much CPU and wall time. */
export function addTime(times: StageTimes, stage: Stage, cpuMs: number, wallMs: number): void {
  const time = (times[stage] ??= { cpuMs: 0, wallMs: 0, calls: 0 });
  time.cpuMs += cpuMs;
  time.wallMs += wallMs;
  time.calls += 1;
}

/** Adds one run of `stage` that started at `cpu` (process.threadCpuUsage()) and `wall` (performance.now()), and ends now. */
function addStage(times: StageTimes, stage: Stage, cpu: NodeJS.CpuUsage, wall: number): void {
  const used = process.threadCpuUsage(cpu);
  addTime(times, stage, (used.user + used.system) / 1000, performance.now() - wall);
}

export function timeStage<T>(times: StageTimes, stage: Stage, run: () => T): T {
  const cpu = process.threadCpuUsage();
  const wall = performance.now();
  try {
    return run();
  } finally {
    addStage(times, stage, cpu, wall);
  }
}

/** An asynchronous stage: its CPU time includes whatever else this thread ran while it waited. */
export async function timeStageAsync<T>(times: StageTimes, stage: Stage, run: () => Promise<T>): Promise<T> {
  const cpu = process.threadCpuUsage();
  const wall = performance.now();
  try {
    return await run();
  } finally {
    addStage(times, stage, cpu, wall);
  }
}

export function mergeStages(into: StageTimes, from: StageTimes | undefined): StageTimes {
  for (const [stage, time] of Object.entries(from ?? {}) as [Stage, StageTime][]) {
    const sum = (into[stage] ??= { cpuMs: 0, wallMs: 0, calls: 0 });
    sum.cpuMs += time.cpuMs;
    sum.wallMs += time.wallMs;
    sum.calls += time.calls;
  }
  return into;
}

/** The profile file a build writes, when one is asked for. */
export const PROFILE_ENV = "HANDOVER_BUILD_PROFILE";

export function writeProfile(env: NodeJS.ProcessEnv, times: StageTimes): void {
  const file = env[PROFILE_ENV];
  if (file) writeAtomic(file, `${JSON.stringify(times, null, 2)}\n`);
}
