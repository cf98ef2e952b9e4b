import { fork } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { constants } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroInlineConfig } from "astro";
import { YOUNG_GENERATION_FLAGS } from "../lib/young-generation.ts";
import type { PackFile } from "../pack/write-pack.ts";
import type { StageTimes } from "./build-profile.ts";
import type { BuildMessage, SiteMessage } from "./pack-store.ts";
import type { packsPlugin } from "./packs-plugin.ts";

export const SITE_ROOT = fileURLToPath(new URL("../../site/", import.meta.url));
const TOOLKIT_ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** Inside the toolkit, so Astro's server-side build chunks resolve their packages from node_modules. */
export const WORK_ROOT = join(TOOLKIT_ROOT, "node_modules", ".cache", "handover");
const BUILD_PROCESS = fileURLToPath(new URL("./astro-build-process.ts", import.meta.url));

export function astroConfig(plugin: ReturnType<typeof packsPlugin>, outDir: string): AstroInlineConfig {
  return {
    root: SITE_ROOT,
    configFile: false,
    outDir,
    cacheDir: join(outDir, "..", "astro-cache"),
    logLevel: "warn",
    telemetry: false,
    devToolbar: { enabled: false },
    // Every page sits in the client's folder as `<page>.html` with its CSS inlined, so the pack
    // has no absolute URL and works from a zip on disk or under any URL path.
    build: { format: "file", inlineStylesheets: "always" },
    vite: { plugins: [plugin], logLevel: "warn" },
  } as AstroInlineConfig;
}

/** The signals that end a build early, by a person or a job runner. */
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/** A running build of every pack's pages; see startSiteBuild. */
export interface SiteBuild {
  /** Hands the build the outlines, then each pack as it is made, then `end`. */
  send(message: SiteMessage): void;
  /** Once every page is rendered and handed over: what the build's stages cost. */
  finished: Promise<StageTimes>;
  /** Stops the build if it still runs and removes its files; call it once the output is used. */
  close(): Promise<void>;
}

export interface SiteBuildHooks {
  /** A client's pages, as soon as the last of them is rendered. A throw stops the build with that error. */
  pages(slug: string, files: PackFile[]): void;
  /** Called when a signal ends the build early, before the process exits: to remove what it wrote. */
  interrupted(): void;
}

/**
 * Starts the one Astro build for every pack, before any pack is made: Astro bundles the site while
 * the packs are made, then renders each client's pages as soon as its pack arrives, and hands them
 * back (`hooks.pages`). Astro puts build files under its working directory unless the output folder
 * lies inside it, so the build runs in a process of its own, in the toolkit's folder, with a fresh
 * folder there for its own files: it never writes into the user's folder, and two builds never share files.
 */
export function startSiteBuild(hooks: Partial<SiteBuildHooks> = {}): SiteBuild {
  mkdirSync(WORK_ROOT, { recursive: true });
  removeAbandonedBuilds();
  const work = mkdtempSync(join(WORK_ROOT, "build-"));
  const child = fork(BUILD_PROCESS, [join(work, "dist")], {
    cwd: TOOLKIT_ROOT,
    execArgv: [...process.execArgv, ...YOUNG_GENERATION_FLAGS],
    stdio: ["ignore", "ignore", "pipe", "ipc"],
    serialization: "advanced",
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr = `${stderr}${String(chunk)}`.slice(-8192)));
  let times: StageTimes = {};
  let refused: { error: unknown } | undefined;
  child.on("message", (message: BuildMessage) => {
    if (message.type === "profile") times = message.times;
    else if (!refused) {
      try {
        hooks.pages?.(message.slug, message.files);
      } catch (error) {
        refused = { error };
        child.kill();
      }
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once("exit", (code, signal) => resolve({ code, signal }));
    // Only a process that never started ends here; a failed send is handled where it is made.
    child.on("error", () => child.pid === undefined && resolve({ code: null, signal: null }));
  });
  const failure = ({ code, signal }: { code: number | null; signal: NodeJS.Signals | null }) => {
    const detail = stderr.trim().split("\n").slice(-3).join(" ");
    return new Error(`the Astro build failed: ${detail || (signal ? `stopped by ${signal}` : `exit code ${code}`)}`);
  };
  const finished = exited.then((end) => {
    if (refused) throw refused.error;
    if (end.code === 0) return times;
    throw failure(end);
  });
  // A build stopped on purpose is not a failure anyone waits for.
  finished.catch(() => {});

  // Interrupted (Ctrl-C, a job runner's SIGTERM): the work folder holds client records' content.
  const interrupted = (signal: NodeJS.Signals) => {
    child.kill();
    rmSync(work, { recursive: true, force: true });
    hooks.interrupted?.();
    process.exit(128 + constants.signals[signal]);
  };
  for (const signal of SIGNALS) process.once(signal, interrupted);

  return {
    send(message) {
      // A build that stopped early fails the packs' run at once, with the build's own error.
      if (refused) throw refused.error;
      if (!child.connected) throw failure({ code: child.exitCode, signal: child.signalCode });
      child.send(message, () => {});
    },
    finished,
    async close() {
      for (const signal of SIGNALS) process.off(signal, interrupted);
      if (child.exitCode === null && child.signalCode === null) child.kill();
      await exited;
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/** A day-old work folder belongs to a build that was killed outright (no handler runs on SIGKILL). */
function removeAbandonedBuilds(): void {
  const dayAgo = Date.now() - 24 * 60 * 60 * 1000;
  for (const name of readdirSync(WORK_ROOT)) {
    const path = join(WORK_ROOT, name);
    if (name.startsWith("build-") && statSync(path).mtimeMs < dayAgo) rmSync(path, { recursive: true, force: true });
  }
}
