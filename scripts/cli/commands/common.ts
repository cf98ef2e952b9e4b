import { resolve } from "node:path";
import { UsageError } from "../../lib/usage-error.ts";
import type { Io } from "../io.ts";
import { parseToday } from "../today.ts";
import { stringOption, type Command, type ParsedArgs } from "./command.ts";

/** Options every command accepts, so scripts and CI can pass them uniformly. */
export const COMMON_OPTIONS = {
  root: { type: "string" },
  today: { type: "string" },
} satisfies Command["options"];

export function rootOf(args: ParsedArgs, io: Io): string {
  return resolve(io.cwd, stringOption(args, "root") ?? ".");
}

/** The date every time-based rule uses: `--today`, or the current UTC date. */
export function todayOf(args: ParsedArgs): string {
  return parseToday(stringOption(args, "today"));
}

export function oneSlug(args: ParsedArgs, example: string): string {
  const [slug, ...extra] = args.positionals;
  if (!slug || extra.length > 0) throw new UsageError(`give exactly one client slug, for example \`${example}\``);
  return slug;
}
