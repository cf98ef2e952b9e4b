import { createServer } from "node:net";
import { join } from "node:path";
import { hasErrors } from "../../lib/problems.ts";
import { UsageError } from "../../lib/usage-error.ts";
import type { ClientPack } from "../../pack/pack-data.ts";
import { BRANDING_FILE } from "../../pack/load-branding.ts";
import { PLAYBOOK_FILE } from "../../playbook/load-playbook.ts";
import { failureError, problemsError } from "../../report/preview-error.ts";
import { formatText } from "../../report/text.ts";
import { devSite } from "../../site/dev-site.ts";
import { packsInMemory } from "../../site/build-packs.ts";
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
    await assertPortFree(port);
    // The preview's date is the day's: a preview is never a delivered pack.
    const inputs = () => packsInMemory(root, [slug], new Date().toISOString().slice(0, 10));
    const first = await inputs();
    if (first.problems.length > 0) io.stderr(formatText(first.problems, first));
    if (hasErrors(first.problems)) return 1;
    // After a save, the error page shows what is wrong instead of the pack, until the next save.
    const load = async (): Promise<ClientPack[]> => {
      let next: Awaited<ReturnType<typeof inputs>>;
      try {
        next = await inputs();
      } catch (error) {
        throw failureError(error);
      }
      // Astro prints a thrown error in the terminal too.
      if (hasErrors(next.problems)) throw problemsError(next.problems, next);
      if (next.problems.length > 0) io.stderr(formatText(next.problems, next));
      return next.packs;
    };
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

/**
 * Checked before Astro starts: when its server cannot listen, Astro leaves its file watchers
 * running, and the command would hang after printing the error.
 */
async function assertPortFree(port: number): Promise<void> {
  const server = createServer();
  const error = await new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
    server.once("error", resolve);
    server.listen(port, "127.0.0.1", () => resolve(undefined));
  });
  if (!error) return new Promise((resolve) => server.close(() => resolve()));
  if (error.code === "EADDRINUSE") throw new UsageError(`port ${port} is in use (another preview?); stop it, or pass --port with another number`);
  throw new UsageError(`cannot listen on port ${port} (${error.code ?? error.message}); pass --port with another number`);
}
