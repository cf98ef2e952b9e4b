import { unzipSync, zipSync, type Zippable } from "fflate";
import { describe, expect, it } from "vitest";
import { storedZip } from "../../scripts/pack/stored-zip.ts";
import { createRng } from "../../bench/generate.ts";

const MTIME = new Date(2026, 10, 22);

function entriesOf(seed: number) {
  const rng = createRng(seed);
  const names = ["index.html", "doc-wifi.html", "manifest.json", "café/ü.html", "a/b/c.txt", "empty.txt"];
  return names.slice(0, rng.int(1, names.length)).map((name) => ({
    name: `client-${seed}/${name}`,
    content: name === "empty.txt" ? new Uint8Array(0) : Uint8Array.from({ length: rng.int(0, 5000) }, () => rng.int(0, 255)),
  }));
}

describe("storedZip", () => {
  it("writes the very bytes fflate's zipSync writes at level 0, for any names and contents", () => {
    for (let seed = 1; seed <= 30; seed += 1) {
      const entries = entriesOf(seed);
      const zippable: Zippable = {};
      for (const { name, content } of entries) zippable[name] = [content, { mtime: MTIME }];
      const ours = Buffer.concat(storedZip(entries, MTIME));
      expect(ours.equals(Buffer.from(zipSync(zippable, { level: 0 }))), `seed ${seed}`).toBe(true);
    }
  });

  it("gives back every entry's name and content when unzipped", () => {
    const entries = entriesOf(7);
    const unzipped = unzipSync(Buffer.concat(storedZip(entries, MTIME)));
    expect(Object.keys(unzipped)).toEqual(entries.map((entry) => entry.name));
    for (const { name, content } of entries) expect(Buffer.from(unzipped[name]!).equals(Buffer.from(content))).toBe(true);
  });
});
