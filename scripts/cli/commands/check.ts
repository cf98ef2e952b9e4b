import { appendFileSync } from "node:fs";
import { checkRepository } from "../../check-repository.ts";
import { hasErrors } from "../../lib/problems.ts";
import { renderStatusSummary } from "../../render/status.ts";
import type { Io } from "../io.ts";
import { formatProblems, parseFormat } from "../output.ts";
import { stringOption, type Command } from "./command.ts";
import { COMMON_OPTIONS, nothingInScope, rootOf, scopeOf, SCOPE_OPTIONS, todayOf } from "./common.ts";

export const check: Command = {
  name: "check",
  usage: "handover check [slug...] [--changed [--base <ref>]] [--shard i/n] [--root <dir>] [--today YYYY-MM-DD] [--format text|json|github|sarif]",
  options: { ...COMMON_OPTIONS, ...SCOPE_OPTIONS, format: { type: "string" } },
  async run(args, io: Io) {
    const format = parseFormat(stringOption(args, "format"));
    const today = todayOf(args);
    const root = rootOf(args, io);
    const scope = await scopeOf(args, root, io);
    if (scope?.length === 0) return nothingInScope(io, format);
    const { problems, rows, clients, records } = await checkRepository(root, scope ?? [], today);
    io.stdout(formatProblems(format, problems, { clients, records }, io.env));
    const summary = io.env.GITHUB_STEP_SUMMARY;
    if (summary && rows.length > 0) appendFileSync(summary, renderStatusSummary(rows));
    return hasErrors(problems) ? 1 : 0;
  },
};
