import { mkdtempSync } from "node:fs";
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
  return dev({ ...astroConfig(packsPlugin(load, watch), join(work, "dist")), server: { port, host: "127.0.0.1" } });
}
