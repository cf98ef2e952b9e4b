import type { AnySchemaObject } from "ajv/dist/2020.js";
import { didYouMean } from "../lib/suggest.ts";
import type { Playbook, Step, Test } from "../model/playbook.generated.ts";
import { fieldSchema, parseFieldPath } from "./field-path.ts";

export interface PlaybookIssue {
  /** Where in the playbook, for example `["steps", 3, "evidence", 0, "field"]`. */
  path: (string | number)[];
  message: string;
}

/**
 * What the schema cannot say: ids are unique, phases and `after` steps exist, client steps and
 * only they have a `clientTitle`, as does every phase holding one, `afterRelease` marks only
 * blocking steps and every blocking step ordered after one, and every test names a real field of
 * the client case or of the step's `forEach` record, with allowed values.
 */
export function checkPlaybook(playbook: Playbook): PlaybookIssue[] {
  const issues: PlaybookIssue[] = [];
  const phaseIds = playbook.phases.map((phase) => phase.id);
  playbook.phases.forEach((phase, index) => {
    if (phaseIds.indexOf(phase.id) !== index) issues.push({ path: ["phases", index, "id"], message: `the phase id \`${phase.id}\` is used twice` });
    // The pack heads the phase's client steps with it: without it, the client reads the tech's heading.
    if (phase.clientTitle === undefined && playbook.steps.some((step) => step.phase === phase.id && step.audience === "client")) {
      issues.push({ path: ["phases", index, "id"], message: "a phase with `audience: client` steps needs a `clientTitle`: its heading in plain words, as the client's handover pack shows it" });
    }
  });
  const seen: string[] = [];
  playbook.steps.forEach((step, index) => {
    const at = (...rest: (string | number)[]) => ["steps", index, ...rest];
    if (seen.includes(step.id)) issues.push({ path: at("id"), message: `the step id \`${step.id}\` is used twice` });
    if (!phaseIds.includes(step.phase)) {
      const suggestion = didYouMean(step.phase, phaseIds);
      issues.push({ path: at("phase"), message: `no phase \`${step.phase}\`${suggestion ? ` — did you mean \`${suggestion}\`?` : ""}` });
    }
    (step.after ?? []).forEach((id, position) => {
      if (!seen.includes(id)) {
        const known = playbook.steps.some((other) => other.id === id);
        issues.push({
          path: at("after", position),
          message: known ? `\`after\` names \`${id}\`, which comes later; list steps in the order they are done` : `\`after\` names no step \`${id}\``,
        });
      } else if (step.blocking && !step.afterRelease && playbook.steps.some((other) => other.id === id && other.afterRelease)) {
        // Release would wait for this step, and the step for a release: neither could ever happen.
        issues.push({
          path: at("after", position),
          message: `\`after\` names \`${id}\`, which is only done after the release, so this step is too: add \`afterRelease: true\``,
        });
      }
    });
    if (step.afterRelease && !step.blocking) {
      issues.push({ path: at("afterRelease"), message: "`afterRelease` lets `handover release` go ahead while a blocking step is open, and this step does not block: remove it" });
    }
    seen.push(step.id);
    // Without its own title, a client step would show the tech's wording in the client's pack.
    if (step.audience === "client" && step.clientTitle === undefined) {
      issues.push({ path: at("audience"), message: "a step with `audience: client` needs a `clientTitle`: the step in plain words, as the client's handover pack shows it" });
    }
    if (step.audience !== "client" && step.clientTitle !== undefined) {
      issues.push({ path: at("clientTitle"), message: "`clientTitle` is shown only in the client's handover pack, and this step is internal: add `audience: client` or remove it" });
    }
    if (step.when) issues.push(...checkTest(step, step.when, at("when")));
    step.evidence.forEach((test, position) => issues.push(...checkTest(step, test, at("evidence", position))));
  });
  return issues;
}

function checkTest(step: Step, test: Test, path: (string | number)[]): PlaybookIssue[] {
  if ("all" in test) return test.all.flatMap((inner, index) => checkTest(step, inner, [...path, "all", index]));
  if ("any" in test) return test.any.flatMap((inner, index) => checkTest(step, inner, [...path, "any", index]));
  if ("not" in test) return checkTest(step, test.not, [...path, "not"]);

  const field = parseFieldPath(test.field);
  if (field.kind !== "client" && field.kind !== "acceptance" && field.kind !== step.forEach) {
    const fix = step.forEach ? `this step repeats for each ${step.forEach}` : `add \`forEach: ${field.kind}\` to repeat the step for each ${field.kind}`;
    const article = /^[aeiou]/.test(field.kind) ? "an" : "a";
    return [{ path: [...path, "field"], message: `\`${test.field}\` reads ${article} ${field.kind} record, but ${fix}` }];
  }
  const found = fieldSchema(field);
  if ("error" in found) return [{ path: [...path, "field"], message: found.error }];
  return checkValues(test.field, found.schema, test, path);
}

function checkValues(field: string, schema: AnySchemaObject, test: { equals?: unknown; in?: unknown[]; greaterThan?: number }, path: (string | number)[]): PlaybookIssue[] {
  const issues: PlaybookIssue[] = [];
  if ((test.equals !== undefined || test.in !== undefined) && (schema.type === "object" || schema.type === "array")) {
    return [{ path: [...path, test.equals !== undefined ? "equals" : "in"], message: `\`${field}\` is a group of fields or a list, so it never equals a single value; test one of its fields` }];
  }
  const allowed = (schema.enum ?? (schema.type === "boolean" ? [true, false] : undefined)) as unknown[] | undefined;
  const candidates: [unknown, (string | number)[]][] = [
    ...(test.equals !== undefined ? [[test.equals, [...path, "equals"]] as [unknown, (string | number)[]]] : []),
    ...(test.in ?? []).map((value, index) => [value, [...path, "in", index]] as [unknown, (string | number)[]]),
  ];
  for (const [value, at] of candidates) {
    if (allowed && !allowed.includes(value)) {
      const suggestion = typeof value === "string" ? didYouMean(value, allowed.map(String)) : undefined;
      issues.push({
        path: at,
        message: `\`${field}\` is never \`${String(value)}\`; it is one of ${allowed.map((v) => `\`${String(v)}\``).join(", ")}${suggestion ? ` — did you mean \`${suggestion}\`?` : ""}`,
      });
    }
  }
  if (test.greaterThan !== undefined && schema.type !== "number" && schema.type !== "integer") {
    issues.push({ path: [...path, "greaterThan"], message: `\`${field}\` is not a number, so \`greaterThan\` never holds` });
  }
  return issues;
}
