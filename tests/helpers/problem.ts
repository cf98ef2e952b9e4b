import type { Problem } from "../../scripts/lib/problems.ts";

/** A schema problem in a client case, with what the test changes: for the report formats' tests. */
export const problem = (overrides: Partial<Problem> = {}): Problem => ({
  client: "t",
  file: "clients/t/client.md",
  line: 3,
  column: 5,
  severity: "error",
  rule: "schema",
  message: "unknown key `ownr` — did you mean `owner`?",
  ...overrides,
});
