import { crc32 } from "node:zlib";

export interface ZipEntry {
  name: string;
  content: Uint8Array;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** Version 2.0 of the format: what a stored entry needs. */
const VERSION = 20;
/** General-purpose flag bit 11: the entry's name is UTF-8. */
const UTF8_NAME = 0x0800;

/** The MS-DOS time and date fields from the date's local wall-clock fields, as zip readers show them. */
function dosTime(date: Date): number {
  return ((date.getFullYear() - 1980) << 25) | ((date.getMonth() + 1) << 21) | (date.getDate() << 16) | (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1);
}

/**
 * A zip archive of `entries` in their order, each stored (not compressed) and dated `mtime`, as the
 * chunks to write one after another. The bytes are those fflate's zipSync writes at level 0 (a test
 * compares the two), with the CRC-32 from zlib rather than JavaScript: ten times less CPU for the
 * packs' zips. Sizes stay far below the format's 4 GiB limit: a pack is a few hundred kilobytes.
 */
export function storedZip(entries: readonly ZipEntry[], mtime: Date): Buffer[] {
  const time = dosTime(mtime);
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const { name, content } of entries) {
    const encoded = Buffer.from(name, "utf8");
    const flags = encoded.length === name.length ? 0 : UTF8_NAME;
    const crc = crc32(content);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(flags, 6);
    // Compression method 0 (stored) at 8.
    local.writeUInt32LE(time >>> 0, 10);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(content.byteLength, 18);
    local.writeUInt32LE(content.byteLength, 22);
    local.writeUInt16LE(encoded.length, 26);
    chunks.push(local, encoded, Buffer.from(content.buffer, content.byteOffset, content.byteLength));

    const header = Buffer.alloc(46);
    header.writeUInt32LE(CENTRAL_HEADER, 0);
    header.writeUInt16LE(VERSION, 4);
    header.writeUInt16LE(VERSION, 6);
    header.writeUInt16LE(flags, 8);
    header.writeUInt32LE(time >>> 0, 12);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(content.byteLength, 20);
    header.writeUInt32LE(content.byteLength, 24);
    header.writeUInt16LE(encoded.length, 28);
    header.writeUInt32LE(offset, 42);
    central.push(header, encoded);
    offset += local.length + encoded.length + content.byteLength;
  }
  const centralSize = central.reduce((sum, chunk) => sum + chunk.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return [...chunks, ...central, end];
}
