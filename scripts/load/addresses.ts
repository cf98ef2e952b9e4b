/** Text that may hold a bare URL, a `www.` link or an e-mail address (the patterns of mdast-util-gfm-autolink-literal). */
const ADDRESS = /https?:\/\/|www\.|@/i;

/** Kept apart from the parser's modules, so that the pack's renderer can ask without loading them. */
export function mayHoldAddress(text: string): boolean {
  return ADDRESS.test(text);
}
