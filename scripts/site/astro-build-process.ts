import type { AstroIntegration, AstroPrerenderer } from "astro";
import { build } from "astro";
import type { PackFile } from "../pack/write-pack.ts";
import { astroConfig } from "./astro-site.ts";
import type { StageTimes } from "./build-profile.ts";
import { createPackStore, STORE_KEY, type BuildMessage, type SiteMessage } from "./pack-store.ts";
import { packsPlugin } from "./packs-plugin.ts";

/**
 * `node astro-build-process.ts <outDir>`, forked by startSiteBuild in a temporary working
 * directory. The packs arrive over the IPC channel while Astro bundles and renders: a page waits
 * for its own client's pack only. Each client's pages go back to the toolkit as soon as the last of
 * them is rendered, and Astro writes none of them: the toolkit writes each pack, its manifest and
 * its zip from these bytes, and never reads a page back.
 */
const [outDir] = process.argv.slice(2) as [string];
const store = createPackStore();
(globalThis as Record<symbol, unknown>)[Symbol.for(STORE_KEY)] = store;
let ended: () => void = () => {};
const end = new Promise<void>((resolve) => (ended = resolve));
process.on("message", (message: SiteMessage) => {
  store.receive(message);
  if (message.type === "end") ended();
});

const send = (message: BuildMessage) => new Promise<void>((resolve, reject) => process.send?.(message, (error: Error | null) => (error ? reject(error) : resolve())));

/** This process's CPU time in milliseconds, every thread (the bundler's included). */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const start = { cpu: cpuMs(), wall: performance.now() };
let bundled = start;

/** `/<slug>/<file>` of a page's URL: with `build.format: "file"`, the file Astro would write. */
function pageFile(url: string): { slug: string; path: string } {
  const [slug = "", ...rest] = decodeURIComponent(new URL(url).pathname).slice(1).split("/");
  if (!slug || rest.length === 0) throw new Error(`the page ${url} is in no client's pack`);
  return { slug, path: rest.join("/") };
}

/** Each client's pages as they are rendered, sent on once every route of the client has answered. */
const expected = new Map<string, number>();
const answered = new Map<string, { routes: number; files: PackFile[] }>();
const sent: Promise<void>[] = [];

/** One route of `slug` answered: with its file, or with none (a 404: the client has no such file). */
function collect(slug: string, file: PackFile | undefined): void {
  const client = answered.get(slug) ?? { routes: 0, files: [] };
  client.routes += 1;
  if (file) client.files.push(file);
  if (client.routes < (expected.get(slug) ?? 0)) {
    answered.set(slug, client);
    return;
  }
  answered.delete(slug);
  store.forget(slug);
  sent.push(send({ type: "pages", slug, files: client.files }));
}

function capturing(base: AstroPrerenderer): AstroPrerenderer {
  return {
    ...base,
    name: "handover-packs",
    async setup() {
      await base.setup?.();
      bundled = { cpu: cpuMs(), wall: performance.now() };
    },
    async getStaticPaths() {
      // Astro renders in this order. Its own lists each route's pages in turn (every client's
      // pages, then every client's calendar): grouped by client instead, in the order the
      // clients come, each client's pages are done together, and its pack can be written and
      // dropped before the next is rendered.
      const byClient = new Map<string, Awaited<ReturnType<AstroPrerenderer["getStaticPaths"]>>>();
      for (const path of await base.getStaticPaths()) {
        const slug = pageFile(`http://pack${path.pathname}`).slug;
        byClient.set(slug, [...(byClient.get(slug) ?? []), path]);
      }
      for (const [slug, paths] of byClient) expected.set(slug, paths.length);
      return [...byClient.values()].flat();
    },
    async render(request, options) {
      const result = await base.render(request, options);
      const response = result instanceof Response ? result : result.response;
      if (response.status !== 200 && response.status !== 404) throw new Error(`the page ${request.url} answered ${response.status}`);
      const { slug, path } = pageFile(request.url);
      collect(slug, response.status === 404 ? undefined : { path, content: new Uint8Array(await response.arrayBuffer()) });
      // With no body, Astro writes no file (and says so only at its info level, which is off).
      const empty = new Response(null, { status: 200, headers: response.headers });
      return result instanceof Response ? empty : { ...result, response: empty };
    },
  };
}

const pages: AstroIntegration = {
  name: "handover-packs",
  hooks: { "astro:build:start": ({ setPrerenderer }) => setPrerenderer(capturing) },
};

await build({ ...astroConfig(packsPlugin("streamed"), outDir), integrations: [pages] });
// The channel closes only after the toolkit's last message, so no message meets a closed channel.
await end;
await Promise.all(sent);
const finish = { cpu: cpuMs(), wall: performance.now() };
const times: StageTimes = {
  "astro-bundle": { cpuMs: bundled.cpu - start.cpu, wallMs: bundled.wall - start.wall, calls: 1 },
  "astro-render": { cpuMs: finish.cpu - bundled.cpu, wallMs: finish.wall - bundled.wall, calls: 1 },
};
await send({ type: "profile", times });
process.disconnect?.();
