import { hasErrors } from "../../lib/problems.ts";
import { buildPacks } from "../../site/build-packs.ts";
import type { Io } from "../io.ts";
import { BUILD_FORMATS, formatProblems, parseFormat } from "../output.ts";
import { stringOption, type Command } from "./command.ts";
import { COMMON_OPTIONS, nothingInScope, outOf, rootOf, scopeOf, SCOPE_OPTIONS } from "./common.ts";
import { parseToday } from "../today.ts";

export const build: Command = {
  name: "build",
  usage: "handover build [slug...] [--out <dir>] [--changed [--base <ref>]] [--shard i/n] [--date YYYY-MM-DD] [--root <dir>] [--format text|json|github]",
  options: { ...COMMON_OPTIONS, ...SCOPE_OPTIONS, out: { type: "string" }, date: { type: "string" }, format: { type: "string" } },
  async run(args, io: Io) {
    const format = parseFormat(stringOption(args, "format"), BUILD_FORMATS);
    const date = stringOption(args, "date");
    const root = rootOf(args, io);
    const scope = await scopeOf(args, root, io);
    if (scope?.length === 0) return nothingInScope(io);
    const out = outOf(args, root, io);
    const { manifests, reused, removed, left, problems, clients, records } = await buildPacks(root, scope ?? [], date === undefined ? undefined : parseToday(date, undefined, "--date"), out);
    if (hasErrors(problems)) {
      io.stdout(formatProblems(format, problems, { clients, records }));
      return 1;
    }
    const kept = new Set(reused);
    for (const manifest of manifests) {
      const state = manifest.complete ? "complete" : "in progress";
      // A pack made from the same inputs as the one already there is that very pack: it stays.
      const verb = kept.has(manifest.client) ? "reused" : "built";
      io.stdout(`${verb} ${manifest.client} (${state}${kept.has(manifest.client) ? ", unchanged" : ""}): ${manifest.files.length} files, ${manifest.client}.zip\n`);
    }
    for (const slug of removed) io.stdout(`removed ${slug}: its client folder is gone\n`);
    for (const slug of left) io.stdout(`left ${slug} as it is: its client folder is gone, but it holds files this tool did not write\n`);
    if (manifests.length > 0) io.stdout(`the packs are in ${out}\n`);
    // Warnings do not stop a build, but what they point at (a `TODO:`, a link to no page) is in the packs.
    if (problems.length > 0 && format !== "json") io.stdout(`\n${formatProblems(format, problems, { clients, records })}`);
    return 0;
  },
};
