import type { ParseArgsConfig } from "node:util";
import type { Io } from "../io.ts";

export interface ParsedArgs {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

/** The value of a string option such as `--root`, or undefined when it was not given. */
export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === "string" ? value : undefined;
}

/** One `handover <name>` subcommand; `run` returns the exit code. */
export interface Command {
  name: string;
  usage: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  run(args: ParsedArgs, io: Io): Promise<number>;
}
