import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { makeRepo, CLIENT_MD, record } from "../helpers/repo.ts";

const CLI = fileURLToPath(new URL("../../scripts/handover.ts", import.meta.url));

describe("output into a reader that stops early (`handover validate | head`)", () => {
  it("ends quietly, without a stack trace", async () => {
    const files: Record<string, string> = { "clients/t/client.md": CLIENT_MD };
    for (let n = 0; n < 2500; n += 1) files[`clients/t/docs/page-${n}.md`] = record(`title: Page ${n}\nlastVerified: 2026-11-01\nownr: Dana`, "Text.\n");
    const root = makeRepo(files);
    const child = spawn(process.execPath, [CLI, "validate", "--root", root], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += String(chunk)));
    let first = "";
    child.stdout.once("data", (chunk: Buffer) => {
      first = String(chunk);
      child.stdout.destroy();
    });
    const code = await new Promise<number | null>((resolve) => child.once("close", resolve));
    expect(first).toMatch(/clients\/t\/docs\/page-\d+\.md:\d+:\d+ error unknown key `ownr`/);
    expect(stderr).not.toMatch(/EPIPE|at .*\(|Error/);
    expect(code).toBe(1);
  }, 30_000);
});
