import { existsSync, lstatSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { locate, parseYamlData, type Frontmatter } from "../load/frontmatter.ts";
import { readSourceFile, type SourceText } from "../load/source.ts";
import type { Problem } from "../lib/problems.ts";
import type { Playbook } from "../model/playbook.generated.ts";
import { problemAt } from "../rules/report.ts";
import { explainSchemaErrors } from "../schema/explain.ts";
import { PLAYBOOK_SCHEMA, validatorFor } from "../schema/registry.ts";
import { checkPlaybook } from "./check-playbook.ts";

export const PLAYBOOK_FILE = "playbook.yml";
export const RULE = "playbook";

const TOOLKIT_PLAYBOOK = fileURLToPath(new URL(`../../${PLAYBOOK_FILE}`, import.meta.url));

export interface PlaybookResult {
  /** Undefined when the playbook has errors: no checklist is derived from a broken playbook. */
  playbook: Playbook | undefined;
  /** The file used: the data root's own `playbook.yml`, or the toolkit's default. */
  file: string;
  problems: Problem[];
}

/** The MSP's `playbook.yml` in the data root overrides the toolkit's default playbook. */
export function loadPlaybook(root: string): PlaybookResult {
  const own = join(root, PLAYBOOK_FILE);
  const absolute = existsSync(own) ? own : TOOLKIT_PLAYBOOK;
  const inside = relative(root, absolute);
  const file = inside.startsWith("..") ? absolute : inside.split(sep).join("/");
  const fail = (problems: Problem[]): PlaybookResult => ({ playbook: undefined, file, problems });

  if (lstatSync(absolute).isSymbolicLink()) {
    return fail([problemAt(file, { line: 1, column: 1 }, RULE, "the playbook is a symbolic link; replace it with the file itself")]);
  }
  const read = readSourceFile(absolute, file);
  if (!read.ok) return fail([problemAt(file, read.point, RULE, read.message)]);
  const { source } = read;
  const parsed = parseYamlData(source.text, 0);
  if (!parsed.frontmatter) {
    return fail(parsed.issues.map((issue) => problemAt(file, source.toPoint(issue.offset), RULE, issue.message)));
  }
  const yaml = parsed.frontmatter;
  const at = (path: readonly (string | number)[], message: string, part: "key" | "value" = "value") =>
    problemAt(file, source.toPoint(locate(yaml, path, part)), RULE, message);

  const validate = validatorFor(PLAYBOOK_SCHEMA);
  if (!validate(yaml.data)) {
    return fail(explainSchemaErrors(PLAYBOOK_SCHEMA, validate.errors ?? []).map(({ message, at: path, part }) => at(path, message, part)));
  }
  const playbook = yaml.data as unknown as Playbook;
  const problems = checkPlaybook(playbook).map(({ path, message }) => at(path, message));
  return problems.length > 0 ? fail(problems) : { playbook, file, problems: [] };
}

export type { Frontmatter, SourceText };
