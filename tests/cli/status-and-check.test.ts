import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyExamples, edit, run } from "../helpers/repo.ts";

describe("handover status", () => {
  it("has one row per client with phase, steps, blockers and days until services stop", async () => {
    const result = await run(["status", "--root", copyExamples(), "--today", "2026-11-22", "--format", "json"]);
    expect(result.code).toBe(0);
    const { today, clients } = JSON.parse(result.stdout);
    expect(today).toBe("2026-11-22");
    expect(clients).toEqual([
      expect.objectContaining({ client: "harbor-finch", status: "offboarding", phase: "admin-start", daysUntilStop: 23 }),
      expect.objectContaining({ client: "lakeside-dental", status: "handed-over", phase: "done", blockers: 0, daysUntilStop: -53 }),
    ]);
    expect(clients[0].done).toBeLessThan(clients[0].applicable);
    expect(clients[1].done).toBe(clients[1].applicable);
  });

  it("prints an aligned table", async () => {
    const { stdout } = await run(["status", "--root", copyExamples(), "--today", "2026-11-22"]);
    expect(stdout.split("\n")[0]).toMatch(/^client\s+status\s+phase\s+steps\s+blockers\s+record errors\s+stops in$/);
    expect(stdout).toMatch(/^lakeside-dental\s+handed-over\s+done\s+(\d+)\/\1\s+0\s+0\s+53 days ago$/m);
  });

  it.each([
    ["2026-09-29", "1 day"],
    ["2026-09-30", "today"],
    ["2026-10-01", "1 day ago"],
  ])("on %s says the stop is %s", async (today, when) => {
    const { stdout } = await run(["status", "lakeside-dental", "--root", copyExamples(), "--today", today]);
    expect(stdout).toMatch(new RegExp(`^lakeside-dental\\s.*\\s${when}$`, "m"));
  });

  it("counts records with errors and fails, instead of hiding them", async () => {
    const root = copyExamples();
    edit(root, "clients/harbor-finch/assets/fw-01.md", /^owner: msp/m, "owner: MSP");
    const result = await run(["status", "--root", root, "--today", "2026-11-22", "--format", "json"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/left out of the counts above/);
    expect(JSON.parse(result.stdout).clients[0]).toMatchObject({ client: "harbor-finch", errors: 1 });
  });
});

describe("handover check in GitHub Actions", () => {
  it("appends a readiness table to the job summary and annotates problems", async () => {
    const summary = join(mkdtempSync(join(tmpdir(), "summary-")), "summary.md");
    const result = await run(["check", "--root", copyExamples(), "--today", "2026-12-16", "--format", "github"], process.cwd(), { GITHUB_STEP_SUMMARY: summary });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error file=clients\/harbor-finch\/client\.md,line=\d+,col=\d+,title=handover readiness::blocking step/m);
    const table = readFileSync(summary, "utf8");
    expect(table).toContain("| client | status | steps done | blockers | record errors |");
    expect(table).toMatch(/\| Harbor & Finch LLP \(`harbor-finch`\) \| offboarding \| \d+ of \d+ \| \d+ \| 0 \|/);
    expect(table).toMatch(/\| Lakeside Family Dental \(`lakeside-dental`\) \| handed-over \| (\d+) of \1 \| 0 \| 0 \|/);
  });
});
