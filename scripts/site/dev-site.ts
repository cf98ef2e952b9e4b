import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dev } from "astro";
import type { ClientPack } from "../pack/pack-data.ts";
import { astroConfig } from "./astro-site.ts";
import { packsPlugin } from "./packs-plugin.ts";

/**
 * A live preview of the packs `load` makes, reloaded when a watched file changes. Kept apart from
 * astro-site.ts: loading Astro costs most of a second, and `handover build` runs it in a process of its own.
 */
export async function devSite(load: () => Promise<ClientPack[]>, watch: string[], port: number) {
  const work = mkdtempSync(join(tmpdir(), "handover-dev-"));
  // However the preview ends (Ctrl+C, or Vite's own SIGTERM handler calling process.exit).
  process.once("exit", () => rmSync(work, { recursive: true, force: true }));
  // A busy port is an error, not a quiet move to the next one: the preview's address is printed.
  const config = astroConfig(packsPlugin(load, watch), join(work, "dist"));
  return dev({ ...config, server: { port, host: "127.0.0.1" }, vite: { ...config.vite, server: { strictPort: true } } });
}
