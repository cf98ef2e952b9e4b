import { resolve } from "node:path";
import { UsageError } from "../../lib/usage-error.ts";
import { scaffoldClient } from "../../scaffold/new-client.ts";
import type { Io } from "../io.ts";
import { parseToday } from "../today.ts";
import { stringOption, type Command } from "./command.ts";
import { COMMON_OPTIONS } from "./common.ts";

export const newClient: Command = {
  name: "new",
  usage: 'handover new <slug> --name "Display Name" [--root <dir>] [--today YYYY-MM-DD]',
  summary: "Scaffold a client folder with every record kind and guidance to fill it in.",
  options: { ...COMMON_OPTIONS, name: { type: "string" } },
  async run(args, io: Io) {
    const { positionals } = args;
    const [slug, ...extra] = positionals;
    if (!slug || extra.length > 0) throw new UsageError("give exactly one slug, for example `handover new harbor-finch --name \"Harbor & Finch LLP\"`");
    const name = stringOption(args, "name");
    if (!name) throw new UsageError('--name "Display Name" is required');
    const root = resolve(io.cwd, stringOption(args, "root") ?? ".");
    const written = scaffoldClient(root, { slug, name, today: parseToday(stringOption(args, "today")) });
    io.stdout(`Created clients/${slug}/ with ${written.length} records:\n${written.map((file) => `  ${file}`).join("\n")}\n`);
    io.stdout(`Next: fill in the records (see the comments in each file), then run \`npx handover validate ${slug}\`.\n`);
    return 0;
  },
};
