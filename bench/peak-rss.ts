/**
 * Preloaded (`node --import`) into every child the benchmark starts: on exit, writes the
 * process's peak resident set size in kilobytes and its CPU time (user + system) in
 * microseconds to file descriptor 3, which bench/run.ts opens as a pipe. Node has no rusage
 * for children, and /usr/bin/time is not everywhere.
 */
import { writeSync } from "node:fs";

process.on("exit", () => {
  try {
    const usage = process.resourceUsage();
    writeSync(3, `${usage.maxRSS} ${usage.userCPUTime + usage.systemCPUTime}\n`);
  } catch {
    // Started without fd 3 (by hand, not by bench/run.ts): nothing to report to.
  }
});
