import { readFileSync } from "node:fs";
import { build } from "astro";
import type { ClientPack } from "../pack/pack-data.ts";
import { astroConfig } from "./astro-site.ts";
import { packsPlugin } from "./packs-plugin.ts";

/** `node astro-build-process.ts <packs.json> <outDir>`, run by buildSite in a temporary working directory. */
const [data, outDir] = process.argv.slice(2) as [string, string];
const packs = JSON.parse(readFileSync(data, "utf8")) as ClientPack[];
await build(astroConfig(packsPlugin(() => packs), outDir));
