/**
 * Text as the rules read it: the characters that look like the ASCII ones the rules are written
 * with, replaced by them one for one, so every position found still points into the text as it
 * is. A non-breaking or other Unicode space after `Password:` (a web form pasted into a record,
 * a Hudu note) is a space; full-width `＝` and `：` are `=` and `:`; and the Cyrillic and Greek
 * letters that look like Latin ones are those letters, so `pаssword` with a Cyrillic `а` is still
 * the word. Only characters that keep one UTF-16 unit are folded, which is what keeps positions.
 */
const SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;

/** The Unicode line and paragraph separators end a line as `\n` does. */
const LINE_SEPARATORS = /[\u2028\u2029]/g;

/** Full-width ASCII, U+FF01 to U+FF5E, is ASCII 0x21 to 0x7E shifted. */
const FULL_WIDTH = /[\uFF01-\uFF5E]/g;

const LOOK_ALIKES: Record<string, string> = {
  "\u0430": "a", "\u0435": "e", "\u043E": "o", "\u0440": "p", "\u0441": "c", "\u0445": "x", "\u0443": "y", "\u0456": "i", "\u0455": "s", "\u0458": "j", "\u0501": "d",
  "\u0410": "A", "\u0415": "E", "\u041E": "O", "\u0420": "P", "\u0421": "C", "\u0425": "X", "\u0422": "T", "\u041D": "H", "\u041A": "K", "\u041C": "M", "\u0412": "B", "\u0406": "I", "\u0405": "S",
  "\u03BF": "o", "\u03B1": "a", "\u03C1": "p", "\u03B9": "i", "\u039F": "O", "\u0391": "A", "\u03A1": "P", "\u0395": "E", "\u0399": "I", "\u039A": "K", "\u03A4": "T", "\u0397": "H",
};
const LOOK_ALIKE = new RegExp(`[${Object.keys(LOOK_ALIKES).join("")}]`, "g");

/** `text` with look-alike characters as the ASCII they stand for; the same length, position for position. */
export function foldLookAlikes(text: string): string {
  if (/^[\x00-\x7F]*$/.test(text)) return text;
  return text
    .replace(SPACES, " ")
    .replace(LINE_SEPARATORS, "\n")
    .replace(FULL_WIDTH, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replace(LOOK_ALIKE, (char) => LOOK_ALIKES[char] as string);
}
