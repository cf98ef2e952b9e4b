import { UsageError } from "../lib/usage-error.ts";
import type { Problem } from "../lib/problems.ts";
import { formatGithub } from "../report/github.ts";
import { formatJson } from "../report/json.ts";
import { formatSarif, rulesPage } from "../report/sarif.ts";
import { formatText } from "../report/text.ts";

export const FORMATS = ["text", "json", "github", "sarif"] as const;
export type Format = (typeof FORMATS)[number];
/** What `build` prints its problems as: it reports a failed build, not findings for code scanning. */
export const BUILD_FORMATS = ["text", "json", "github"] as const satisfies readonly Format[];

export function parseFormat(value: string | undefined, allowed: readonly Format[] = FORMATS): Format {
  const format = value ?? "text";
  if (!(allowed as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of ${allowed.join(", ")}`);
  }
  return format as Format;
}

export function formatProblems(format: Format, problems: readonly Problem[], checked: { clients: number; records: number }, env: Readonly<Record<string, string | undefined>> = {}): string {
  if (format === "json") return formatJson(problems);
  if (format === "github") return formatGithub(problems);
  if (format === "sarif") return formatSarif(problems, rulesPage(env));
  return formatText(problems, checked);
}
