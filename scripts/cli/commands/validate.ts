import { hasErrors } from "../../lib/problems.ts";
import { validateRepository } from "../../validate-repository.ts";
import type { Io } from "../io.ts";
import { formatProblems, parseFormat } from "../output.ts";
import { stringOption, type Command } from "./command.ts";
import { COMMON_OPTIONS, rootOf } from "./common.ts";

export const validate: Command = {
  name: "validate",
  usage: "handover validate [slug...] [--root <dir>] [--format text|json|github]",
  options: { ...COMMON_OPTIONS, format: { type: "string" } },
  async run(args, io: Io) {
    const { positionals } = args;
    const format = parseFormat(stringOption(args, "format"));
    const result = await validateRepository(rootOf(args, io), positionals);
    io.stdout(formatProblems(format, result.problems, { clients: result.clients.length, records: result.records }));
    return hasErrors(result.problems) ? 1 : 0;
  },
};
