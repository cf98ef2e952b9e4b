import type { AnySchemaObject } from "ajv/dist/2020.js";
import { fieldName } from "../lib/field-path.ts";
import { problemAtField } from "../lib/problem-at.ts";
import type { Problem } from "../lib/problems.ts";
import type { RecordKind } from "../model/kinds.ts";
import { TO_DECIDE, toDecidePaths } from "../model/to-decide.ts";
import type { ClientModel, ValidRecord } from "../model/types.ts";
import { decidedSchema, resolvedSchema } from "../schema/registry.ts";
import type { Purpose } from "./derive-client.ts";
import { recordFile } from "./facts.ts";
import { openStepUrgency, RELEASE_URGENCY } from "./readiness.ts";

export const RULE = "to-decide";

/**
 * Every field still `to-decide` (as `handover import` leaves an asset's owner, a ticket's risk or
 * a credential's handover) is an open step at that field: a warning while the handover runs, an
 * error once it is called complete or services have stopped, and before a release.
 */
export function checkToDecide(model: ClientModel, today: string, purpose: Purpose): Problem[] {
  const clientCase = model.case;
  if (!clientCase || purpose === "draft") return [];
  const { severity, when } = purpose === "release" ? RELEASE_URGENCY : openStepUrgency(clientCase, today);
  const records: ValidRecord[] = [clientCase, ...model.contracts, ...model.assets, ...model.issues, ...model.backups, ...model.access, ...model.docs];
  return records.flatMap((record) =>
    toDecidePaths(record.data).map((path) => {
      const choices = allowedValues(record.kind, path);
      const what = choices.length > 0 ? `: one of ${choices.map((choice) => `\`${choice}\``).join(", ")}` : "";
      const message = `open step: decide \`${fieldName(path)}\` in ${recordFile(record)}${what}; it is still \`${TO_DECIDE}\` and ${when}`;
      return problemAtField(record, path, RULE, message, severity);
    }),
  );
}

/** The values a closed field may take once decided; none for free text, dates and groups. */
function allowedValues(kind: RecordKind, path: readonly (string | number)[]): string[] {
  let schema: AnySchemaObject | undefined = resolvedSchema(kind);
  for (const segment of path) {
    if (!schema) return [];
    schema = typeof segment === "number" ? (schema.items as AnySchemaObject | undefined) : ((schema.properties ?? {}) as Record<string, AnySchemaObject>)[segment];
    schema = schema && decidedSchema(schema);
  }
  return ((schema?.enum ?? []) as unknown[]).filter((value) => value !== TO_DECIDE).map(String);
}
