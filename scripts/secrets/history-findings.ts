import { location } from "vfile-location";
import { headBlobs, historyBlobs, readBlobs } from "../git/history-blobs.ts";
import { scanText } from "./scan.ts";

/** A secret in a file version of the history; never its value. */
export interface HistoryFinding {
  commit: string;
  path: string;
  line: number;
  column: number;
  rule: string;
  message: string;
  /** The file version is still in HEAD's tree; otherwise it was changed or removed since, and is only in the history. */
  inHead: boolean;
}

export interface HistoryScan {
  findings: HistoryFinding[];
  /** File versions scanned, and those left out as binary or larger than the limit. */
  scanned: number;
  skipped: { path: string; commit: string; why: string }[];
}

/**
 * The toolkit's own folders: its rules, their test corpora and the benchmark's generator hold the
 * shapes of secrets on purpose. What an MSP commits (records, exports, notes, its own docs) is
 * everywhere else, and all of that is scanned.
 */
export const TOOLKIT_PATHS = ["scripts/", "tests/", "bench/"] as const;

const isToolkit = (path: string) => TOOLKIT_PATHS.some((folder) => path.startsWith(folder));

/** A record is a few KiB; a file this large in a handover repository is an export or a binary, not text to scan. */
const MAX_BYTES = 8 * 1024 * 1024;

/** Every secret the rules find in every file version reachable from HEAD outside TOOLKIT_PATHS, each version scanned once. */
export async function scanHistory(root: string): Promise<HistoryScan> {
  const blobs = (await historyBlobs(root)).filter((blob) => !isToolkit(blob.path));
  const inHead = await headBlobs(root).catch(() => new Set<string>());
  const byBlob = new Map(blobs.map((blob) => [blob.blob, blob]));
  const result: HistoryScan = { findings: [], scanned: 0, skipped: [] };
  await readBlobs(
    root,
    blobs.map((blob) => blob.blob),
    MAX_BYTES,
    (id, content) => {
      const { commit, path } = byBlob.get(id) as (typeof blobs)[number];
      if (content === undefined) return void result.skipped.push({ path, commit, why: `larger than ${MAX_BYTES / 1024 / 1024} MiB` });
      if (content.includes(0)) return void result.skipped.push({ path, commit, why: "binary" });
      result.scanned += 1;
      const text = content.toString("utf8");
      const hits = scanText(text);
      if (hits.length === 0) return;
      const points = location(text);
      for (const hit of hits) {
        const { line, column } = points.toPoint(hit.start) ?? { line: 1, column: 1 };
        result.findings.push({ commit, path, line, column, rule: hit.rule, message: hit.message, inHead: inHead.has(id) });
      }
    },
  );
  result.findings.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.column - b.column));
  return result;
}
