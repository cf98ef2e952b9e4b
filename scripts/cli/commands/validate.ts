import { hasErrors } from "../../lib/problems.ts";
import { validateRepositoryProblems } from "../../validate-repository.ts";
import type { Io } from "../io.ts";
import { formatProblems, parseFormat } from "../output.ts";
import { stringOption, type Command } from "./command.ts";
import { COMMON_OPTIONS, nothingInScope, rootOf, scopeOf, SCOPE_OPTIONS } from "./common.ts";

export const validate: Command = {
  name: "validate",
  usage: "handover validate [slug...] [--changed [--base <ref>]] [--shard i/n] [--root <dir>] [--format text|json|github|sarif]",
  options: { ...COMMON_OPTIONS, ...SCOPE_OPTIONS, format: { type: "string" } },
  async run(args, io: Io) {
    const format = parseFormat(stringOption(args, "format"));
    const root = rootOf(args, io);
    const scope = await scopeOf(args, root, io);
    if (scope?.length === 0) return nothingInScope(io, format);
    const result = await validateRepositoryProblems(root, scope ?? []);
    io.stdout(formatProblems(format, result.problems, { clients: result.clients, records: result.records }, io.env));
    return hasErrors(result.problems) ? 1 : 0;
  },
};
