/**
 * How wide text set in a sans-serif font is, in em, measured without a browser: from the advance
 * widths of DejaVu Sans, the widest sans-serif a pack's font list falls back to (Debian's default;
 * Segoe UI, Roboto, Helvetica and Arial are narrower), so a line estimated to fit does fit.
 */
const WIDTHS: Record<string, number> = {
  ...spread("abdeghnopqu", 0.635),
  ...spread("cksvxyz", 0.6),
  ...spread("fijlrt", 0.41),
  m: 0.975,
  w: 0.82,
  ...spread("ABCDEGHKNOQRSUVXYZ", 0.79),
  ...spread("FJLPT", 0.64),
  I: 0.3,
  M: 0.87,
  W: 0.99,
  ...spread("0123456789", 0.64),
  ...spread(" .,:;'!|", 0.34),
  ...spread("-()[]/", 0.4),
  ...spread('"?*+=<>#$%&@_~^`{}\\', 0.84),
};

/** Wide glyphs: East Asian scripts and emoji take a full em. */
const FULL_WIDTH = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1faff}\u{20000}-\u{3fffd}]/u;

function spread(characters: string, width: number): Record<string, number> {
  return Object.fromEntries([...characters].map((character) => [character, width]));
}

/** The width of `text` in em; bold text is about a tenth wider. */
export function textWidth(text: string, bold = false): number {
  let width = 0;
  for (const character of text) width += WIDTHS[character] ?? (FULL_WIDTH.test(character) ? 1 : 0.8);
  return bold ? width * 1.1 : width;
}

/**
 * Words on lines at most `maxEm` wide, greedily; a word longer than a line is cut where it must be,
 * so nothing runs past the edge.
 */
export function wrapText(text: string, maxEm: number, bold = false): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const joined = line ? `${line} ${word}` : word;
    if (textWidth(joined, bold) <= maxEm) {
      line = joined;
      continue;
    }
    if (line) lines.push(line);
    line = "";
    for (const character of word) {
      if (line && textWidth(line + character, bold) > maxEm) {
        lines.push(line);
        line = "";
      }
      line += character;
    }
  }
  if (line) lines.push(line);
  return lines;
}
