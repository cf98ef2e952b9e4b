import { loadClient } from "./load/load-client.ts";
import { listClients, selectClients } from "./load/load-repository.ts";
import { compareProblems, type Problem } from "./lib/problems.ts";
import type { LoadedClient } from "./model/types.ts";
import type { Playbook } from "./model/playbook.generated.ts";
import { loadPlaybook } from "./playbook/load-playbook.ts";
import { validateClient, type ValidatedClient } from "./rules/index.ts";

export interface RepositoryResult {
  root: string;
  clients: (ValidatedClient & { loaded: LoadedClient })[];
  /** Undefined when the playbook has errors; they are among the problems. */
  playbook: Playbook | undefined;
  problems: Problem[];
  records: number;
}

/**
 * Load and validate the playbook and the requested clients (all when none are named). This is
 * the one entry point every command and the site use to read records.
 */
export async function validateRepository(root: string, requested: readonly string[] = []): Promise<RepositoryResult> {
  const list = listClients(root);
  const slugs = selectClients(list, requested);
  const { playbook, problems: playbookProblems } = loadPlaybook(list.root);
  const result: RepositoryResult = {
    root: list.root,
    clients: [],
    playbook,
    problems: [...playbookProblems, ...(requested.length === 0 ? list.problems : [])],
    records: 0,
  };
  for (const slug of slugs) {
    const loaded = loadClient(list.root, slug);
    const validated = await validateClient(loaded);
    result.clients.push({ ...validated, loaded });
    result.problems.push(...validated.problems);
    result.records += loaded.records.length;
  }
  result.problems.sort(compareProblems);
  return result;
}
