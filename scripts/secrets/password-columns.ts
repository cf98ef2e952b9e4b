import { looksLikeSecret } from "./credential-phrases.ts";
import type { SecretHit } from "./secret-hit.ts";

/** A header that names a column of credentials: `Password`, `Wi-Fi key`, `PIN`; not `Password manager` or `Password last changed`. */
const SECRET_HEADER =
  /^(?:(?:admin|user|local|root|wi-?fi|wpa2?|network|guest|alarm|door|gate|safe|keypad|device)[ \t]+)?(?:passwords?|passwd|pwd|pw|passphrase|passcode|pin|psk|pin code|secret|(?:wi-?fi|wpa2?|network) key|(?:alarm|door|gate|safe|keypad|access) code|code)$/i;

const DELIMITER_CELL = /^:?-{1,}:?$/;
const DATE = /^(?:\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})$/;

/**
 * Values in a Markdown table's credential columns: `| NAS | nasadmin | Gr33nF!eld# |` under
 * `| Device | Username | Password |`. A row of cells says nothing of what a cell is; its header does.
 */
export function passwordColumns(text: string): SecretHit[] {
  const hits: SecretHit[] = [];
  const lines = lineSpans(text);
  for (let index = 0; index + 1 < lines.length; index += 1) {
    const header = cells(text, lines[index] as Span);
    if (header.length === 0) continue;
    const delimiter = cells(text, lines[index + 1] as Span);
    if (delimiter.length !== header.length || !delimiter.every((cell) => DELIMITER_CELL.test(cell.text))) continue;
    const columns = header.flatMap((cell, column) => (SECRET_HEADER.test(cell.text.replace(/[*_`]/g, "")) ? [column] : []));
    let row = index + 2;
    for (; row < lines.length; row += 1) {
      const rowCells = cells(text, lines[row] as Span);
      if (rowCells.length === 0) break;
      for (const column of columns) {
        const cell = rowCells[column];
        if (!cell || DATE.test(cell.text) || !looksLikeSecret(":", cell.text) || !looksLikeSecret(":", cell.text.split(/\s/)[0] as string)) continue;
        const name = (header[column] as Cell).text.toLowerCase();
        hits.push({ start: cell.start, end: cell.start + cell.text.length, rule: "password-column", message: `this looks like a ${name} in a table column (${cell.text.length} characters, hidden here)` });
      }
    }
    index = row - 1;
  }
  return hits;
}

interface Span {
  start: number;
  end: number;
}

interface Cell {
  start: number;
  text: string;
}

function lineSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf("\n", start);
    const end = newline === -1 ? text.length : newline;
    spans.push({ start, end });
    if (newline === -1) break;
    start = newline + 1;
  }
  return spans;
}

/** The trimmed cells of a table row with their offsets, or none when the line is no table row. */
function cells(text: string, { start, end }: Span): Cell[] {
  const line = text.slice(start, end).replace(/\r$/, "");
  if (!/^[ \t]*\|.*\|[ \t]*$/.test(line)) return [];
  const found: Cell[] = [];
  let cellStart = line.indexOf("|") + 1;
  for (let at = cellStart; at < line.length; at += 1) {
    if (line[at] === "\\") {
      at += 1;
      continue;
    }
    if (line[at] !== "|") continue;
    const raw = line.slice(cellStart, at);
    const lead = raw.length - raw.trimStart().length;
    found.push({ start: start + cellStart + lead, text: raw.trim() });
    cellStart = at + 1;
  }
  return found;
}
