import { deriveChecklist } from "../../derive/checklist.ts";
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
  summary: "One row per client: status, phase, steps done, blockers, days until services stop.",
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
    const rows = result.clients.map((client) => statusRow(client.model, deriveChecklist(client.model, playbook), today));
    io.stdout(format === "json" ? `${JSON.stringify({ today, clients: rows }, null, 2)}\n` : renderStatusTable(rows));
    return 0;
  },
};
