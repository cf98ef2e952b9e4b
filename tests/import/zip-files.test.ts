import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Problem } from "../../scripts/lib/problems.ts";
import { openExport } from "../../scripts/import/sources/export-files.ts";
import { EXPORT_LIMITS, type ExportLimits } from "../../scripts/import/sources/export-limits.ts";
import { exportFolder, exportZip } from "../helpers/export-files.ts";

const text = (value: string) => new TextEncoder().encode(value);
const shown = (problems: readonly Problem[]) => problems.map((problem) => `${problem.file}:${problem.line}:${problem.column} ${problem.message}`);

async function readAll(path: string, limits: ExportLimits = EXPORT_LIMITS) {
  const problems: Problem[] = [];
  const files = await openExport(path, problems, limits);
  const read: Record<string, string> = {};
  for (const file of files?.paths ?? []) {
    const bytes = await files?.read(file, 1024 * 1024 * 1024);
    if (Buffer.isBuffer(bytes)) read[file] = `${bytes.length} bytes`;
    else if (bytes) problems.push(bytes);
  }
  files?.close();
  return { paths: files?.paths, read, problems: shown(problems) };
}

/** Writes `size` into the uncompressed-size fields of both headers of every entry: a ZIP that lies about what it inflates to. */
function forgeSizes(path: string, size: number): void {
  const bytes = readFileSync(path);
  for (let at = 0; at + 4 <= bytes.length; at += 1) {
    const signature = bytes.readUInt32LE(at);
    if (signature === 0x04034b50) bytes.writeUInt32LE(size, at + 22);
    if (signature === 0x02014b50) bytes.writeUInt32LE(size, at + 24);
  }
  writeFileSync(path, bytes);
}

describe("a ZIP export", () => {
  it("lists its files, leaving out folders and archiver debris", async () => {
    const zip = exportZip({ export: {}, "export/a.csv": text("a"), "__MACOSX/export/._a.csv": text("x"), "export/.DS_Store": text("x") });
    expect(await readAll(zip)).toEqual({ paths: ["export/a.csv"], read: { "export/a.csv": "1 bytes" }, problems: [] });
  });

  it("stops an entry whose header understates what it inflates to, while inflating", async () => {
    const zip = exportZip({ "bomb.csv": new Uint8Array(4 * 1024 * 1024), "ok.csv": text("fine") });
    forgeSizes(zip, 100);
    const { read, problems } = await readAll(zip);
    expect(read).toEqual({});
    expect(problems).toEqual([
      "bomb.csv:1:1 this entry inflates to a different size than its header says (a damaged or forged ZIP); it was not read",
      "ok.csv:1:1 this entry inflates to a different size than its header says (a damaged or forged ZIP); it was not read",
    ]);
  });

  it("enforces the ratio on the bytes inflated, not only on the header's claim", async () => {
    const zip = exportZip({ "bomb.csv": new Uint8Array(4 * 1024 * 1024) });
    forgeSizes(zip, 4 * 1024 * 1024);
    // The header says 4 MiB from ~4 KiB; with a ratio limit that the header passes, the inflated bytes still fail.
    const limits = { ...EXPORT_LIMITS, ratio: 100_000, ratioFloorBytes: 0 };
    expect((await readAll(zip, limits)).problems).toEqual([]);
    const strict = { ...EXPORT_LIMITS, ratio: 200, ratioFloorBytes: 1024 * 1024 };
    expect((await readAll(zip, strict)).problems).toEqual(["bomb.csv:1:1 this entry inflates over 200 times its compressed size, as a ZIP bomb does; it was not read"]);
  });

  it("limits the entries and the total inflated", async () => {
    const zip = exportZip({ "a.csv": text("x".repeat(600)), "b.csv": text("y".repeat(600)), "c.csv": text("z") });
    expect((await readAll(zip, { ...EXPORT_LIMITS, entries: 2 })).problems).toEqual(["export.zip:1:1 this ZIP holds 3 entries, over the limit of 2; nothing was read. Export one client at a time"]);
    expect((await readAll(zip, { ...EXPORT_LIMITS, zipBytes: 1000 })).problems).toEqual(["b.csv:1:1 reading this entry would inflate the ZIP past 1000 bytes in all; it was not read"]);
  });

  it("reports a damaged ZIP instead of throwing", async () => {
    const path = join(exportFolder({}), "broken.zip");
    writeFileSync(path, Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.alloc(64, 7)]));
    expect(await readAll(path)).toEqual({ paths: undefined, read: {}, problems: ["broken.zip:1:1 this ZIP cannot be read (it is damaged or not a ZIP); download the export again"] });
  });
});
