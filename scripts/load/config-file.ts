import { lstatSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Point, Problem } from "../lib/problems.ts";
import { problemAt } from "../lib/problem-at.ts";
import { explainSchemaErrors } from "../schema/explain.ts";
import { validatorFor } from "../schema/registry.ts";
import { locate, parseYamlData } from "./frontmatter.ts";
import { readSourceFile } from "./source.ts";

export interface ConfigFile<T> {
  /** Undefined when the file has errors; they are in `problems`. */
  data: T | undefined;
  /** The file used, relative to the data root when it is the MSP's own. */
  file: string;
  /** The folder holding the file, for paths the file names (a logo). */
  dir: string;
  problems: Problem[];
  /** Position of a value in the file, for checks beyond the schema. */
  at(path: readonly (string | number)[], part?: "key" | "value"): Point;
}

/**
 * A YAML configuration file of the toolkit (the playbook, the branding): the MSP's own copy in the
 * data root overrides the toolkit's default. It is read with the records' YAML hardening and
 * checked against its schema.
 */
export function loadConfigFile<T>(root: string, name: string, schemaFile: string, rule: string): ConfigFile<T> {
  const own = join(root, name);
  // lstat, not exists: a dangling symlink is the MSP's file, broken, not a reason to fall back silently.
  const ownEntry = lstatSync(own, { throwIfNoEntry: false });
  const absolute = ownEntry ? own : fileURLToPath(new URL(`../../${name}`, import.meta.url));
  const inside = relative(root, absolute);
  const file = inside.startsWith("..") ? absolute : inside.split(sep).join("/");
  const dir = join(absolute, "..");
  const fail = (problems: Problem[]): ConfigFile<T> => ({ data: undefined, file, dir, problems, at: () => ({ line: 1, column: 1 }) });

  const entry = lstatSync(absolute);
  if (entry.isSymbolicLink()) {
    return fail([problemAt(file, { line: 1, column: 1 }, rule, `\`${name}\` is a symbolic link; replace it with the file itself`)]);
  }
  if (!entry.isFile()) return fail([problemAt(file, { line: 1, column: 1 }, rule, `\`${name}\` must be a plain file`)]);
  const read = readSourceFile(absolute, file);
  if (!read.ok) return fail([problemAt(file, read.point, rule, read.message)]);
  const { source } = read;
  const parsed = parseYamlData(source.text, 0);
  const yaml = parsed.frontmatter;
  if (!yaml) return fail(parsed.issues.map((issue) => problemAt(file, source.toPoint(issue.offset), rule, issue.message)));
  const at = (path: readonly (string | number)[], part: "key" | "value" = "value") => source.toPoint(locate(yaml, path, part));
  const validate = validatorFor(schemaFile);
  if (!validate(yaml.data)) {
    const problems = explainSchemaErrors(schemaFile, validate.errors ?? []).map(({ message, at: path, part }) => problemAt(file, at(path, part), rule, message));
    return { ...fail(problems), at };
  }
  return { data: yaml.data as T, file, dir, problems: [], at };
}
