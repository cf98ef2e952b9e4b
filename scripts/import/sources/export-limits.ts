/**
 * How much of an export is read. An export is data from outside: a ZIP can claim small sizes and
 * inflate to gigabytes, a folder can hold millions of files. Past a limit, the file (or the whole
 * export) becomes a problem, never an exception or a machine out of memory.
 */
export interface ExportLimits {
  /** Largest CSV file read. 5,000 assets in ITFlow's export are about 1 MiB. */
  csvBytes: number;
  /** Largest JSON file read: Hudu's account-wide endpoints, pages merged. */
  jsonBytes: number;
  /** Largest HTML document read (IT Glue can inline images as data URLs). */
  htmlBytes: number;
  /** Files and folders an export may hold. */
  entries: number;
  /** Folder depth walked. */
  depth: number;
  /** Bytes inflated from one ZIP, all entries together. */
  zipBytes: number;
  /** Inflated to compressed size of one ZIP entry; only checked past `ratioFloorBytes`, since tiny files compress oddly. */
  ratio: number;
  ratioFloorBytes: number;
}

export const EXPORT_LIMITS: ExportLimits = {
  csvBytes: 64 * 1024 * 1024,
  jsonBytes: 128 * 1024 * 1024,
  htmlBytes: 8 * 1024 * 1024,
  entries: 50_000,
  depth: 16,
  zipBytes: 1024 * 1024 * 1024,
  ratio: 200,
  ratioFloorBytes: 1024 * 1024,
};

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MiB` : `${bytes} bytes`;
}
