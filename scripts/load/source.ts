import { isUtf8 } from "node:buffer";
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { location } from "vfile-location";
import type { Point } from "../lib/problems.ts";

/** Records are small text files; anything bigger is a mistake or an attack. */
export const MAX_RECORD_BYTES = 256 * 1024;

/** A record's text, normalised so CRLF, lone CR and a BOM read the same as LF. */
export interface SourceText {
  /** Path relative to the data root, with `/` separators. */
  path: string;
  text: string;
  toPoint(offset: number): Point;
}

export type SourceResult =
  | { ok: true; source: SourceText }
  | { ok: false; point: Point; message: string };

export function sourceFromText(path: string, raw: string): SourceText {
  const unmarked = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const text = unmarked.includes("\r") ? unmarked.replace(/\r\n?/g, "\n") : unmarked;
  // Line starts are indexed on first use: most records never have a problem to place.
  let place: ReturnType<typeof location> | undefined;
  return {
    path,
    text,
    toPoint(offset) {
      place ??= location(text);
      const point = place.toPoint(Math.min(Math.max(offset, 0), text.length));
      return point ? { line: point.line, column: point.column } : { line: 1, column: 1 };
    },
  };
}

export function decodeSource(path: string, bytes: Uint8Array): SourceResult {
  if (!isUtf8(bytes)) {
    const lossy = sourceFromText(path, new TextDecoder("utf-8").decode(bytes));
    return {
      ok: false,
      point: lossy.toPoint(lossy.text.indexOf("\uFFFD")),
      message: "file is not valid UTF-8; save it as UTF-8 in your editor",
    };
  }
  const source = sourceFromText(path, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8"));
  const nul = source.text.indexOf("\0");
  if (nul !== -1) {
    return { ok: false, point: source.toPoint(nul), message: "file contains a NUL byte; records must be plain text" };
  }
  return { ok: true, source };
}

/**
 * Reads a record file. The folder listing already refused symlinks; opening with O_NOFOLLOW (where
 * the system has it) also refuses a file swapped for a symlink since, and anything that is no
 * longer a regular file is refused before it is read. The size is checked before reading.
 */
export function readSourceFile(absolutePath: string, path: string): SourceResult {
  const fd = openSync(absolutePath, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, point: { line: 1, column: 1 }, message: "this is not a regular file; a record must be a plain Markdown file" };
    if (stat.size > MAX_RECORD_BYTES) {
      return {
        ok: false,
        point: { line: 1, column: 1 },
        message: `file is ${stat.size} bytes, over the ${MAX_RECORD_BYTES}-byte limit for a record; split it or keep attachments outside the repository`,
      };
    }
    return decodeSource(path, readToSize(fd, stat.size));
  } finally {
    closeSync(fd);
  }
}

/** A file's bytes, up to the size it had when checked: readFileSync would ask the system for it again. */
function readToSize(fd: number, size: number): Uint8Array {
  const bytes = Buffer.allocUnsafe(size);
  let length = 0;
  while (length < size) {
    const read = readSync(fd, bytes, length, size - length, null);
    if (read === 0) break;
    length += read;
  }
  return bytes.subarray(0, length);
}
