import { checkRepository } from "../../check-repository.ts";
import { RULE as READINESS } from "../../derive/readiness.ts";
import { RULE as TO_DECIDE } from "../../derive/to-decide.ts";
import { createReleaseTag, dirtyFiles, draftTagFor, manifestHash, releaseTag, tagState } from "../../git/release.ts";
import { hasErrors, type Problem } from "../../lib/problems.ts";
import { loadBranding } from "../../pack/load-branding.ts";
import { formatText } from "../../report/text.ts";
import { buildPacks } from "../../site/build-packs.ts";
import type { Io } from "../io.ts";
import type { Command } from "./command.ts";
import { COMMON_OPTIONS, oneSlug, outOf, rootOf, todayOf } from "./common.ts";

/** Why nothing was released, after the problems: what to do about them. A draft helps only when open steps are all that stop it. */
function refusal(slug: string, problems: readonly Problem[], draft: boolean): string {
  if (!draft && problems.filter((problem) => problem.severity === "error").every((problem) => problem.rule === READINESS || problem.rule === TO_DECIDE)) {
    return `nothing was released: a release is the complete handover, so every blocking step and every fact to decide above must be done first. To give the client an interim pack on purpose, run \`handover release ${slug} --draft\`.\n`;
  }
  return `nothing was released: \`handover check ${slug}\` must pass first.\n`;
}

export const release: Command = {
  name: "release",
  usage: "handover release <slug> [--draft] [--out <dir>] [--root <dir>] [--today YYYY-MM-DD]",
  options: { ...COMMON_OPTIONS, out: { type: "string" }, draft: { type: "boolean" } },
  async run(args, io: Io) {
    const slug = oneSlug(args, "handover release lakeside-dental");
    const draft = args.values.draft === true;
    const root = rootOf(args, io);
    const out = outOf(args, root, io);
    const today = todayOf(args);

    const dirty = await dirtyFiles(root, out);
    if (dirty.length > 0) {
      io.stderr(`nothing was released: commit or discard these changes first, so the tag proves exactly what was delivered:\n${dirty.map((file) => `  ${file}`).join("\n")}\n`);
      return 1;
    }
    // What `handover check` reports, but complete whatever the date (a draft need not be), and the
    // branding the pack is built with.
    const result = await checkRepository(root, [slug], today, draft ? "draft" : "release");
    const checked = [...result.problems, ...loadBranding(result.root).problems];
    if (hasErrors(checked)) {
      io.stderr(`${formatText(checked, { clients: 1, records: result.records })}${refusal(slug, checked, draft)}`);
      return 1;
    }
    // The draft's tag is on every page of its pack, so it is chosen before the build.
    const tag = draft ? await draftTagFor(result.root, slug, today) : releaseTag(slug, today);
    const built = await buildPacks(root, [slug], undefined, out, draft ? tag : undefined);
    const [manifest] = built.manifests;
    if (!manifest) {
      io.stderr(`${formatText(built.problems, { clients: 1, records: built.records })}nothing was released: the pack could not be built.\n`);
      return 1;
    }
    const hash = manifestHash(out, slug);
    const existing = await tagState(result.root, tag, hash);
    if (existing.state === "same") {
      io.stdout(`${tag} already marks this commit and this pack (manifest SHA-256 ${hash}); nothing to do\n`);
      return 0;
    }
    if (existing.state === "different") {
      io.stderr(`${tag} already exists for commit ${existing.commit.slice(0, 12)} or another pack; release tags are never moved. Deliver that release, or release again on another day.\n`);
      return 1;
    }
    const message = [
      `${draft ? "Draft handover pack" : "Handover pack"} for ${manifest.name} (${slug})`,
      "",
      `Manifest SHA-256: ${hash}`,
      `Source commit: ${manifest.sourceCommit ?? "none"}`,
      `Build date: ${manifest.buildDate}`,
      "",
    ].join("\n");
    await createReleaseTag(result.root, tag, message);
    io.stdout(`released ${slug} as ${tag} (manifest SHA-256 ${hash}); the pack is in ${out}/${slug} and ${out}/${slug}.zip\n`);
    io.stdout(
      draft
        ? `This is a draft, marked so on every page: the client reviews it, and accepts only the final release (\`handover release ${slug}\`, once every blocking step is done).\n`
        : `Next: deliver it, then record the client's acceptance in clients/${slug}/acceptance.md with tag: ${tag}\n`,
    );
    return 0;
  },
};
