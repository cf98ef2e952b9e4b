/**
 * Characters a reader does not see: the soft hyphen, zero-width spaces and joiners, the word
 * joiner, direction marks and the byte-order mark. `Pass&shy;word: …` and a token with a
 * zero-width space inside read as one word on screen, so the rules read them without these.
 */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const HAS_INVISIBLE = new RegExp(INVISIBLE.source);

/** `text` without its invisible characters, and for each position of that text the position it came from. */
export function withoutInvisible(text: string): { text: string; origin: (at: number) => number } | undefined {
  if (!HAS_INVISIBLE.test(text)) return undefined;
  const kept: number[] = [];
  let visible = "";
  let last = 0;
  for (const match of text.matchAll(INVISIBLE)) {
    for (let at = last; at < (match.index as number); at += 1) kept.push(at);
    visible += text.slice(last, match.index);
    last = (match.index as number) + match[0].length;
  }
  for (let at = last; at < text.length; at += 1) kept.push(at);
  visible += text.slice(last);
  kept.push(text.length);
  return { text: visible, origin: (at) => kept[at] as number };
}
