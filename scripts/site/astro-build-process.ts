import { build } from "astro";
import { astroConfig } from "./astro-site.ts";
import { packsPlugin } from "./packs-plugin.ts";

/** `node astro-build-process.ts <packs.json> <outDir>`, run by buildSite in a temporary working directory. */
const [data, outDir] = process.argv.slice(2) as [string, string];
await build(astroConfig(packsPlugin(data), outDir));
