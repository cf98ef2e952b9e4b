/// <reference types="astro/client" />

declare module "virtual:handover/packs" {
  import type { ClientPack } from "../../scripts/pack/pack-data.ts";
  /** The packs of this build, made by the toolkit's loader; the site never reads records itself. */
  export const packs: ClientPack[];
  /** True in `handover dev`, where the page must allow Vite's reload script. */
  export const preview: boolean;
}
