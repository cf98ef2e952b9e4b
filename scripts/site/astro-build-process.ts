import type { AstroIntegration } from "astro";
import { build } from "astro";
import { astroConfig } from "./astro-site.ts";
import type { StageTimes } from "./build-profile.ts";
import { createPackStore, STORE_KEY, type BuildMessage, type SiteMessage } from "./pack-store.ts";
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

/** This process's CPU time in milliseconds, every thread (the bundler's included). */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const start = { cpu: cpuMs(), wall: performance.now() };
let bundled = start;

/** Marks where bundling ends and rendering starts: Astro sets up its prerenderer in between. */
const stages: AstroIntegration = {
  name: "handover-stages",
  hooks: {
    "astro:build:start": ({ setPrerenderer }) =>
      setPrerenderer((base) => ({
        ...base,
        async setup() {
          await base.setup?.();
          bundled = { cpu: cpuMs(), wall: performance.now() };
        },
      })),
  },
};

await build({ ...astroConfig(packsPlugin("streamed"), outDir), integrations: [stages] });
// The channel closes only after the toolkit's last message, so no message meets a closed channel.
await end;
const finish = { cpu: cpuMs(), wall: performance.now() };
const times: StageTimes = {
  "astro-bundle": { cpuMs: bundled.cpu - start.cpu, wallMs: bundled.wall - start.wall, calls: 1 },
  "astro-render": { cpuMs: finish.cpu - bundled.cpu, wallMs: finish.wall - bundled.wall, calls: 1 },
};
process.send?.({ type: "profile", times } satisfies BuildMessage, () => process.disconnect?.());
