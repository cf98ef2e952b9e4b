import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { UsageError } from "../lib/usage-error.ts";
import { packClient } from "./write-pack.ts";

/**
 * Refuses to write `file` where a pack is, or would be, delivered from: in the packs folder
 * (`handover-packs/` in the root), inside a pack, or beside one. What is written there may end up
 * in front of a client.
 */
export function assertOutsidePacks(file: string, packsFolder: string): void {
  const target = resolve(file);
  const within = relative(resolve(packsFolder), target);
  const refuse = (where: string) => new UsageError(`${file} is ${where}, which a client may be given; write it somewhere else`);
  if (within.split(sep)[0] !== ".." && !isAbsolute(within)) throw refuse(`in the packs folder ${packsFolder}`);
  for (let folder = dirname(target); ; folder = dirname(folder)) {
    const client = packClient(folder);
    if (client) throw refuse(`inside the handover pack of ${client} (${folder})`);
    if (dirname(folder) === folder) break;
  }
  const beside = dirname(target);
  if (!existsSync(beside)) return;
  for (const name of readdirSync(beside)) {
    const path = join(beside, name);
    const client = statSync(path, { throwIfNoEntry: false })?.isDirectory() ? packClient(path) : undefined;
    if (client) throw refuse(`beside the handover pack of ${client} (${path})`);
  }
}
