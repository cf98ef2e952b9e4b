import { describe, expect, it } from "vitest";
import type { Problem } from "../../scripts/lib/problems.ts";
import { HIDDEN, redactSecrets } from "../../scripts/rules/redact-secrets.ts";

const problem = (message: string): Problem => ({ client: "t", file: "clients/t/docs/a.md", line: 1, column: 1, severity: "error", rule: "schema", message });

describe("redactSecrets", () => {
  const slack = "xoxb-123456789012-1234567890123-abcdefghijklmnopqrstuvwx";

  it("hides a secret quoted whole, clipped or shortened in the middle, and leaves the rest", () => {
    const [whole, clipped, shortened] = redactSecrets(
      [problem(`unknown key \`${slack}\` — did you mean \`system\`?`), problem(`the first line must be exactly \`---\` (found \`--- ${slack.slice(0, 30)}…\`)`), problem(`\`${slack.slice(0, 17)}…${slack.slice(-20)}\` names no asset`)],
      [slack],
    );
    expect(whole?.message).toBe(`unknown key \`${HIDDEN}\` — did you mean \`system\`?`);
    expect(clipped?.message).toBe(`the first line must be exactly \`---\` (found \`--- ${HIDDEN}…\`)`);
    expect(shortened?.message).toBe(`\`${HIDDEN}…${HIDDEN}\` names no asset`);
  });

  it("hides a short secret where it appears whole, and pass phrases with spaces or quotes in them", () => {
    const [pin, phrase, short, quote] = redactSecrets(
      [problem("`A4821` and `4821` but not `482` (schema)"), problem('"correct horse battery" is not one of a, b'), problem("found `--- password: \"red fox 42 sky\"`"), problem("`Tom's-dog-2024` names no asset")],
      ["4821", "correct horse battery", "red fox 42 sky", "Tom's-dog-2024"],
    );
    expect(pin?.message).toBe(`\`A${HIDDEN}\` and \`${HIDDEN}\` but not \`482\` (schema)`);
    expect(phrase?.message).toBe(`"${HIDDEN}" is not one of a, b`);
    expect(short?.message).toBe(`found \`--- password: "${HIDDEN}"\``);
    expect(quote?.message).toBe(`\`${HIDDEN}\` names no asset`);
  });

  it("changes nothing when no secret was found, or none is quoted", () => {
    const problems = [problem("unknown key `ownr` — did you mean `owner`?")];
    expect(redactSecrets(problems, [])).toEqual(problems);
    expect(redactSecrets(problems, [slack])[0]).toBe(problems[0]);
  });
});
