import { join, resolve, sep } from "node:path";
import { UsageError } from "../../lib/usage-error.ts";
import { CLIENTS_DIR } from "../../load/load-client.ts";
import type { Io } from "../io.ts";
import { formatProblems, type Format } from "../output.ts";
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

/** Where packs go without `--out`: a folder in the root, which the template's `.gitignore` names. */
export const DEFAULT_OUT = "handover-packs";

/**
 * The folder packs are written to: `--out`, from the working directory, or `handover-packs/` in
 * the root. Never in `clients/`, where a pack would be read as a client folder at the next run.
 */
export function outOf(args: ParsedArgs, root: string, io: Io): string {
  const out = stringOption(args, "out");
  const dir = out === undefined ? join(root, DEFAULT_OUT) : resolve(io.cwd, out);
  const clients = join(resolve(root), CLIENTS_DIR);
  if (dir === clients || dir.startsWith(`${clients}${sep}`)) {
    throw new UsageError(`--out must be outside ${CLIENTS_DIR}/, which holds only client folders; the default is ${DEFAULT_OUT}/ in the root`);
  }
  return dir;
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

/** Options of the commands that work over many clients: what changed, and a share of them for CI matrices. */
export const SCOPE_OPTIONS = {
  changed: { type: "boolean" },
  base: { type: "string" },
  shard: { type: "string" },
} satisfies Command["options"];

/**
 * The clients a command works on: the ones named, or with `--changed` those changed since the
 * base (all of them when a shared input changed), then `--shard i/n` of those. Undefined means
 * "every client", the default.
 */
export async function scopeOf(args: ParsedArgs, root: string, io: Io): Promise<string[] | undefined> {
  const shard = stringOption(args, "shard");
  if (stringOption(args, "base") !== undefined && !args.values.changed) throw new UsageError("--base goes with --changed");
  if (!args.values.changed && shard === undefined) return args.positionals.length > 0 ? args.positionals : undefined;
  if (args.values.changed && args.positionals.length > 0) throw new UsageError("name clients or use --changed, not both");
  const { listClients } = await import("../../load/load-repository.ts");
  const { changedScope, parseShard, shardOf } = await import("../../git/changed-clients.ts");
  const all = listClients(root).slugs;
  let slugs = args.positionals.length > 0 ? [...args.positionals].sort() : all;
  if (args.values.changed) {
    const scope = await changedScope(root, stringOption(args, "base"), all);
    slugs = scope.all ? all : scope.slugs;
    io.stderr(
      scope.all
        ? `--changed: shared files changed since ${scope.base} (${scope.shared.slice(0, 3).join(", ")}${scope.shared.length > 3 ? ", …" : ""}), so every client is checked\n`
        : `--changed: ${slugs.length} ${slugs.length === 1 ? "client" : "clients"} changed since ${scope.base}\n`,
    );
  }
  if (shard === undefined) return slugs === all && args.positionals.length === 0 ? undefined : slugs;
  return shardOf(slugs, parseShard(shard));
}

/** With no client to check, a machine-read format still gets a well-formed, empty report. */
export function nothingInScope(io: Io, format: Format = "text"): number {
  io.stdout(format === "text" ? "✔ no client in scope: nothing to do\n" : formatProblems(format, [], { clients: 0, records: 0 }, io.env));
  return 0;
}
