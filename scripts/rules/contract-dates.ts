import type { Problem } from "../lib/problems.ts";
import type { ClientModel } from "../model/types.ts";
import { problemAtField } from "../lib/problem-at.ts";

export const RULE = "contract-dates";

/** A contract ends after it starts. */
export function checkContractDates(model: ClientModel): Problem[] {
  const problems: Problem[] = [];
  for (const contract of model.contracts) {
    const { startDate, endDate } = contract.data;
    if (startDate && endDate && endDate < startDate) {
      problems.push(problemAtField(contract, ["endDate"], RULE, `the contract ends on ${endDate}, before it starts on ${startDate}`));
    }
  }
  return problems;
}
