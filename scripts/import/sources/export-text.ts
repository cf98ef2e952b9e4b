import { isUtf8 } from "node:buffer";
import { START, type Problem } from "../../lib/problems.ts";
import { decodeSource } from "../../load/source.ts";
import { exportProblem } from "./export-problem.ts";

/**
 * An export file's bytes as UTF-8 text, its BOM removed, or a problem placed where the text goes
 * wrong. Platforms export UTF-8; a file saved again by Excel may be Windows-1252 or UTF-16, and
 * guessing a code page would put wrong letters into records without a word.
 */
export function utf8Bytes(file: string, bytes: Buffer): Buffer | Problem {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return exportProblem(file, START, "this file is UTF-16; export it again, or save it as CSV UTF-8 / UTF-8 text");
  }
  const text = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (!isUtf8(text) || text.includes(0)) {
    const decoded = decodeSource(file, text);
    const point = decoded.ok ? START : decoded.point;
    const what = isUtf8(text) ? "holds a NUL byte, so it is not a text export" : "is not valid UTF-8 (saved as Windows-1252 or another code page?)";
    return exportProblem(file, point, `this file ${what}; export it again, or save it as UTF-8. It was not read`);
  }
  return text;
}

export function utf8Text(file: string, bytes: Buffer): string | Problem {
  const text = utf8Bytes(file, bytes);
  return Buffer.isBuffer(text) ? text.toString("utf8") : text;
}
