import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

/** Every module URL a fresh Node process loads to import `module` (a path from the project folder). */
function modulesLoadedBy(module: string): string[] {
  const script = `
    import { registerHooks } from "node:module";
    import { pathToFileURL } from "node:url";
    const loaded = [];
    registerHooks({ load(url, context, next) { loaded.push(url); return next(url, context); } });
    await import(pathToFileURL(${JSON.stringify(module)}).href);
    process.stdout.write(JSON.stringify(loaded));
  `;
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as string[];
}

const from = (packages: string[]) => new RegExp(`/node_modules/(?:${packages.join("|")})/`);

// Start-up is most of what a tech waits for on one client, and every worker thread pays it again.
describe("what a command loads before it needs it", () => {
  it("validation loads no Markdown parser: it is loaded on the first body that needs one", () => {
    const loaded = modulesLoadedBy("scripts/parallel/validate-job.ts");
    expect(loaded.some((url) => url.endsWith("/scripts/rules/secrets.ts"))).toBe(true);
    expect(loaded.filter((url) => from(["remark-parse", "micromark", "remark-gfm", "unified"]).test(url))).toEqual([]);
  });

  it("handover build loads no Astro: the site is built in a process of its own", () => {
    const loaded = modulesLoadedBy("scripts/cli/commands/build.ts");
    expect(loaded.some((url) => url.endsWith("/scripts/site/build-packs.ts"))).toBe(true);
    expect(loaded.filter((url) => from(["astro", "vite"]).test(url))).toEqual([]);
  });
});
