import type { Plugin } from "vite";
import { packOutline } from "../pack/outline.ts";
import type { ClientPack } from "../pack/pack-data.ts";
import { STORE_KEY } from "./pack-store.ts";

const ID = "virtual:handover/packs";
const RESOLVED = `\0${ID}`;

/**
 * Hands the packs made by the toolkit's loader to the Astro pages as a virtual module, so the
 * site renders the CLI's model and never reads records itself. A live preview (`watch` lists the
 * files whose change reloads it) needs Vite's reload script, so only a built pack gets the strict
 * Content-Security-Policy.
 *
 * The module gives every client's outline (its pages) and each client's pack on request. `packs`
 * is a function giving the packs (a live preview), or `"streamed"` for a build: the build process
 * then receives the packs while it renders and keeps them in its PackStore, so rendering starts
 * before the last pack is made, and Vite never bundles tens of megabytes of data as JavaScript.
 */
export function packsPlugin(packs: "streamed" | (() => ClientPack[] | Promise<ClientPack[]>), watch: string[] = []): Plugin {
  return {
    name: "handover-packs",
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    async load(id) {
      if (id !== RESOLVED) return undefined;
      if (packs === "streamed") {
        return [
          `const store = globalThis[Symbol.for(${JSON.stringify(STORE_KEY)})];`,
          "export const outlines = () => store.outlines();",
          "export const packFor = (slug) => store.pack(slug);",
          "export const preview = false;",
        ].join("\n");
      }
      const loaded = await packs();
      return [
        `const packs = ${JSON.stringify(loaded)};`,
        `export const outlines = async () => ${JSON.stringify(loaded.map((pack) => packOutline(pack.slug, pack.docs, pack.forms)))};`,
        "export const packFor = async (slug) => packs.find((pack) => pack.slug === slug);",
        "export const preview = true;",
      ].join("\n");
    },
    configureServer(server) {
      server.watcher.add(watch);
      const reload = (file: string) => {
        if (!watch.some((path) => file.startsWith(path))) return;
        const module = server.moduleGraph.getModuleById(RESOLVED);
        if (module) server.moduleGraph.invalidateModule(module);
        server.ws.send({ type: "full-reload" });
      };
      server.watcher.on("change", reload);
      server.watcher.on("add", reload);
      server.watcher.on("unlink", reload);
    },
  };
}
