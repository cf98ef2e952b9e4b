import { join } from "node:path";
import { hasErrors } from "../../lib/problems.ts";
import { UsageError } from "../../lib/usage-error.ts";
import { BRANDING_FILE } from "../../pack/load-branding.ts";
import { PLAYBOOK_FILE } from "../../playbook/load-playbook.ts";
import { formatText } from "../../report/text.ts";
import { devSite } from "../../site/astro-site.ts";
import { packInputs } from "../../site/build-packs.ts";
import type { Io } from "../io.ts";
import { stringOption, type Command } from "./command.ts";
import { COMMON_OPTIONS, oneSlug, rootOf } from "./common.ts";

export const dev: Command = {
  name: "dev",
  usage: "handover dev <slug> [--port 4321] [--root <dir>]",
  options: { ...COMMON_OPTIONS, port: { type: "string" } },
  async run(args, io: Io) {
    const slug = oneSlug(args, "handover dev harbor-finch");
    const port = Number(stringOption(args, "port") ?? "4321");
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError("--port must be a number from 1 to 65535");
    const root = rootOf(args, io);
    // The preview's date is the day's: a preview is never a delivered pack.
    const load = async () => {
      const { packs, problems } = await packInputs(root, [slug], new Date().toISOString().slice(0, 10));
      if (problems.length > 0) io.stderr(formatText(problems, { clients: 1, records: 0 }));
      if (hasErrors(problems)) throw new Error("fix the problems above; the preview reloads when you save");
      return packs;
    };
    await load();
    const watch = [join(root, "clients", slug), join(root, PLAYBOOK_FILE), join(root, BRANDING_FILE)];
    const server = await devSite(load, watch, port);
    io.stdout(`Previewing ${slug} at http://127.0.0.1:${port}/${slug}/index.html (Ctrl+C to stop)\n`);
    await new Promise<void>((resolve) => {
      process.once("SIGINT", () => void server.stop().then(resolve));
      process.once("SIGTERM", () => void server.stop().then(resolve));
    });
    return 0;
  },
};
