import type { ParseArgsConfig } from "node:util";
import type { Io } from "../io.ts";

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** One `handover <name>` subcommand; `run` returns the exit code. */
export interface Command {
  name: string;
  usage: string;
  summary: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  run(args: ParsedArgs, io: Io): Promise<number>;
}
