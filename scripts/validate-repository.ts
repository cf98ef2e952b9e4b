import { loadClient } from "./load/load-client.ts";
import { listClients, selectClients } from "./load/load-repository.ts";
import { compareProblems, type Problem } from "./lib/problems.ts";
import type { LoadedClient } from "./model/types.ts";
import type { Playbook } from "./model/playbook.generated.ts";
import { runPerClient } from "./parallel/client-pool.ts";
import { job as validateJob } from "./parallel/validate-job.ts";
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

export interface RepositoryScope {
  /** The data root, resolved. */
  root: string;
  /** The requested clients, or all of them, sorted. */
  slugs: string[];
  playbook: Playbook | undefined;
  /** The playbook's problems, and what in `clients/` is not a client folder (when all clients are checked). */
  problems: Problem[];
}

/** The clients to read and the playbook they are read against; an unknown slug is a usage error. */
export function repositoryScope(root: string, requested: readonly string[] = []): RepositoryScope {
  const list = listClients(root);
  const slugs = selectClients(list, requested);
  const { playbook, problems } = loadPlaybook(list.root);
  return { root: list.root, slugs, playbook, problems: [...problems, ...(requested.length === 0 ? list.problems : [])] };
}

/**
 * Load and validate the playbook and the requested clients (all when none are named), keeping
 * every client's model: for the commands that render from it (checklist, memo, status, history, new).
 */
export async function validateRepository(root: string, requested: readonly string[] = []): Promise<RepositoryResult> {
  const scope = repositoryScope(root, requested);
  const result: RepositoryResult = { root: scope.root, clients: [], playbook: scope.playbook, problems: scope.problems, records: 0 };
  for (const slug of scope.slugs) {
    const loaded = loadClient(scope.root, slug);
    const validated = await validateClient(loaded);
    result.clients.push({ ...validated, loaded });
    result.problems.push(...validated.problems);
    result.records += loaded.records.length;
  }
  result.problems.sort(compareProblems);
  return result;
}

/** What a command reports over the clients it read: every problem, sorted, and how much was read. */
export interface Checked {
  problems: Problem[];
  clients: number;
  records: number;
}

/** Per-client results gathered: the repository's own problems (playbook, folders, branding) with the clients', sorted. */
export function gatherResults(own: readonly Problem[], results: readonly { problems: Problem[]; records: number }[]): Checked {
  return {
    problems: [...own, ...results.flatMap((result) => result.problems)].sort(compareProblems),
    clients: results.length,
    records: results.reduce((sum, result) => sum + result.records, 0),
  };
}

export interface ProblemsResult extends Checked {
  root: string;
}

/**
 * The same problems as validateRepository, without the models: for `handover validate`, which
 * needs nothing else. Large repositories are validated on every CPU (worker threads).
 */
export async function validateRepositoryProblems(root: string, requested: readonly string[] = [], workers?: number): Promise<ProblemsResult> {
  const scope = repositoryScope(root, requested);
  const results = await runPerClient(validateJob, { root: scope.root }, scope.slugs, { workers });
  return { root: scope.root, ...gatherResults(scope.problems, results) };
}
