import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { startSiteBuild } from "../../scripts/site/astro-site.ts";

const WORK_ROOT = fileURLToPath(new URL("../../node_modules/.cache/handover/", import.meta.url));

describe("a site build that stops early", () => {
  it("fails the next pack sent to it at once, with the build's error, and leaves no work folder", async () => {
    const before = new Set(existsSync(WORK_ROOT) ? readdirSync(WORK_ROOT) : []);
    const site = startSiteBuild();
    // Another test's build may start in the same moment: ours is among the new folders.
    const created = readdirSync(WORK_ROOT).filter((name) => !before.has(name));
    expect(created.length).toBeGreaterThan(0);
    await site.close();
    expect(() => site.send({ type: "end" })).toThrow(/the Astro build failed: stopped by SIGTERM/);
    await expect(site.finished).rejects.toThrow(/the Astro build failed/);
    expect(created.filter((name) => existsSync(join(WORK_ROOT, name))).length).toBeLessThan(created.length);
  });
});
