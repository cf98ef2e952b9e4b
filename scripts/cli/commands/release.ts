import { resolve } from "node:path";
import { checkRepository } from "../../check-repository.ts";
import { createReleaseTag, dirtyFiles, manifestHash, releaseTag, tagState } from "../../git/release.ts";
import { hasErrors } from "../../lib/problems.ts";
import { UsageError } from "../../lib/usage-error.ts";
import { loadBranding } from "../../pack/load-branding.ts";
import { formatText } from "../../report/text.ts";
import { buildPacks } from "../../site/build-packs.ts";
import type { Io } from "../io.ts";
import { stringOption, type Command } from "./command.ts";
import { COMMON_OPTIONS, oneSlug, rootOf, todayOf } from "./common.ts";

export const release: Command = {
  name: "release",
  usage: "handover release <slug> --out <dir> [--root <dir>] [--today YYYY-MM-DD]",
  options: { ...COMMON_OPTIONS, out: { type: "string" } },
  async run(args, io: Io) {
    const slug = oneSlug(args, "handover release lakeside-dental --out packs");
    const outOption = stringOption(args, "out");
    if (!outOption) throw new UsageError("--out <dir> is required: the folder the released pack is written to");
    const root = rootOf(args, io);
    const today = todayOf(args);

    const dirty = await dirtyFiles(root);
    if (dirty.length > 0) {
      io.stderr(`nothing was released: commit or discard these changes first, so the tag proves exactly what was delivered:\n${dirty.map((file) => `  ${file}`).join("\n")}\n`);
      return 1;
    }
    const result = await checkRepository(root, [slug], today);
    // Exactly what `handover check` reports, and the branding the pack is built with.
    const checked = [...result.problems, ...loadBranding(result.root).problems];
    const out = resolve(io.cwd, outOption);
    const [manifest] = hasErrors(checked) ? [] : (await buildPacks(root, [slug], undefined, out)).manifests;
    if (!manifest) {
      io.stderr(`${formatText(checked, { clients: 1, records: result.records })}nothing was released: \`handover check ${slug}\` must pass first.\n`);
      return 1;
    }
    const hash = manifestHash(out, slug);
    const tag = releaseTag(slug, today);
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
      `Handover pack for ${manifest.name} (${slug})`,
      "",
      `Manifest SHA-256: ${hash}`,
      `Source commit: ${manifest.sourceCommit ?? "none"}`,
      `Build date: ${manifest.buildDate}`,
      "",
    ].join("\n");
    await createReleaseTag(result.root, tag, message);
    io.stdout(`released ${slug} as ${tag} (manifest SHA-256 ${hash}); the pack is in ${out}/${slug} and ${out}/${slug}.zip\n`);
    io.stdout(`Next: deliver it, then record the client's acceptance in clients/${slug}/acceptance.md with tag: ${tag}\n`);
    return 0;
  },
};
