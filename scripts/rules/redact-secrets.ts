import type { Problem } from "../lib/problems.ts";

/** What stands in a message for text that held part of a secret. */
export const HIDDEN = "[hidden: possible secret]";

/** Characters of a secret a message must hold in a row for them to be hidden; a shorter secret must appear whole. */
const SHARED = 8;

/**
 * Other rules quote what a record says (an unknown key, a reference that names no record, the
 * first line of a broken fence) and would quote a secret the secrets rule hides. Every stretch of
 * a message that repeats eight characters in a row of a found secret (all of a shorter one) is
 * replaced, so a clipped or shortened quote (`xoxb-1234…wxyz`) is hidden as well as a whole one.
 */
export function redactSecrets(problems: readonly Problem[], secrets: readonly string[]): Problem[] {
  const pieces = new Set<string>();
  for (const secret of secrets) {
    const length = Math.min(SHARED, secret.length);
    for (let start = 0; start + length <= secret.length; start += 1) pieces.add(secret.slice(start, start + length));
  }
  if (pieces.size === 0) return [...problems];
  return problems.map((problem) => {
    const message = hide(problem.message, pieces);
    return message === problem.message ? problem : { ...problem, message };
  });
}

/** `message` with every stretch covered by occurrences of `pieces` replaced by HIDDEN. */
function hide(message: string, pieces: ReadonlySet<string>): string {
  const covered = new Array<boolean>(message.length).fill(false);
  for (const piece of pieces) {
    for (let at = message.indexOf(piece); at !== -1; at = message.indexOf(piece, at + 1)) covered.fill(true, at, at + piece.length);
  }
  let result = "";
  for (let index = 0; index < message.length; index += 1) {
    if (!covered[index]) result += message[index];
    else if (index === 0 || !covered[index - 1]) result += HIDDEN;
  }
  return result;
}
