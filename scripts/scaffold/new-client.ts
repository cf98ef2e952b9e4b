import { lstatSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { UsageError } from "../lib/usage-error.ts";
import { CLIENTS_DIR } from "../load/load-client.ts";
import { clientsFolder } from "../load/load-repository.ts";
import { printable } from "../lib/printable.ts";
import { notAName } from "../model/kinds.ts";

const TEMPLATE_DIR = fileURLToPath(new URL("./template/", import.meta.url));

export interface NewClient {
  slug: string;
  name: string;
  /** Today's date, YYYY-MM-DD: the first `lastVerified` of the scaffolded documentation. */
  today: string;
}

/**
 * Creates `clients/<slug>/` from the template. It is built in a hidden folder and renamed into
 * place, so a failure never leaves half a client, and an existing folder is never touched.
 */
export function scaffoldClient(root: string, { slug, name, today }: NewClient): string[] {
  assertSlug(slug);
  assertDisplayName(name);
  const clientsDir = clientsDirFor(root);
  const target = join(clientsDir, slug);
  // lstat, not existsSync: a dangling symlink or a stray file counts as taken too.
  if (lstatSync(target, { throwIfNoEntry: false })) throw alreadyExists(slug);
  const values: Record<string, string> = { SLUG: slug, NAME: name, NAME_YAML: JSON.stringify(name), TODAY: today };
  const staging = join(clientsDir, `.${slug}.new-${process.pid}`);
  const written: string[] = [];
  try {
    for (const file of templateFiles()) {
      const text = readFileSync(join(TEMPLATE_DIR, file), "utf8").replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? "");
      mkdirSync(join(staging, file, ".."), { recursive: true });
      writeFileSync(join(staging, file), text, { flag: "wx" });
      written.push(`${CLIENTS_DIR}/${slug}/${file}`);
    }
    // Something may have appeared there since the check; rename would then fail, or replace an empty folder.
    if (lstatSync(target, { throwIfNoEntry: false })) throw alreadyExists(slug);
    renameSync(staging, target);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return written;
}

/** A client's slug is safe in a path, a URL and a git ref: lowercase letters, digits and hyphens. */
export function assertSlug(slug: string): void {
  const why = notAName(slug);
  if (why) throw new UsageError(`the slug \`${printable(slug.length > 80 ? `${slug.slice(0, 80)}…` : slug)}\` ${why}, for example \`harbor-finch\``);
}

/** A client's display name is one line of text. */
export function assertDisplayName(name: string): void {
  if (name.trim() === "") throw new UsageError('--name is empty: give the client\'s display name, for example --name "Harbor & Finch LLP"');
  if (/[\u0000-\u001f\u007f]/.test(name)) throw new UsageError("--name must be the client's display name on one line");
}

/**
 * The `clients/` folder a new client goes into, checked before the first write: a symlinked
 * `clients/` would put the records outside the repository, and validation refusing it afterwards
 * would come too late. A missing `clients/` is the caller's to make.
 */
export function clientsDirFor(root: string): string {
  return lstatSync(join(root, CLIENTS_DIR), { throwIfNoEntry: false }) ? clientsFolder(resolve(root)) : join(root, CLIENTS_DIR);
}

function alreadyExists(slug: string): UsageError {
  return new UsageError(`${CLIENTS_DIR}/${slug} already exists; nothing was changed (pick another slug or edit the records there)`);
}

function templateFiles(): string[] {
  return (readdirSync(TEMPLATE_DIR, { recursive: true, withFileTypes: true }) as import("node:fs").Dirent[])
    .filter((dirent) => dirent.isFile())
    .map((dirent) => join(dirent.parentPath, dirent.name).slice(TEMPLATE_DIR.length))
    .sort();
}
