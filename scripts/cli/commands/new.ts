import { hasErrors } from "../../lib/problems.ts";
import { UsageError } from "../../lib/usage-error.ts";
import { syncChecklistFile } from "../../render/checklist-file.ts";
import { formatText } from "../../report/text.ts";
import { scaffoldClient } from "../../scaffold/new-client.ts";
import { validateRepository } from "../../validate-repository.ts";
import type { Io } from "../io.ts";
import { stringOption, type Command } from "./command.ts";
import { COMMON_OPTIONS, oneSlug, rootOf, todayOf } from "./common.ts";

export const newClient: Command = {
  name: "new",
  usage: 'handover new <slug> --name "Display Name" [--root <dir>] [--today YYYY-MM-DD]',
  options: { ...COMMON_OPTIONS, name: { type: "string" } },
  async run(args, io: Io) {
    const slug = oneSlug(args, 'handover new harbor-finch --name "Harbor & Finch LLP"');
    const name = stringOption(args, "name");
    if (!name) throw new UsageError('--name "Display Name" is required');
    const root = rootOf(args, io);
    const written = scaffoldClient(root, { slug, name, today: todayOf(args) });
    // The new client's CHECKLIST.md too, so `checklist --check` in CI passes from the first commit.
    const result = await validateRepository(root, [slug]);
    const client = result.clients[0];
    if (!result.playbook || !client || hasErrors(result.problems)) {
      io.stderr(formatText(result.problems, { clients: 1, records: result.records }));
      return 1;
    }
    const { file } = syncChecklistFile(result.root, client.model, result.playbook, true);
    io.stdout(`Created clients/${slug}/ with ${written.length} records and ${file}:\n${written.map((path) => `  ${path}`).join("\n")}\n`);
    io.stdout(`Next: fill in the records (see the comments in each file), run \`npx handover validate ${slug}\`, and \`npx handover checklist ${slug} --write\` before you commit.\n`);
    return 0;
  },
};
