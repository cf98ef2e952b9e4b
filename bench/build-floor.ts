/**
 * The floor for `handover build`: Astro building the same number of trivial pages, with the same
 * build options, in one build. Run by bench/run.ts in its own process, which it times from spawn
 * to exit like `handover build`:
 *
 *   node bench/build-floor.ts <clients> <pages-per-client> <work-dir>
 *
 * `<work-dir>` is a fresh folder inside the toolkit, as the real build's work folder is, so Astro
 * resolves its packages the same way. The pages stay there: the bench removes them once every
 * measurement is done, as it does the build's packs. Prints one line of JSON: the pages written.
 */
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "astro";

const [clientsText, pagesText, work] = process.argv.slice(2) as [string, string, string];
const clients = Number(clientsText);
const pagesPerClient = Number(pagesText);

mkdirSync(join(work, "site/src/pages/[client]"), { recursive: true });
writeFileSync(
  join(work, "site/src/pages/[client]/[page].astro"),
  `---
export function getStaticPaths() {
  return Array.from({ length: ${clients} }, (_, c) => Array.from({ length: ${pagesPerClient} }, (_, p) => ({ params: { client: "client-" + c, page: "page-" + p } }))).flat();
}
const { client, page } = Astro.params;
---
<!doctype html><html lang="en"><head><meta charset="utf-8" /><title>{page}</title><style>body{font-family:sans-serif}</style></head><body><h1>{client} {page}</h1></body></html>
`,
);
await build({
  root: join(work, "site"),
  configFile: false,
  outDir: join(work, "dist"),
  logLevel: "warn",
  telemetry: false,
  build: { format: "file", inlineStylesheets: "always" },
} as Parameters<typeof build>[0]);
const pages = (readdirSync(join(work, "dist"), { recursive: true }) as string[]).filter((file) => file.endsWith(".html")).length;
process.stdout.write(`${JSON.stringify({ pages })}\n`);
