import type { FieldTest, Test } from "../model/playbook.generated.ts";
import type { RecordKind } from "../model/kinds.ts";
import { isToDecide } from "../model/to-decide.ts";
import { parseFieldPath, valuesAt, type FieldPath } from "./field-path.ts";

/** The data a step's tests read: the client case, and the record a `forEach` step is repeated for. */
export type TestContext = Partial<Record<RecordKind, unknown>>;

/** A field test's outcome, kept so the checklist can show the evidence or say what is missing. */
export interface FieldOutcome {
  path: FieldPath;
  test: FieldTest;
  holds: boolean;
  values: unknown[];
  /** Inside a `not`: the test must stop holding. */
  negated?: boolean;
}

export interface Outcome {
  holds: boolean;
  /** Field tests that hold, as evidence. */
  met: FieldOutcome[];
  /** What would make the test hold: field tests, or alternatives of an `any`. */
  unmet: Unmet[];
}

export type Unmet = FieldOutcome | { anyOf: Unmet[][] };

/** Whether a field holds a fact: `to-decide` is a fact still to be recorded. */
export function isFilled(value: unknown): boolean {
  if (value === undefined || value === null || value === "" || isToDecide(value)) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === "object") return Object.keys(value).length > 0;
  return true;
}

function fieldHolds(test: FieldTest, value: unknown): boolean {
  if (test.equals !== undefined) return value === test.equals;
  if (test.in !== undefined) return (test.in as unknown[]).includes(value);
  if (test.greaterThan !== undefined) return typeof value === "number" && value > test.greaterThan;
  return test.present === false ? !isFilled(value) : isFilled(value);
}

/** Evaluates a playbook test; the playbook's checks guarantee every path names a real field. */
export function evaluate(test: Test, context: TestContext): Outcome {
  if ("all" in test) {
    const outcomes = test.all.map((inner) => evaluate(inner, context));
    return {
      holds: outcomes.every((outcome) => outcome.holds),
      met: outcomes.flatMap((outcome) => outcome.met),
      unmet: outcomes.flatMap((outcome) => outcome.unmet),
    };
  }
  if ("any" in test) {
    const outcomes = test.any.map((inner) => evaluate(inner, context));
    const holding = outcomes.find((outcome) => outcome.holds);
    return holding
      ? { holds: true, met: holding.met, unmet: [] }
      : { holds: false, met: [], unmet: [{ anyOf: outcomes.map((outcome) => outcome.unmet) }] };
  }
  if ("not" in test) {
    const inner = evaluate(test.not, context);
    // What makes the inner test hold is what has to change.
    const flip = (outcome: FieldOutcome): FieldOutcome => ({ ...outcome, holds: !outcome.holds, negated: !outcome.negated });
    return inner.holds ? { holds: false, met: [], unmet: inner.met.map(flip) } : { holds: true, met: [], unmet: [] };
  }
  const path = parseFieldPath(test.field);
  const values = valuesAt(context[path.kind], path);
  // A `[]` path holds only when there is at least one item and every item passes.
  const holds = values.length > 0 && values.every((value) => fieldHolds(test, value));
  const outcome: FieldOutcome = { path, test, holds, values };
  return holds ? { holds, met: [outcome], unmet: [] } : { holds, met: [], unmet: [outcome] };
}
