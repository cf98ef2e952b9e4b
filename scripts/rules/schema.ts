import type { Problem } from "../lib/problems.ts";
import { RECORD_KINDS, type RecordKind } from "../model/kinds.ts";
import type { ClientModel, LoadedClient, ValidRecord } from "../model/types.ts";
import { explainSchemaErrors } from "../schema/explain.ts";
import { validatorFor } from "../schema/registry.ts";
import { problemAtField } from "../lib/problem-at.ts";

export const RULE = "schema";

/**
 * Checks every record's frontmatter against its kind's schema and returns the model of the
 * records that passed: later rules, the checklist and the site read only valid, typed data.
 */
export function checkSchemas(loaded: LoadedClient): { model: ClientModel; problems: Problem[] } {
  const model: ClientModel = {
    slug: loaded.slug,
    dir: loaded.dir,
    case: undefined,
    contracts: [],
    assets: [],
    issues: [],
    backups: [],
    access: [],
    docs: [],
    acceptance: undefined,
  };
  const problems: Problem[] = [];
  for (const record of loaded.records) {
    if (!record.frontmatter) continue;
    const validate = validatorFor(record.kind);
    if (validate(record.frontmatter.data)) {
      addToModel(model, Object.assign(record, { data: record.frontmatter.data }) as ValidRecord);
    } else {
      for (const { message, at, part } of explainSchemaErrors(RECORD_KINDS[record.kind].schema, validate.errors ?? [])) {
        problems.push(problemAtField(record, at, RULE, message, "error", part));
      }
    }
  }
  return { model, problems };
}

function addToModel(model: ClientModel, record: ValidRecord): void {
  const kind: RecordKind = record.kind;
  if (kind === "client") model.case = record as ValidRecord<"client">;
  else if (kind === "contract") model.contracts.push(record as ValidRecord<"contract">);
  else if (kind === "asset") model.assets.push(record as ValidRecord<"asset">);
  else if (kind === "issue") model.issues.push(record as ValidRecord<"issue">);
  else if (kind === "backup") model.backups.push(record as ValidRecord<"backup">);
  else if (kind === "access") model.access.push(record as ValidRecord<"access">);
  else if (kind === "acceptance") model.acceptance = record as ValidRecord<"acceptance">;
  else model.docs.push(record as ValidRecord<"doc">);
}

