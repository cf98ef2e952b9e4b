import { parseArgs } from "node:util";
import { didYouMean } from "../lib/suggest.ts";
import { UsageError } from "../lib/usage-error.ts";
import type { Command } from "./commands/command.ts";
import { build } from "./commands/build.ts";
import { check } from "./commands/check.ts";
import { dev } from "./commands/dev.ts";
import { checklist } from "./commands/checklist.ts";
import { memo } from "./commands/memo.ts";
import { newClient } from "./commands/new.ts";
import { status } from "./commands/status.ts";
import { validate } from "./commands/validate.ts";
import type { Io } from "./io.ts";

const COMMANDS: Command[] = [validate, check, checklist, memo, status, build, dev, newClient];

function help(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  return [
    "handover: offboarding records, checks and handover packs for MSPs",
    "",
    "Usage: handover <command> [options]",
    "",
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    "",
    "Run `handover <command> --help` for a command's options.",
    "",
  ].join("\n");
}

/** Runs one command line and returns the exit code: 0 fine, 1 problems found, 2 usage error or could not run. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout(help());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  try {
    if (!command) {
      const suggestion = didYouMean(name, COMMANDS.map((candidate) => candidate.name));
      throw new UsageError(`unknown command \`${name}\`${suggestion ? ` — did you mean \`${suggestion}\`?` : ""}`);
    }
    if (rest.includes("--help") || rest.includes("-h")) {
      io.stdout(`${command.summary}\n\nUsage: ${command.usage}\n`);
      return 0;
    }
    return await command.run(parse(command, rest), io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`handover: ${error.message}\n${command ? `Usage: ${command.usage}\n` : ""}`);
      return 2;
    }
    io.stderr(`handover: could not run: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

function parse(command: Command, args: string[]) {
  try {
    return parseArgs({ args, options: command.options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(message)?.[1];
    if (unknown) {
      const suggestion = didYouMean(unknown.replace(/^-+/, ""), Object.keys(command.options));
      throw new UsageError(`unknown option \`${unknown}\`${suggestion ? ` — did you mean \`--${suggestion}\`?` : ""}`);
    }
    throw new UsageError(message.split("\n")[0] ?? message);
  }
}
