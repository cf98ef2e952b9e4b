import { parseArgs } from "node:util";
import { didYouMean } from "../lib/suggest.ts";
import { UsageError } from "../lib/usage-error.ts";
import type { Command } from "./commands/command.ts";
import type { Io } from "./io.ts";

/**
 * Each command is imported only when it runs: `validate` in CI should not pay for loading Astro.
 */
const COMMANDS: { name: string; summary: string; load: () => Promise<Command> }[] = [
  { name: "validate", summary: "Check every record against its schema and the validation rules.", load: async () => (await import("./commands/validate.ts")).validate },
  { name: "check", summary: "Validate, then check that each handover is as complete as its status says.", load: async () => (await import("./commands/check.ts")).check },
  { name: "checklist", summary: "Print a client's offboarding checklist; --write saves CHECKLIST.md, --check fails when it is stale.", load: async () => (await import("./commands/checklist.ts")).checklist },
  { name: "memo", summary: "Print the What's-Next memo for the client, as Markdown ready to send.", load: async () => (await import("./commands/memo.ts")).memo },
  { name: "forms", summary: "Print the risk acknowledgements and backup releases the client signs, as Markdown; the pack has each as a page to print.", load: async () => (await import("./commands/forms.ts")).forms },
  { name: "calendar", summary: "The MSP's calendar of every client's handover dates and steps, internal ones included: stdout or --out, never a pack.", load: async () => (await import("./commands/calendar.ts")).calendar },
  { name: "status", summary: "One row per client: status, phase, steps done, blockers, days until services stop.", load: async () => (await import("./commands/status.ts")).status },
  { name: "build", summary: "Build each client's handover pack: a static site, its zip and a manifest.", load: async () => (await import("./commands/build.ts")).build },
  { name: "release", summary: "Build a client's complete pack from a clean, passing commit and tag it handover/<slug>/<date>; --draft tags an interim one.", load: async () => (await import("./commands/release.ts")).release },
  { name: "history", summary: "The client's changes since the notice date: who, when, what. Internal: never in a pack.", load: async () => (await import("./commands/history.ts")).history },
  { name: "scan-history", summary: "Scan every commit reachable from HEAD for secrets, once per file version; says how to purge them.", load: async () => (await import("./commands/scan-history.ts")).scanHistoryCommand },
  { name: "dev", summary: "Preview one client's pack in the browser, reloading when its records change.", load: async () => (await import("./commands/dev.ts")).dev },
  { name: "new", summary: "Scaffold a client folder with every record kind and guidance to fill it in.", load: async () => (await import("./commands/new.ts")).newClient },
];

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
  const entry = COMMANDS.find((candidate) => candidate.name === name);
  let command: Command | undefined;
  try {
    if (!entry) {
      const suggestion = didYouMean(name, COMMANDS.map((candidate) => candidate.name));
      throw new UsageError(`unknown command \`${name}\`${suggestion ? ` — did you mean \`${suggestion}\`?` : ""}`);
    }
    command = await entry.load();
    if (rest.includes("--help") || rest.includes("-h")) {
      io.stdout(`${entry.summary}\n\nUsage: ${command.usage}\n`);
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
