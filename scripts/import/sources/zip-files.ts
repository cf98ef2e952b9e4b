import { getFileNameLowLevel, openPromise, type Entry, type ZipFile } from "yauzl";
import { START, type Problem } from "../../lib/problems.ts";
import { printable } from "../../lib/printable.ts";
import type { ExportFiles } from "./export-files.ts";
import { formatBytes, type ExportLimits } from "./export-limits.ts";
import { exportProblem } from "./export-problem.ts";
import { unsafeReason } from "./safe-path.ts";
import { isSystemFile } from "./system-files.ts";

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/**
 * A ZIP export, read with yauzl. Entries are listed first, and every one that could write or
 * read outside the export (`../`, an absolute path, a drive letter, a backslash) or that is a
 * symlink is reported and never read. Sizes are checked against the limits from the headers, then
 * again while inflating, since a header can lie: a ZIP bomb stops at the limit, not at the end.
 */
export async function openZip(path: string, name: string, problems: Problem[], limits: ExportLimits): Promise<ExportFiles | undefined> {
  let zip: ZipFile;
  try {
    // decodeStrings off: yauzl would end the whole listing at the first unsafe name; this reports each and goes on.
    zip = await openPromise(path, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true, strictFileNames: true });
  } catch {
    problems.push(exportProblem(name, START, "this ZIP cannot be read (it is damaged or not a ZIP); download the export again"));
    return undefined;
  }
  if (zip.entryCount > limits.entries) {
    problems.push(exportProblem(name, START, `this ZIP holds ${zip.entryCount} entries, over the limit of ${limits.entries}; nothing was read. Export one client at a time`));
    zip.close();
    return undefined;
  }
  const entries = new Map<string, Entry>();
  try {
    for await (const entry of zip.eachEntry()) {
      const entryName = getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true);
      const shown = printable(entryName);
      const unsafe = unsafeReason(entryName);
      if (unsafe) {
        problems.push(exportProblem(name, START, `the entry ${JSON.stringify(shown)} ${unsafe}; it was not read`));
      } else if (((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK) {
        problems.push(exportProblem(shown, START, "this entry is a symbolic link; links in an export are not followed, so it was not read"));
      } else if (entryName.endsWith("/") || isSystemFile(entryName)) {
        continue;
      } else if (entries.has(entryName)) {
        problems.push(exportProblem(shown, START, "the ZIP holds this path twice; only the first was read. Download the export again"));
      } else {
        entries.set(entryName, entry);
      }
    }
  } catch {
    problems.push(exportProblem(name, START, "this ZIP's list of entries is damaged; only the entries before the damage were read. Download the export again"));
  }
  let inflated = 0;
  const read = async (entryPath: string, maxBytes: number): Promise<Buffer | Problem> => {
    const entry = entries.get(entryPath);
    if (!entry) return exportProblem(entryPath, START, "this file is not in the export");
    const refused = refusal(entry, maxBytes, limits, inflated);
    if (refused) return exportProblem(entryPath, START, refused);
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      const stream = await zip.openReadStreamPromise(entry);
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        size += chunk.length;
        inflated += chunk.length;
        const over = overLimit(size, entry.compressedSize, maxBytes, inflated, limits);
        if (over) {
          stream.destroy();
          return exportProblem(entryPath, START, over);
        }
        chunks.push(chunk);
      }
    } catch (error) {
      return exportProblem(entryPath, START, inflateFailure(error));
    }
    return Buffer.concat(chunks, size);
  };
  return { paths: [...entries.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), read, close: () => zip.close() };
}

/** What the headers alone already refuse: an encrypted entry, or sizes and a ratio over the limits. */
function refusal(entry: Entry, maxBytes: number, limits: ExportLimits, inflated: number): string | undefined {
  if (entry.isEncrypted()) return "this entry is encrypted; export again without a password on the ZIP";
  if (entry.uncompressedSize > maxBytes) return `this entry inflates to ${formatBytes(entry.uncompressedSize)}, over the ${formatBytes(maxBytes)} limit for it; it was not read`;
  if (inflated + entry.uncompressedSize > limits.zipBytes) return `reading this entry would inflate the ZIP past ${formatBytes(limits.zipBytes)} in all; it was not read`;
  const ratio = overRatio(entry.uncompressedSize, entry.compressedSize, limits);
  return ratio && `${ratio}; it was not read`;
}

/** The same limits, on the bytes actually inflated so far. */
function overLimit(size: number, compressedSize: number, maxBytes: number, inflated: number, limits: ExportLimits): string | undefined {
  if (size > maxBytes) return `this entry inflates past the ${formatBytes(maxBytes)} limit for it (more than its header says); reading stopped there`;
  if (inflated > limits.zipBytes) return `the ZIP inflates past ${formatBytes(limits.zipBytes)} in all; reading stopped there`;
  const ratio = overRatio(size, compressedSize, limits);
  return ratio && `${ratio}; reading stopped there`;
}

function overRatio(size: number, compressedSize: number, limits: ExportLimits): string | undefined {
  if (size <= limits.ratioFloorBytes || size <= compressedSize * limits.ratio) return undefined;
  return `this entry inflates over ${limits.ratio} times its compressed size, as a ZIP bomb does`;
}

/** yauzl's and zlib's failures in a tech's words; their messages are never passed on. */
function inflateFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : "";
  if (/too many bytes|not enough bytes/.test(message)) return "this entry inflates to a different size than its header says (a damaged or forged ZIP); it was not read";
  if (/compression method|unsupported/i.test(message)) return "this entry uses a compression method yauzl cannot inflate; export again as a standard ZIP";
  return "this entry cannot be inflated (damaged data); download the export again";
}
