/// <reference types="astro/client" />

declare module "virtual:handover/packs" {
  import type { PackOutline } from "../../scripts/pack/outline.ts";
  import type { ClientPack } from "../../scripts/pack/pack-data.ts";
  /** Every client's pages, made by the toolkit's loader; the site never reads records itself. */
  export function outlines(): Promise<PackOutline[]>;
  /** One client's pack; in a build it may still be on its way. */
  export function packFor(slug: string): Promise<ClientPack>;
  /** True in `handover dev`, where the page must allow Vite's reload script. */
  export const preview: boolean;
}
