import { deriveChecklist } from "../../derive/checklist.ts";
import { hasErrors } from "../../lib/problems.ts";
import { UsageError } from "../../lib/usage-error.ts";
import { renderStatusTable, statusRow } from "../../render/status.ts";
import { formatText } from "../../report/text.ts";
import { validateRepository } from "../../validate-repository.ts";
import type { Io } from "../io.ts";
import { stringOption, type Command } from "./command.ts";
import { COMMON_OPTIONS, rootOf, todayOf } from "./common.ts";

export const status: Command = {
  name: "status",
  usage: "handover status [slug...] [--root <dir>] [--today YYYY-MM-DD] [--format text|json]",
  options: { ...COMMON_OPTIONS, format: { type: "string" } },
  async run(args, io: Io) {
    const format = stringOption(args, "format") ?? "text";
    if (format !== "text" && format !== "json") throw new UsageError("--format must be text or json");
    const today = todayOf(args);
    const result = await validateRepository(rootOf(args, io), args.positionals);
    const { playbook } = result;
    if (!playbook) {
      io.stderr(formatText(result.problems, { clients: result.clients.length, records: result.records }));
      return 1;
    }
    const rows = result.clients.map((client) => statusRow(client.model, deriveChecklist(client.model, playbook), today, client.problems));
    io.stdout(format === "json" ? `${JSON.stringify({ today, clients: rows }, null, 2)}\n` : renderStatusTable(rows));
    // Counts of a client with invalid records are incomplete: say so, and fail.
    if (hasErrors(result.problems)) {
      io.stderr("Some records have errors and are left out of the counts above; run `handover validate` to see them.\n");
      return 1;
    }
    return 0;
  },
};
