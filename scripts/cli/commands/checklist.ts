import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { deriveChecklist } from "../../derive/checklist.ts";
import { hasErrors } from "../../lib/problems.ts";
import { UsageError } from "../../lib/usage-error.ts";
import { writeAtomic } from "../../lib/write-atomic.ts";
import { CHECKLIST_FILE } from "../../model/kinds.ts";
import { checklistFileState, renderChecklist } from "../../render/checklist-markdown.ts";
import { formatText } from "../../report/text.ts";
import { validateRepository } from "../../validate-repository.ts";
import type { Io } from "../io.ts";
import type { Command } from "./command.ts";
import { COMMON_OPTIONS, rootOf } from "./common.ts";

export const checklist: Command = {
  name: "checklist",
  usage: "handover checklist <slug> | handover checklist [slug...] --write | --check [--root <dir>]",
  summary: "Print a client's offboarding checklist; --write saves CHECKLIST.md, --check fails when it is stale.",
  options: { ...COMMON_OPTIONS, write: { type: "boolean" }, check: { type: "boolean" } },
  async run(args, io: Io) {
    const { write, check } = args.values;
    if (write && check) throw new UsageError("use --write or --check, not both");
    if (!write && !check && args.positionals.length !== 1) {
      throw new UsageError("name one client to print its checklist, for example `handover checklist harbor-finch`; --write and --check take any number");
    }
    const result = await validateRepository(rootOf(args, io), args.positionals);
    const { playbook } = result;
    if (!playbook || hasErrors(result.problems)) {
      io.stderr(`${formatText(result.problems, { clients: result.clients.length, records: result.records })}Checklists are derived from valid records only: fix the errors above first.\n`);
      return 1;
    }
    let failed = false;
    for (const client of result.clients) {
      const text = renderChecklist(client.model, deriveChecklist(client.model, playbook));
      const file = `${client.loaded.dir}/${CHECKLIST_FILE}`;
      const path = join(result.root, file);
      const existing = existsSync(path) ? readFileSync(path, "utf8") : undefined;
      if (!write && !check) {
        io.stdout(text);
      } else if (existing === text) {
        io.stdout(`${file} is up to date\n`);
      } else if (check) {
        io.stderr(`${file} is ${existing === undefined ? "missing" : "out of date"}: run \`npx handover checklist ${client.model.slug} --write\` and commit it\n`);
        failed = true;
      } else if (checklistFileState(existing) === "edited") {
        io.stderr(
          `${file} was edited by hand, so it was not overwritten. Steps are completed by recording facts in the records, not in the checklist: move anything worth keeping into the records, delete ${file}, and run this again.\n`,
        );
        failed = true;
      } else {
        writeAtomic(path, text);
        io.stdout(`wrote ${file}\n`);
      }
    }
    return failed ? 1 : 0;
  },
};
