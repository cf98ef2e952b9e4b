import { didYouMean } from "../lib/suggest.ts";
import type { Problem } from "../lib/problems.ts";
import { RECORD_KINDS, type RecordKind } from "../model/kinds.ts";
import type { ClientModel, LoadedClient, ValidRecord } from "../model/types.ts";
import { problemAtField } from "../lib/problem-at.ts";

export const RULE = "references";

interface Reference {
  path: (string | number)[];
  target: RecordKind;
  id: string;
}

/** Every field that names another record, by kind. */
function referencesOf(record: ValidRecord): Reference[] {
  const one = (field: string, target: RecordKind, id: string | undefined): Reference[] => (id ? [{ path: [field], target, id }] : []);
  const many = (field: string, target: RecordKind, ids: string[] | undefined): Reference[] =>
    (ids ?? []).map((id, index) => ({ path: [field, index], target, id }));
  switch (record.kind) {
    case "asset": {
      const { data } = record as ValidRecord<"asset">;
      return one("contract", "contract", data.contract);
    }
    case "issue":
      return many("assets", "asset", (record as ValidRecord<"issue">).data.assets);
    case "backup": {
      const { data } = record as ValidRecord<"backup">;
      return [...many("assets", "asset", data.assets), ...one("contract", "contract", data.contract)];
    }
    case "access":
      return one("asset", "asset", (record as ValidRecord<"access">).data.asset);
    case "doc":
      return many("assets", "asset", (record as ValidRecord<"doc">).data.assets);
    default:
      return [];
  }
}

/** References between records of the same client resolve; a client never points into another client's folder. */
export function checkReferences(model: ClientModel, loaded: LoadedClient): Problem[] {
  const ids = (kind: RecordKind) => loaded.records.filter((record) => record.kind === kind).map((record) => record.id);
  const records = [...model.contracts, ...model.assets, ...model.issues, ...model.backups, ...model.access, ...model.docs];
  const problems: Problem[] = [];
  for (const record of records) {
    for (const reference of referencesOf(record)) {
      const known = ids(reference.target);
      if (known.includes(reference.id)) continue;
      const folder = RECORD_KINDS[reference.target].location;
      const suggestion = didYouMean(reference.id, known);
      const hint = suggestion ? ` — did you mean \`${suggestion}\`?` : ` (there is no \`${folder}/${reference.id}.md\` in this client)`;
      problems.push(problemAtField(record, reference.path, RULE, `\`${reference.id}\` names no ${RECORD_KINDS[reference.target].label}${hint}`));
    }
  }
  return problems;
}
