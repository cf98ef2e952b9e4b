import { hasErrors } from "../../lib/problems.ts";
import { UsageError } from "../../lib/usage-error.ts";
import { syncChecklistFile } from "../../render/checklist-file.ts";
import { formatText } from "../../report/text.ts";
import { validateRepository } from "../../validate-repository.ts";
import type { Io } from "../io.ts";
import type { Command } from "./command.ts";
import { COMMON_OPTIONS, rootOf } from "./common.ts";

export const checklist: Command = {
  name: "checklist",
  usage: "handover checklist <slug> | handover checklist [slug...] --write | --check [--root <dir>]",
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
      const { file, result: state, text } = syncChecklistFile(result.root, client.model, playbook, Boolean(write));
      const slug = client.model.slug;
      if (!write && !check) io.stdout(text);
      else if (state === "up-to-date") io.stdout(`${file} is up to date\n`);
      else if (state === "written") io.stdout(`wrote ${file}\n`);
      else {
        failed = true;
        io.stderr(
          state === "edited"
            ? `${file} was edited by hand, so it was not overwritten. Steps are completed by recording facts in the records, not in the checklist: move anything worth keeping into the records, delete ${file}, and run this again.\n`
            : `${file} is ${state === "missing" ? "missing" : "out of date"}: run \`npx handover checklist ${slug} --write\` and commit it\n`,
        );
      }
    }
    return failed ? 1 : 0;
  },
};
