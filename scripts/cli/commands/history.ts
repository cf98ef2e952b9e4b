import { clientHistory } from "../../git/history.ts";
import { printable } from "../../lib/printable.ts";
import { UsageError } from "../../lib/usage-error.ts";
import { validateRepository } from "../../validate-repository.ts";
import { parseToday } from "../today.ts";
import type { Io } from "../io.ts";
import { stringOption, type Command } from "./command.ts";
import { COMMON_OPTIONS, oneSlug, rootOf } from "./common.ts";

const STATUS = { A: "added", M: "changed", D: "deleted", T: "changed" } as Record<string, string>;

export const history: Command = {
  name: "history",
  usage: "handover history <slug> [--since YYYY-MM-DD] [--root <dir>] [--format text|json]",
  options: { ...COMMON_OPTIONS, since: { type: "string" }, format: { type: "string" } },
  async run(args, io: Io) {
    const slug = oneSlug(args, "handover history harbor-finch");
    const format = stringOption(args, "format") ?? "text";
    if (format !== "text" && format !== "json") throw new UsageError("--format must be text or json");
    const result = await validateRepository(rootOf(args, io), [slug]);
    const sinceOption = stringOption(args, "since");
    // The evidence trail of a dispute starts at the notice, unless asked otherwise.
    const since = sinceOption !== undefined ? parseToday(sinceOption, undefined, "--since") : result.clients[0]?.model.case?.data.notice?.date;
    const changes = await clientHistory(result.root, slug, since);
    if (format === "json") {
      io.stdout(`${JSON.stringify({ client: slug, since: since ?? null, changes }, null, 2)}\n`);
      return 0;
    }
    const lines = [`Changes to clients/${slug}${since ? ` since ${since}` : ""}: ${changes.length} ${changes.length === 1 ? "commit" : "commits"}`, ""];
    for (const change of changes) {
      lines.push(`${change.date.slice(0, 10)}  ${printable(change.author)}  ${change.commit.slice(0, 12)}  ${printable(change.subject)}`);
      for (const file of change.files) lines.push(`    ${(STATUS[file.status] ?? file.status).padEnd(8)} ${printable(file.path)}`);
    }
    io.stdout(`${lines.join("\n")}\n`);
    return 0;
  },
};
