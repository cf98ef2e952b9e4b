import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build, dev, type AstroInlineConfig } from "astro";
import type { ClientPack } from "../pack/pack-data.ts";
import { packsPlugin } from "./packs-plugin.ts";

export const SITE_ROOT = fileURLToPath(new URL("../../site/", import.meta.url));

function config(plugin: ReturnType<typeof packsPlugin>, outDir: string): AstroInlineConfig {
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

/** One Astro build for every pack; returns the folder holding `<slug>/*.html`. */
export async function buildSite(packs: ClientPack[]): Promise<string> {
  const work = mkdtempSync(join(tmpdir(), "handover-site-"));
  const outDir = join(work, "dist");
  await build(config(packsPlugin(() => packs), outDir));
  return outDir;
}

/** A live preview of the packs `load` makes, reloaded when a watched file changes. */
export async function devSite(load: () => Promise<ClientPack[]>, watch: string[], port: number) {
  const work = mkdtempSync(join(tmpdir(), "handover-dev-"));
  return dev({ ...config(packsPlugin(load, watch), join(work, "dist")), server: { port, host: "127.0.0.1" } });
}
