import type { Plugin } from "vite";
import type { ClientPack } from "../pack/pack-data.ts";

const ID = "virtual:handover/packs";
const RESOLVED = `\0${ID}`;

/**
 * Hands the packs made by the toolkit's loader to the Astro pages as a virtual module, so the
 * site renders the CLI's model and never reads records itself. A live preview (`watch` lists the
 * files whose change reloads it) needs Vite's reload script, so only a built pack gets the strict
 * Content-Security-Policy.
 *
 * `packs` is either a function giving the packs or, for a build, the path of a JSON file holding
 * them: the module then reads the file when the pages render, so Vite never bundles (and parses)
 * tens of megabytes of data as JavaScript. The path only exists during the build and no page
 * ships a script, so it never reaches a pack.
 */
export function packsPlugin(packs: string | (() => ClientPack[] | Promise<ClientPack[]>), watch: string[] = []): Plugin {
  const preview = watch.length > 0;
  return {
    name: "handover-packs",
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    async load(id) {
      if (id !== RESOLVED) return undefined;
      if (typeof packs === "string") {
        return `import { readFileSync } from "node:fs";\nexport const packs = JSON.parse(readFileSync(${JSON.stringify(packs)}, "utf8"));\nexport const preview = false;`;
      }
      return `export const packs = ${JSON.stringify(await packs())};\nexport const preview = ${preview};`;
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
