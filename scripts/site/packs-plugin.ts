import type { Plugin } from "vite";
import type { ClientPack } from "../pack/pack-data.ts";

const ID = "virtual:handover/packs";
const RESOLVED = `\0${ID}`;

/**
 * Hands the packs made by the toolkit's loader to the Astro pages as a virtual module, so the
 * site renders the CLI's model and never reads records itself. In dev, `watch` lists the files
 * whose change reloads the preview.
 */
export function packsPlugin(packs: () => ClientPack[] | Promise<ClientPack[]>, watch: string[] = []): Plugin {
  return {
    name: "handover-packs",
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    async load(id) {
      if (id !== RESOLVED) return undefined;
      return `export const packs = ${JSON.stringify(await packs())};`;
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
