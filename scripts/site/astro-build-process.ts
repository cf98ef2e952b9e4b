import { build } from "astro";
import { astroConfig } from "./astro-site.ts";
import { createPackStore, STORE_KEY, type SiteMessage } from "./pack-store.ts";
import { packsPlugin } from "./packs-plugin.ts";

/**
 * `node astro-build-process.ts <outDir>`, forked by startSiteBuild in a temporary working
 * directory. The packs arrive over the IPC channel while Astro bundles and renders: a page waits
 * for its own client's pack only.
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
await build(astroConfig(packsPlugin("streamed"), outDir));
// The channel closes only after the toolkit's last message, so no message meets a closed channel.
await end;
process.disconnect?.();
