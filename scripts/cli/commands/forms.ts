import { sourceInfo } from "../../git/source-info.ts";
import { hasErrors } from "../../lib/problems.ts";
import { didYouMean } from "../../lib/suggest.ts";
import { UsageError } from "../../lib/usage-error.ts";
import { loadBranding } from "../../pack/load-branding.ts";
import { formDocuments, formsMarkdown } from "../../render/forms.ts";
import { formatText } from "../../report/text.ts";
import { validateRepository } from "../../validate-repository.ts";
import type { Io } from "../io.ts";
import { parseToday } from "../today.ts";
import { stringOption, type Command } from "./command.ts";
import { COMMON_OPTIONS, oneSlug, rootOf } from "./common.ts";

export const forms: Command = {
  name: "forms",
  usage: "handover forms <slug> [--form <page>] [--today YYYY-MM-DD] [--root <dir>]",
  options: { ...COMMON_OPTIONS, form: { type: "string" } },
  async run(args, io: Io) {
    const slug = oneSlug(args, "handover forms harbor-finch");
    const root = rootOf(args, io);
    const result = await validateRepository(root, [slug]);
    const client = result.clients[0];
    const { branding, problems: brandingProblems } = loadBranding(root);
    // Forms read no playbook: only the client's own problems and the branding's stop them.
    const problems = [...brandingProblems, ...result.problems.filter((problem) => problem.client === slug)];
    if (!client?.model.case || !branding || hasErrors(problems)) {
      io.stderr(`${formatText(problems, { clients: 1, records: result.records })}The forms are written from valid records only: fix the errors above first.\n`);
      return 1;
    }
    // The date the facts are read on, as a pack's build date: given, or the commit's, never the clock.
    const today = stringOption(args, "today");
    const date = today === undefined ? (await sourceInfo(root)).date : parseToday(today);
    if (!date) throw new UsageError("the records are not in a git repository with a commit, so there is no date to read them on: pass --today YYYY-MM-DD");
    const documents = formDocuments(client.model, { msp: branding.name, date });
    if (documents.length === 0) {
      io.stderr(`${slug} has nothing to sign: no high or critical risk stays with them, and no backup of ours stops before the successor's verified backup\n`);
      return 0;
    }
    // One form, by its page's name in the pack, to print or send on its own.
    const page = stringOption(args, "form");
    const chosen = page === undefined ? documents : documents.filter(({ form }) => form.page === page);
    if (chosen.length === 0) {
      const pages = documents.map(({ form }) => form.page);
      const hint = didYouMean(page as string, pages);
      throw new UsageError(`${slug} has no form \`${page}\`${hint ? ` — did you mean \`${hint}\`?` : "."} Its forms: ${pages.join(", ")}`);
    }
    io.stdout(formsMarkdown(chosen));
    return 0;
  },
};
