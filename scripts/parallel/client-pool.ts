import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { UsageError } from "../lib/usage-error.ts";
import { WORKER_RESOURCE_LIMITS } from "../lib/young-generation.ts";

/**
 * Work done once per client, the same in this thread and in a worker thread: a module exports it
 * as `job`, made by defineJob so that a worker can import the module by its URL.
 */
export interface ClientJob<Context, Result> {
  url: string;
  run(context: Context, slug: string): Promise<Result>;
}

export function defineJob<Context, Result>(moduleUrl: string, run: (context: Context, slug: string) => Promise<Result>): ClientJob<Context, Result> {
  return { url: moduleUrl, run };
}

/** Starting a worker (loading every module again) costs about as much as validating this many clients. */
const CLIENTS_PER_WORKER = 40;
/** Clients sent ahead to each worker, so it never waits for this thread between two clients. */
const AHEAD = 2;
const WORKER = new URL("./client-worker.ts", import.meta.url);

/**
 * Worker threads worth starting for this many clients: this thread works too, so one fewer than
 * the CPUs. `HANDOVER_WORKERS` sets the number, for machines whose CPU count misleads (containers).
 */
export function defaultWorkers(clients: number, env: NodeJS.ProcessEnv = process.env): number {
  const set = Number(env.HANDOVER_WORKERS);
  if (env.HANDOVER_WORKERS !== undefined && Number.isInteger(set) && set >= 0) return set;
  return Math.max(0, Math.min(availableParallelism() - 1, Math.floor(clients / CLIENTS_PER_WORKER)));
}

/**
 * Runs `job` for every slug over this thread and `workers` worker threads, each taking the next
 * client when it is free. Results are in the order of `slugs`, whoever computed them. Context and
 * results cross threads by structured clone, so both must be plain data.
 */
export async function runPerClient<Context, Result>(
  job: ClientJob<Context, Result>,
  context: Context,
  slugs: readonly string[],
  {
    workers = defaultWorkers(slugs.length),
    onResult = () => {},
    pace = () => undefined,
    unpaced = () => {},
  }: {
    workers?: number;
    /** Called with each result as it arrives, in no particular order. */
    onResult?: (result: Result, index: number) => void;
    /**
     * Awaited before each client is taken, by whichever thread: a consumer of the results slows the
     * pool down with it. Clients are taken in order once paced, so they start in the order of `slugs`.
     */
    pace?: () => Promise<void> | undefined;
    /** Called when a thread was paced but found no client left to take: the consumer gets its turn back. */
    unpaced?: () => void;
  } = {},
): Promise<Result[]> {
  const results: Result[] = new Array(slugs.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  let failed: () => void = () => {};
  const failing = new Promise<void>((resolve) => (failed = resolve));
  // After a failure no client is started, but every started one finishes: its results may still
  // be on their way. Nothing waits for the pace any more: the failed client may be the one it waits for.
  const take = (): number | undefined => (!failure && next < slugs.length ? next++ : undefined);
  const fail = (error: unknown) => {
    failure ??= { error };
    failed();
  };
  const paced = async (): Promise<number | undefined> => {
    const turn = pace();
    if (turn) await Promise.race([turn, failing]);
    const index = take();
    if (index === undefined) unpaced();
    return index;
  };
  const deliver = (result: Result, index: number) => {
    results[index] = result;
    try {
      onResult(result, index);
    } catch (error) {
      fail(error);
    }
  };

  const inThisThread = async () => {
    try {
      for (;;) {
        const index = await paced();
        if (index === undefined) break;
        deliver(await job.run(context, slugs[index] as string), index);
        // Lets the workers' messages in, so they get their next client without waiting for this loop.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } catch (error) {
      fail(error);
    }
  };

  const inWorker = (worker: Worker) =>
    new Promise<void>((resolve) => {
      let pending = 0;
      // No client is left for this worker; it is done once its pending ones are back.
      let drained = false;
      let sending = false;
      const send = async () => {
        if (sending) return;
        sending = true;
        while (!drained && pending < AHEAD) {
          const index = await paced();
          if (index === undefined) drained = true;
          else {
            pending += 1;
            worker.postMessage({ index, slug: slugs[index] });
          }
        }
        sending = false;
        if (drained && pending === 0) resolve();
      };
      worker.on("message", (message: { index: number; result?: Result; error?: string; usage?: boolean }) => {
        pending -= 1;
        // A usage error (a tech's mistake, with its fix) stays one across the thread boundary.
        if (message.error !== undefined) fail(message.usage ? new UsageError(message.error) : new Error(message.error));
        else deliver(message.result as Result, message.index);
        void send();
      });
      worker.once("error", (error) => {
        fail(error);
        resolve();
      });
      worker.once("exit", (code) => {
        if (pending > 0) fail(new Error(`a worker thread stopped with exit code ${code} before it finished`));
        resolve();
      });
      void send();
    });

  const pool = Array.from({ length: Math.min(workers, slugs.length) }, () => new Worker(WORKER, { workerData: { url: job.url, context }, resourceLimits: WORKER_RESOURCE_LIMITS }));
  try {
    await Promise.all([inThisThread(), ...pool.map(inWorker)]);
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
  if (failure) throw failure.error;
  return results;
}
