import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { dev, type AstroInlineConfig } from "astro";
import type { ClientPack } from "../pack/pack-data.ts";
import { packsPlugin } from "./packs-plugin.ts";

export const SITE_ROOT = fileURLToPath(new URL("../../site/", import.meta.url));
const TOOLKIT_ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** Inside the toolkit, so Astro's server-side build chunks resolve their packages from node_modules. */
const WORK_ROOT = join(TOOLKIT_ROOT, "node_modules", ".cache", "handover");
const BUILD_PROCESS = fileURLToPath(new URL("./astro-build-process.ts", import.meta.url));

export function astroConfig(plugin: ReturnType<typeof packsPlugin>, outDir: string): AstroInlineConfig {
  return {
    root: SITE_ROOT,
    configFile: false,
    outDir,
    cacheDir: join(outDir, "..", "astro-cache"),
    logLevel: "warn",
    telemetry: false,
    devToolbar: { enabled: false },
    // Every page sits in the client's folder as `<page>.html` with its CSS inlined, so the pack
    // has no absolute URL and works from a zip on disk or under any URL path.
    build: { format: "file", inlineStylesheets: "always" },
    vite: { plugins: [plugin], logLevel: "warn" },
  } as AstroInlineConfig;
}

/**
 * One Astro build for every pack; returns the folder holding `<slug>/*.html`. Astro puts build
 * files under its working directory unless the output folder lies inside it, so the build runs in
 * a process of its own, in the toolkit's folder, writing to a fresh folder there: it never writes
 * into the user's folder, and two builds never share files.
 */
export async function buildSite(packs: ClientPack[]): Promise<string> {
  mkdirSync(WORK_ROOT, { recursive: true });
  const work = mkdtempSync(join(WORK_ROOT, "build-"));
  const data = join(work, "packs.json");
  writeFileSync(data, JSON.stringify(packs));
  try {
    await promisify(execFile)(process.execPath, [BUILD_PROCESS, data, join(work, "dist")], { cwd: TOOLKIT_ROOT, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    // The pack data holds client records: never leave it behind.
    rmSync(work, { recursive: true, force: true });
    const stderr = String((error as { stderr?: string }).stderr ?? "").trim().split("\n").slice(-3).join(" ");
    throw new Error(`the Astro build failed: ${stderr || (error as Error).message}`);
  }
  return join(work, "dist");
}

/** A live preview of the packs `load` makes, reloaded when a watched file changes. */
export async function devSite(load: () => Promise<ClientPack[]>, watch: string[], port: number) {
  const work = mkdtempSync(join(tmpdir(), "handover-dev-"));
  return dev({ ...astroConfig(packsPlugin(load, watch), join(work, "dist")), server: { port, host: "127.0.0.1" } });
}


