import { printable } from "../../lib/printable.ts";
import { UsageError } from "../../lib/usage-error.ts";
import { scanHistory, TOOLKIT_PATHS, type HistoryFinding } from "../../secrets/history-findings.ts";
import type { Io } from "../io.ts";
import { stringOption, type Command } from "./command.ts";
import { COMMON_OPTIONS, rootOf } from "./common.ts";

/** What to do about a secret in the history: deleting it from the files does not remove it from Git. */
const PURGE = [
  "A secret that was ever committed is exposed to everyone who cloned the repository, even after it is deleted:",
  "  1. Rotate each credential first: purging the history does not make an exposed secret safe.",
  "  2. Rewrite the history with git filter-repo (https://github.com/newren/git-filter-repo):",
  "       git filter-repo --replace-text secrets.txt     one line per secret, `literal:<the secret>==>REMOVED`;",
  "                                                       keep secrets.txt outside the repository and delete it after",
  "       git filter-repo --invert-paths --path <file>   to drop a file from every commit",
  "  3. Force-push every branch and tag, and have every tech delete their clone and clone again.",
].join("\n");

export const scanHistoryCommand: Command = {
  name: "scan-history",
  usage: "handover scan-history [--root <dir>] [--format text|json]",
  options: { ...COMMON_OPTIONS, format: { type: "string" } },
  async run(args, io: Io) {
    if (args.positionals.length > 0) throw new UsageError("scan-history scans the whole history and takes no client slug");
    const format = stringOption(args, "format") ?? "text";
    if (format !== "text" && format !== "json") throw new UsageError("--format must be text or json");
    const { findings, scanned, skipped } = await scanHistory(rootOf(args, io));
    if (format === "json") {
      io.stdout(`${JSON.stringify({ scanned, skipped, notScanned: TOOLKIT_PATHS, findings }, null, 2)}\n`);
      return findings.length > 0 ? 1 : 0;
    }
    const lines = findings.map(describe);
    for (const { path, commit, why } of skipped) lines.push(`${printable(path)} (commit ${commit.slice(0, 12)}): not scanned, ${why}`);
    const commits = new Set(findings.map((finding) => finding.commit)).size;
    lines.push(
      findings.length === 0
        ? `No secrets in the history: ${scanned} file versions scanned.`
        : `${findings.length} possible ${findings.length === 1 ? "secret" : "secrets"} in ${commits} ${commits === 1 ? "commit" : "commits"} (${scanned} file versions scanned).\n\n${PURGE}`,
    );
    lines.push(`Not scanned: the toolkit's own ${TOOLKIT_PATHS.join(", ")}, whose rules and tests hold secret shapes on purpose.`);
    io.stdout(`${lines.join("\n")}\n`);
    return findings.length > 0 ? 1 : 0;
  },
};

function describe(finding: HistoryFinding): string {
  const where = finding.inHead ? "still in the current files" : "in an earlier version of the file, still in the history";
  return `${printable(finding.path)}:${finding.line}:${finding.column}  commit ${finding.commit.slice(0, 12)}  ${finding.rule}  ${finding.message}; ${where}`;
}
