import { basename, resolve } from "node:path";
import type { Problem } from "../../lib/problems.ts";
import { compareProblems, hasErrors } from "../../lib/problems.ts";
import { didYouMean } from "../../lib/suggest.ts";
import { UsageError } from "../../lib/usage-error.ts";
import { isEmptyExport, type SourceSystem } from "../../import/export-data.ts";
import { shown } from "../../import/firewall.ts";
import { importClient } from "../../import/import-client.ts";
import { formatImportJson, formatImportText, importReport } from "../../import/report.ts";
import { exportProblem } from "../../import/sources/export-problem.ts";
import { handoverRecords } from "../../pack/client-view.ts";
import { exportSources } from "../../import/sources/index.ts";
import { toDecidePaths } from "../../model/to-decide.ts";
import type { ClientModel } from "../../model/types.ts";
import { syncChecklistFile } from "../../render/checklist-file.ts";
import { formatText } from "../../report/text.ts";
import { validateRepository } from "../../validate-repository.ts";
import type { Io } from "../io.ts";
import { parseFormat } from "../output.ts";
import { stringOption, type Command } from "./command.ts";
import { COMMON_OPTIONS, rootOf } from "./common.ts";

const SOURCES = Object.keys(exportSources) as SourceSystem[];

export const importCommand: Command = {
  name: "import",
  usage: 'handover import <itflow|itglue|hudu> <export> --client <slug> [--name "Display Name"] [--organization <name>] [--dry-run] [--root <dir>] [--format text|json]',
  options: { ...COMMON_OPTIONS, client: { type: "string" }, name: { type: "string" }, organization: { type: "string" }, "dry-run": { type: "boolean" }, format: { type: "string" } },
  async run(args, io: Io) {
    const [source, exportPath, ...extra] = args.positionals;
    if (source === undefined || exportPath === undefined || extra.length > 0) {
      throw new UsageError("give the platform and the export, for example `handover import itglue export.zip --client harbor-finch`");
    }
    if (!(SOURCES as string[]).includes(source)) {
      const suggestion = didYouMean(source, SOURCES);
      throw new UsageError(`unknown source \`${source}\`; it is one of ${SOURCES.map((name) => `\`${name}\``).join(", ")}${suggestion ? ` — did you mean \`${suggestion}\`?` : ""}`);
    }
    const slug = stringOption(args, "client");
    if (slug === undefined) throw new UsageError("--client <slug> is required: the client folder to create or update, for example `--client harbor-finch`");
    const format = parseFormat(stringOption(args, "format"), ["text", "json"]);
    const dryRun = args.values["dry-run"] === true;
    const root = rootOf(args, io);
    const system = source as SourceSystem;

    const data = await exportSources[system].read(resolve(io.cwd, exportPath), { organization: stringOption(args, "organization") });
    // The export's problems are placed in its files as the path was given: the export itself is
    // filed under its own name, the files in it by their path inside it.
    const given = exportPath.replace(/\/+$/, "");
    data.problems = data.problems.map((problem) => (problem.client === undefined ? { ...problem, file: problem.file === basename(given) ? given : `${given}/${problem.file}` } : problem));
    if (isEmptyExport(data) && !hasErrors(data.problems)) {
      data.problems.push(
        exportProblem(
          given,
          { line: 1, column: 1 },
          `nothing here was recognised as ${system} data: no client, contact, location, asset, credential, ticket, document or network. Check the platform (${SOURCES.join(", ")}) and the path; a ZIP inside the export is unpacked first. Nothing was imported`,
        ),
      );
    }
    const outcome = importClient(data, { root, slug, name: stringOption(args, "name"), dryRun });

    let problems: Problem[] = outcome.problems;
    let toDecide: number | undefined;
    let records = outcome.plan?.files.length ?? 0;
    if (outcome.plan && !dryRun) {
      const validated = await validateRepository(root, [slug]);
      const client = validated.clients[0];
      problems = [...problems, ...validated.problems];
      records = validated.records;
      if (client) {
        toDecide = countToDecide(client.model);
        // CHECKLIST.md too, as `handover new` writes it, so `checklist --check` passes from the first commit.
        if (validated.playbook && !hasErrors(validated.problems)) syncChecklistFile(validated.root, client.model, validated.playbook, true);
      }
    }
    // A file, column or organization name can hold what a problem repeats: shown screened.
    problems = problems.map((problem) => ({ ...problem, file: shown(problem.file), message: shown(problem.message) })).sort(compareProblems);
    const report = importReport(outcome, system, dryRun, toDecide, problems);
    const refused = outcome.plan === undefined;
    const code = refused ? 2 : hasErrors(problems) ? 1 : 0;
    if (format === "json") {
      io.stdout(formatImportJson(report, code === 0));
      return code;
    }
    if (refused) {
      io.stderr(`${formatText(problems, { clients: 1, records: 0 })}nothing was imported: fix the problems above, then import again.\n`);
      return code;
    }
    io.stdout(formatImportText(report));
    if (problems.length > 0) io.stdout(`\n${formatText(problems, { clients: 1, records })}`);
    return code;
  },
};

function countToDecide(model: ClientModel): number {
  return handoverRecords(model).reduce((sum, record) => sum + toDecidePaths(record.data).length, 0);
}
