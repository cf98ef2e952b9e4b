/**
 * Preloaded (`node --import`) into every child the benchmark starts: on exit, writes the
 * process's peak resident set size in kilobytes and its CPU time (user + system) in
 * microseconds to file descriptor 3, which bench/run.ts opens as a pipe. Node has no rusage
 * for children, and /usr/bin/time is not everywhere. The processes that child starts (the build's
 * Astro process) inherit the preload and append their own peak, one line each, to the file
 * HANDOVER_BENCH_DESCENDANTS names.
 */
import { appendFileSync, readFileSync, writeSync } from "node:fs";
import { isMainThread } from "node:worker_threads";

/**
 * CPU time of the processes this one started and waited for (the build's Astro process), from
 * Linux's /proc: the `cutime` and `cstime` fields, in clock ticks of 1/100 s. Zero elsewhere.
 */
function childrenCpuMicroseconds(): number {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[13]) + Number(fields[14])) * 10_000;
  } catch {
    return 0;
  }
}

// Set by bench/run.ts for the process it measures; removed here, so a process this one forks (it
// inherits the preload, and its file descriptor 3 may be an IPC channel) stays silent on fd 3.
const measured = process.env.HANDOVER_BENCH_REPORT === "1";
delete process.env.HANDOVER_BENCH_REPORT;
const descendants = process.env.HANDOVER_BENCH_DESCENDANTS;

process.on("exit", () => {
  const usage = process.resourceUsage();
  if (!measured) {
    // Worker threads share their process's memory; only a process reports it.
    if (descendants && isMainThread) appendFileSync(descendants, `${usage.maxRSS}\n`);
    return;
  }
  try {
    writeSync(3, `${usage.maxRSS} ${usage.userCPUTime + usage.systemCPUTime + childrenCpuMicroseconds()}\n`);
  } catch {
    // Started without fd 3 (by hand, not by bench/run.ts): nothing to report to.
  }
});
