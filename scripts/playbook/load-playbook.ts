import { loadConfigFile } from "../load/config-file.ts";
import type { Problem } from "../lib/problems.ts";
import type { Playbook } from "../model/playbook.generated.ts";
import { problemAt } from "../lib/problem-at.ts";
import { PLAYBOOK_SCHEMA } from "../schema/registry.ts";
import { checkPlaybook } from "./check-playbook.ts";

export const PLAYBOOK_FILE = "playbook.yml";
export const RULE = "playbook";

export interface PlaybookResult {
  /** Undefined when the playbook has errors: no checklist is derived from a broken playbook. */
  playbook: Playbook | undefined;
  /** The file used: the data root's own `playbook.yml`, or the toolkit's default. */
  file: string;
  problems: Problem[];
}

/** The MSP's `playbook.yml` in the data root overrides the toolkit's default playbook. */
export function loadPlaybook(root: string): PlaybookResult {
  const config = loadConfigFile<Playbook>(root, PLAYBOOK_FILE, PLAYBOOK_SCHEMA, RULE);
  if (!config.data) return { playbook: undefined, file: config.file, problems: config.problems };
  const problems = checkPlaybook(config.data).map(({ path, message }) => problemAt(config.file, config.at(path), RULE, message));
  return problems.length > 0 ? { playbook: undefined, file: config.file, problems } : { playbook: config.data, file: config.file, problems: [] };
}
