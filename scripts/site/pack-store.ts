import type { PackOutline } from "../pack/outline.ts";
import type { ClientPack } from "../pack/pack-data.ts";
import type { PackFile } from "../pack/write-pack.ts";
import type { StageTimes } from "./build-profile.ts";

/** What the toolkit sends the process building the site, in this order: outlines, each pack, end. */
export type SiteMessage = { type: "outlines"; outlines: PackOutline[] } | { type: "pack"; pack: ClientPack } | { type: "end" };

/** What the process building the site sends back: each client's pages once all are rendered, then what its stages cost. */
export type BuildMessage = { type: "pages"; slug: string; files: PackFile[] } | { type: "profile"; times: StageTimes };

/**
 * Where the build process leaves its store for the pages, which Vite bundles as a separate module
 * graph: a registered symbol on globalThis is the one thing both see.
 */
export const STORE_KEY = "handover.pack-store";

export interface PackStore {
  /** Every client's pages, before any pack is made. */
  outlines(): Promise<PackOutline[]>;
  /** A client's pack, once it has arrived; rejected if it never will. */
  pack(slug: string): Promise<ClientPack>;
  /** Drops a client's pack once its pages are rendered, so memory stays flat over any number of packs. */
  forget(slug: string): void;
}

/** Packs as they arrive while the site builds: a page waits only for its own client's. */
export function createPackStore(): PackStore & { receive(message: SiteMessage): void } {
  let setOutlines: (outlines: PackOutline[]) => void = () => {};
  const outlines = new Promise<PackOutline[]>((resolve) => (setOutlines = resolve));
  const packs = new Map<string, ClientPack>();
  const waiting = new Map<string, { resolve: (pack: ClientPack) => void; reject: (error: Error) => void }[]>();
  let ended = false;
  const missing = (slug: string) => new Error(`no pack was made for \`${slug}\``);
  return {
    outlines: () => outlines,
    pack(slug) {
      const pack = packs.get(slug);
      if (pack) return Promise.resolve(pack);
      if (ended) return Promise.reject(missing(slug));
      return new Promise((resolve, reject) => waiting.set(slug, [...(waiting.get(slug) ?? []), { resolve, reject }]));
    },
    forget(slug) {
      packs.delete(slug);
    },
    receive(message) {
      if (message.type === "outlines") setOutlines(message.outlines);
      else if (message.type === "pack") {
        packs.set(message.pack.slug, message.pack);
        for (const waiter of waiting.get(message.pack.slug) ?? []) waiter.resolve(message.pack);
        waiting.delete(message.pack.slug);
      } else {
        ended = true;
        for (const [slug, waiters] of waiting) for (const waiter of waiters) waiter.reject(missing(slug));
        waiting.clear();
      }
    },
  };
}
