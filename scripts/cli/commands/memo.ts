import { hasErrors } from "../../lib/problems.ts";
import { renderMemo } from "../../render/memo.ts";
import { formatText } from "../../report/text.ts";
import { validateRepository } from "../../validate-repository.ts";
import type { Io } from "../io.ts";
import type { Command } from "./command.ts";
import { COMMON_OPTIONS, oneSlug, rootOf } from "./common.ts";

export const memo: Command = {
  name: "memo",
  usage: "handover memo <slug> [--root <dir>]",
  options: { ...COMMON_OPTIONS },
  async run(args, io: Io) {
    const slug = oneSlug(args, "handover memo harbor-finch");
    const result = await validateRepository(rootOf(args, io), [slug]);
    const client = result.clients[0];
    const problems = result.problems.filter((problem) => problem.client === slug);
    if (!client?.model.case || hasErrors(problems)) {
      io.stderr(`${formatText(problems, { clients: 1, records: result.records })}The memo is written from valid records only: fix the errors above first.\n`);
      return 1;
    }
    io.stdout(renderMemo(client.model));
    // A `TODO:` from `handover new`, say, is in the memo as written: the tech reads that before sending it.
    if (problems.length > 0) io.stderr(`${formatText(problems, { clients: 1, records: result.records })}The memo above was written; read these warnings before sending it.\n`);
    return 0;
  },
};
