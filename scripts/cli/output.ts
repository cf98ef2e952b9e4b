import { UsageError } from "../lib/usage-error.ts";
import type { Problem } from "../lib/problems.ts";
import { formatGithub } from "../report/github.ts";
import { formatJson } from "../report/json.ts";
import { formatText } from "../report/text.ts";

export const FORMATS = ["text", "json", "github"] as const;
export type Format = (typeof FORMATS)[number];

export function parseFormat(value: string | undefined): Format {
  const format = value ?? "text";
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(", ")}`);
  }
  return format as Format;
}

export function formatProblems(format: Format, problems: readonly Problem[], checked: { clients: number; records: number }): string {
  if (format === "json") return formatJson(problems);
  if (format === "github") return formatGithub(problems);
  return formatText(problems, checked);
}
