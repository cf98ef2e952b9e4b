import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../scripts/lib/usage-error.ts";
import { loadClient } from "../../scripts/load/load-client.ts";
import { defaultWorkers, runPerClient } from "../../scripts/parallel/client-pool.ts";
import { job as validateJob } from "../../scripts/parallel/validate-job.ts";
import { validateRepository, validateRepositoryProblems } from "../../scripts/validate-repository.ts";
import { CLIENT_MD, copyExamples, makeRepo, record } from "../helpers/repo.ts";
import { WORKER_RESOURCE_LIMITS } from "../../scripts/lib/young-generation.ts";
import { job as heapJob } from "./heap-job.ts";
import { job as usageJob } from "./usage-job.ts";

/** The examples, plus clients with one problem each, so results differ from client to client. */
function mixedRepository(): string {
  const root = copyExamples();
  const broken = makeRepo({});
  for (let n = 0; n < 6; n += 1) {
    const files = {
      [`clients/c-${n}/client.md`]: CLIENT_MD.replace("status: active", n % 2 === 0 ? "status: active" : "status: actve"),
      [`clients/c-${n}/docs/page.md`]: record(`title: Page ${n}\nlastVerified: 2026-11-0${n + 1}`, n === 4 ? "password: Hunter22!\n" : "Text.\n"),
    };
    cpSync(join(makeRepo(files), "clients"), join(broken, "clients"), { recursive: true });
  }
  cpSync(join(broken, "clients"), join(root, "clients"), { recursive: true });
  return root;
}

describe("runPerClient", () => {
  it("gives the same problems, in the same order, with worker threads as without", async () => {
    const root = mixedRepository();
    const serial = await validateRepository(root);
    for (const workers of [0, 1, 2]) {
      const parallel = await validateRepositoryProblems(root, [], workers);
      expect(parallel.problems).toEqual(serial.problems);
      expect(parallel).toMatchObject({ clients: 8, records: serial.records });
    }
    // Each client's problems name that client: results were not mixed up between threads.
    const slugs = ["c-1", "c-3", "c-4", "c-5"];
    expect([...new Set(serial.problems.map((problem) => problem.client))]).toEqual(slugs);
  });

  it("returns results in the order of the slugs, whichever thread computed them", async () => {
    const root = mixedRepository();
    const slugs = ["c-5", "harbor-finch", "c-0", "lakeside-dental", "c-3"];
    const results = await runPerClient(validateJob, { root }, slugs, { workers: 2 });
    expect(results.map((result) => result.problems[0]?.client)).toEqual(["c-5", undefined, undefined, undefined, "c-3"]);
    expect(results.map((result) => result.records)).toEqual(slugs.map((slug) => loadClient(root, slug).records.length));
    expect(new Set(results.map((result) => result.records)).size).toBeGreaterThan(2);
  });

  it("fails when a job fails in a worker, and keeps a usage error a usage error", async () => {
    await expect(runPerClient(validateJob, { root: "/nonexistent-handover-root" }, ["a", "b", "c"], { workers: 1 })).rejects.toThrow(/ENOENT/);
    const usage = await runPerClient(usageJob, {}, ["a", "b", "c"], { workers: 2 }).catch((error: unknown) => error);
    expect(usage).toBeInstanceOf(UsageError);
    expect((usage as Error).message).toBe("no client `b`");
  });

  it("after a failure starts no more clients but lets every started one finish", async () => {
    const dir = mkdtempSync(join(tmpdir(), "handover-pool-"));
    try {
      const slugs = ["a", "b", ...Array.from({ length: 30 }, (_, n) => `c${n}`)];
      await expect(runPerClient(usageJob, { dir }, slugs, { workers: 2 })).rejects.toThrow("no client `b`");
      const files = readdirSync(dir);
      const started = files.filter((file) => file.startsWith("started-")).map((file) => file.slice("started-".length));
      const done = files.filter((file) => file.startsWith("done-")).map((file) => file.slice("done-".length));
      expect(started.length).toBeGreaterThan(0);
      expect(started.length).toBeLessThan(slugs.length - 1);
      expect(done.sort()).toEqual(started.sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("starts no client, in this thread or a worker, until the pace lets it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "handover-pool-"));
    try {
      const slugs = ["a", "c", "d", "e", "f"];
      const waiting: (() => void)[] = [];
      const pace = () => new Promise<void>((resolve) => waiting.push(resolve));
      let finished = false;
      const done = runPerClient(usageJob, { dir }, slugs, { workers: 1, pace }).finally(() => (finished = true));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(readdirSync(dir)).toEqual([]);
      // One client let go at a time: as many have started as were let go, never more.
      for (let released = 0; !finished; ) {
        const next = waiting.shift();
        if (next) {
          next();
          released += 1;
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
        expect(readdirSync(dir).filter((file) => file.startsWith("started-")).length).toBeLessThanOrEqual(released);
      }
      expect(await done).toEqual(slugs);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([0, 1])("after a failure waits for the pace no more, so a pace held up by the failed client cannot hang the pool (%i workers)", async (workers) => {
    // Two clients may start, then the pace waits for results that the failed client `b` never gives.
    let turns = 0;
    const pace = () => (turns++ < 2 ? undefined : new Promise<void>(() => {}));
    await expect(runPerClient(usageJob, {}, ["a", "b", "c", "d", "e"], { workers, pace })).rejects.toThrow(UsageError);
  });

  it.each([0, 1])("gives back every turn of the pace that found no client left (%i workers)", async (workers) => {
    let paced = 0;
    let unpaced = 0;
    const slugs = ["a", "c", "d", "e", "f", "g"];
    const results = await runPerClient(usageJob, {}, slugs, { workers, pace: () => void (paced += 1), unpaced: () => (unpaced += 1) });
    expect(results).toEqual(slugs);
    expect(paced - unpaced).toBe(slugs.length);
    expect(unpaced).toBe(workers + 1);
  });

  it("starts each worker with a young generation of the toolkit's size, so the threads' heaps stay small", async () => {
    const results = await runPerClient(heapJob, {}, ["a", "b", "c", "d", "e", "f"], { workers: 1 });
    const inWorker = results.filter((result) => result.worker);
    expect(inWorker.length).toBeGreaterThan(0);
    for (const result of inWorker) expect(result.youngMb).toBe(WORKER_RESOURCE_LIMITS.maxYoungGenerationSizeMb);
  });

  it("starts workers only when there are enough clients to repay them, or as HANDOVER_WORKERS says", () => {
    expect(defaultWorkers(5, {})).toBe(0);
    expect(defaultWorkers(10_000, {})).toBeGreaterThanOrEqual(0);
    expect(defaultWorkers(10_000, { HANDOVER_WORKERS: "3" })).toBe(3);
    expect(defaultWorkers(5, { HANDOVER_WORKERS: "0" })).toBe(0);
    expect(defaultWorkers(5, { HANDOVER_WORKERS: "many" })).toBe(0);
  });

  it("uses every CPU for many clients, this thread's included, unless HANDOVER_WORKERS says otherwise", () => {
    const cpus = availableParallelism();
    expect(defaultWorkers(10_000, {})).toBe(cpus - 1);
    expect(defaultWorkers(10_000, { HANDOVER_WORKERS: "2" })).toBe(2);
  });
});
