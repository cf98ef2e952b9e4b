/**
 * Markdown documents mixed from `lines` by a small seeded generator, for comparing a fast path
 * with the parser it stands in for: a failure names a document that can be rebuilt.
 */
export function* randomDocuments(lines: readonly string[], count: number, seed: number, maxLines = 12): Generator<string> {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  for (let index = 0; index < count; index += 1) {
    const length = 1 + Math.floor(next() * maxLines);
    yield Array.from({ length }, () => lines[Math.floor(next() * lines.length)]).join("\n") + (next() < 0.5 ? "\n" : "");
  }
}
