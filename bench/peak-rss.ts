/**
 * Preloaded (`node --import`) into every child the benchmark starts: on exit, writes the
 * process's peak resident set size in kilobytes to file descriptor 3, which bench/run.ts
 * opens as a pipe. Node has no rusage for children, and /usr/bin/time is not everywhere.
 */
import { writeSync } from "node:fs";

process.on("exit", () => {
  try {
    writeSync(3, `${process.resourceUsage().maxRSS}\n`);
  } catch {
    // Started without fd 3 (by hand, not by bench/run.ts): nothing to report to.
  }
});
