import { compareProblems, type Problem } from "../lib/problems.ts";
import type { ClientModel, LoadedClient } from "../model/types.ts";
import { checkBackupRestoreSection } from "./backup-restore-section.ts";
import { checkContractDates } from "./contract-dates.ts";
import { checkDocLinks } from "./doc-links.ts";
import { checkNoticePeriod } from "./notice-period.ts";
import { checkReferences } from "./references.ts";
import { checkRiskAcknowledgement } from "./risk-acknowledgement.ts";
import { checkInternalHeadings } from "./internal-heading.ts";
import { checkScaffoldTodos } from "./scaffold-todo.ts";
import { checkSchemas } from "./schema.ts";
import { redactSecrets } from "./redact-secrets.ts";
import { checkSecrets } from "./secrets.ts";
import { checkStructure } from "./structure.ts";

/** Rules over the typed model: they see only records that passed their schema. */
const MODEL_RULES: ((model: ClientModel, loaded: LoadedClient) => Problem[])[] = [
  checkReferences,
  checkNoticePeriod,
  checkContractDates,
  checkBackupRestoreSection,
  checkRiskAcknowledgement,
  checkDocLinks,
];

export interface ValidatedClient {
  model: ClientModel;
  problems: Problem[];
}

/** Every validation rule over one loaded client, problems sorted by file and position. */
export async function validateClient(loaded: LoadedClient): Promise<ValidatedClient> {
  const { model, problems: schemaProblems } = checkSchemas(loaded);
  const secrets = checkSecrets(loaded);
  const problems = [
    ...checkStructure(loaded),
    ...checkScaffoldTodos(loaded),
    ...checkInternalHeadings(loaded),
    ...schemaProblems,
    ...MODEL_RULES.flatMap((rule) => rule(model, loaded)),
    ...secrets.map((found) => found.problem),
    // Last: reading a body for the rules above may add the loader's problem with it.
    ...loaded.problems,
  ];
  return { model, problems: redactSecrets(problems, secrets.map((found) => found.secret)).sort(compareProblems) };
}
