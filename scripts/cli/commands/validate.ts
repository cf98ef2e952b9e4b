import { resolve } from "node:path";
import { hasErrors } from "../../lib/problems.ts";
import { validateRepository } from "../../validate-repository.ts";
import type { Io } from "../io.ts";
import { formatProblems, parseFormat } from "../output.ts";
import type { Command } from "./command.ts";

export const validate: Command = {
  name: "validate",
  usage: "handover validate [slug...] [--root <dir>] [--format text|json|github]",
  summary: "Check every record against its schema and the validation rules.",
  options: { root: { type: "string" }, format: { type: "string" } },
  async run({ values, positionals }, io: Io) {
    const format = parseFormat(values.format as string | undefined);
    const result = await validateRepository(resolve(io.cwd, (values.root as string | undefined) ?? "."), positionals);
    io.stdout(formatProblems(format, result.problems, { clients: result.clients.length, records: result.records }));
    return hasErrors(result.problems) ? 1 : 0;
  },
};
