import type { Problem } from "../lib/problems.ts";

/** What stands in a message for a word that held part of a secret. */
export const HIDDEN = "[hidden: possible secret]";

/** A message's words: what lies between spaces, backticks and quotes. */
const WORD = /[^\s`'"]+/g;

/** Characters of a secret a word must share, in a row, to be hidden; a shorter secret must appear whole. */
const SHARED = 8;
/** Words of a secret with spaces (a pass phrase) are hidden one by one, down to this length. */
const SHORTEST_WORD = 4;

/**
 * Other rules quote what a record says (an unknown key, a reference that names no record, the
 * first line of a broken fence) and would quote a secret the secrets rule hides. Every word of their
 * messages that shares eight characters in a row with a found secret (all of a shorter one) is
 * replaced, so a clipped or shortened quote (`xoxb-1234…wxyz`) is hidden as well as a whole one;
 * a pass phrase is hidden word by word.
 */
export function redactSecrets(problems: readonly Problem[], secrets: readonly string[]): Problem[] {
  const pieces = new Set<string>();
  for (const secret of secrets) {
    const words = secret.trim().split(/\s+/);
    for (const word of words.length > 1 ? words.filter((part) => part.length >= SHORTEST_WORD) : words) {
      const length = Math.min(SHARED, word.length);
      for (let start = 0; start + length <= word.length; start += 1) pieces.add(word.slice(start, start + length));
    }
  }
  if (pieces.size === 0) return [...problems];
  const lengths = [...new Set([...pieces].map((piece) => piece.length))];
  const holdsSecret = (word: string) =>
    lengths.some((length) => {
      for (let start = 0; start + length <= word.length; start += 1) if (pieces.has(word.slice(start, start + length))) return true;
      return false;
    });
  return problems.map((problem) => {
    const message = problem.message.replace(WORD, (word) => (holdsSecret(word) ? HIDDEN : word));
    return message === problem.message ? problem : { ...problem, message };
  });
}
