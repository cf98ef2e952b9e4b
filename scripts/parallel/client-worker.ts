import { parentPort, workerData } from "node:worker_threads";
import { UsageError } from "../lib/usage-error.ts";
import type { ClientJob } from "./client-pool.ts";

/** A worker thread of runPerClient: imports the job's module, then runs it for each client it is sent. */
const { url, context } = workerData as { url: string; context: unknown };
const { job } = (await import(url)) as { job: ClientJob<unknown, unknown> };
const port = parentPort;
if (!port) throw new Error("client-worker.ts runs only as a worker thread");

port.on("message", async ({ index, slug }: { index: number; slug: string }) => {
  try {
    port.postMessage({ index, result: await job.run(context, slug) });
  } catch (error) {
    port.postMessage({ index, error: error instanceof Error ? error.message : String(error), usage: error instanceof UsageError });
  }
});
