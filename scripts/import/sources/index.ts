import type { ExportSource, SourceSystem } from "../export-data.ts";
import { huduSource } from "./hudu.ts";
import { itflowSource } from "./itflow.ts";
import { itglueSource } from "./itglue.ts";

/** The reader of each platform's export, by the `<source>` of `handover import <source> <path>`. */
export const exportSources: Record<SourceSystem, ExportSource> = {
  itflow: itflowSource,
  itglue: itglueSource,
  hudu: huduSource,
};
