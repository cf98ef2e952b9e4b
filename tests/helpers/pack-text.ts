import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync } from "fflate";

/** Every file of a built pack's folder and its zip, as text: what a leak test searches. */
export function packText(out: string, slug: string): string {
  const dir = join(out, slug);
  const files = readdirSync(dir).map((name) => readFileSync(join(dir, name), "utf8"));
  const zip = unzipSync(readFileSync(join(out, `${slug}.zip`)));
  return [...files, ...Object.values(zip).map((bytes) => new TextDecoder().decode(bytes))].join("\n");
}
