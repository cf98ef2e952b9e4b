import { afterEach, describe, expect, it } from "vitest";
import { checkRepository } from "../../scripts/check-repository.ts";
import { packsInMemory } from "../../scripts/site/build-packs.ts";
import { copyExamples, edit } from "../helpers/repo.ts";

describe("check and build over worker threads", () => {
  const before = process.env.HANDOVER_WORKERS;
  afterEach(() => {
    if (before === undefined) delete process.env.HANDOVER_WORKERS;
    else process.env.HANDOVER_WORKERS = before;
  });

  const withWorkers = async (workers: string, root: string) => {
    process.env.HANDOVER_WORKERS = workers;
    return packsInMemory(root, [], "2026-11-22");
  };

  it("checks exactly as this thread does alone: problems, readiness rows and counts", async () => {
    const root = copyExamples();
    edit(root, "clients/harbor-finch/client.md", /^status: .*$/m, "status: handed-over");
    process.env.HANDOVER_WORKERS = "0";
    const alone = await checkRepository(root, [], "2026-12-20");
    process.env.HANDOVER_WORKERS = "2";
    const shared = await checkRepository(root, [], "2026-12-20");
    expect(alone.rows.map((row) => row.client)).toEqual(["harbor-finch", "lakeside-dental"]);
    expect(alone.problems.some((problem) => problem.rule === "readiness" && problem.client === "harbor-finch")).toBe(true);
    expect(shared).toEqual(alone);
  });

  it("makes exactly the packs this thread makes alone", async () => {
    const root = copyExamples();
    const alone = await withWorkers("0", root);
    const shared = await withWorkers("2", root);
    expect(alone.packs.map((pack) => pack.slug)).toEqual(["harbor-finch", "lakeside-dental"]);
    expect(JSON.stringify(shared)).toBe(JSON.stringify(alone));
  });

  it("reports a client's errors from a worker and makes no packs", async () => {
    const root = copyExamples();
    edit(root, "clients/lakeside-dental/client.md", /^status: .*$/m, "status: handed-ovr");
    const { packs, problems } = await withWorkers("2", root);
    expect(packs).toEqual([]);
    expect(problems.filter((problem) => problem.severity === "error").map((problem) => [problem.file, problem.rule])).toEqual([["clients/lakeside-dental/client.md", "schema"]]);
  });
});
