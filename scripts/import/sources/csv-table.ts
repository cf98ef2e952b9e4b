import { CsvError, parse } from "csv-parse/sync";
import type { Point, Problem } from "../../lib/problems.ts";
import { exportProblem } from "./export-problem.ts";

/** Where a row starts, and where each of its cells does, counted the way an editor shows them; a cell's place is only worked out when a problem asks. */
export class RowPlace {
  readonly line: number;
  readonly #bytes: Buffer;
  readonly #start: number;
  readonly #lineStart: number;

  constructor(bytes: Buffer, start: number, line: number, lineStart: number) {
    this.#bytes = bytes;
    this.#start = start;
    this.line = line;
    this.#lineStart = lineStart;
  }

  cell(index: number): Point {
    return cellPoint(this.#bytes, this.#start, this.line, this.#lineStart, index);
  }
}

export type RowReader<T> = (cells: readonly string[], place: RowPlace) => T | undefined;

/** Given the header row, how to read each row after it, or undefined to read no further. */
export type HeaderReader<T> = (cells: readonly string[], place: RowPlace) => RowReader<T> | undefined;

const STOP = Symbol("stop");

/**
 * The rows of a CSV file (UTF-8 bytes, BOM removed), each handed to the reader the header chose
 * as soon as csv-parse yields it: a row's cells are never kept beyond that, so a secret column
 * the reader drops is never held. Blank rows are skipped (here, not by csv-parse, so that a line of
 * spaces is skipped too). Lines are counted here from each row's
 * byte offset, because csv-parse counts a CRLF inside a quoted cell as two lines; a quoted
 * newline, CRLF or lone CR all count as one. A malformed row ends the file with a problem at it;
 * the rows before it are kept.
 */
export function readCsv<T>(file: string, bytes: Buffer, problems: Problem[], onHeader: HeaderReader<T>): T[] {
  const rows: T[] = [];
  const lines = lineCounter(bytes);
  let reader: RowReader<T> | undefined;
  let header = false;
  let end = 0;
  let failed = false;
  const placeOf = (start: number): RowPlace => {
    lines.advance(start);
    return new RowPlace(bytes, start, lines.line, lines.lineStart);
  };
  try {
    parse(bytes, {
      relax_column_count: true,
      relax_quotes: true,
      on_record: (cells: string[], context) => {
        const start = skipLineBreaks(bytes, end);
        end = context.bytes;
        if (!header) {
          header = true;
          reader = onHeader(cells, placeOf(start));
          if (!reader) throw STOP;
        } else if (reader && !isBlank(cells)) {
          const row = reader(cells, placeOf(start));
          if (row !== undefined) rows.push(row);
        }
        return null;
      },
    });
  } catch (error) {
    if (error !== STOP) {
      failed = true;
      const place = placeOf(skipLineBreaks(bytes, end));
      problems.push(exportProblem(file, place.cell(0), `${csvFailure(error)}; this row and the rest of the file were not read`));
    }
  }
  if (!header && !failed) {
    problems.push(exportProblem(file, { line: 1, column: 1 }, "this CSV file is empty: it has no header row", "warning"));
  }
  return rows;
}

/** csv-parse's failures in a tech's words; its messages quote the data, so they are never passed on. */
function csvFailure(error: unknown): string {
  const code = error instanceof CsvError ? error.code : "";
  if (code === "CSV_QUOTE_NOT_CLOSED") return "a quoted cell starting in this row is never closed";
  if (code === "CSV_INVALID_CLOSING_QUOTE") return 'a quoted cell in this row has text after its closing quote; inside quotes, write a quote as ""';
  return `this row cannot be read as CSV${code ? ` (${code})` : ""}`;
}

function isBlank(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell !== "" && cell.trim() !== "") return false;
  return true;
}

function skipLineBreaks(bytes: Buffer, offset: number): number {
  let at = offset;
  while (at < bytes.length && (bytes[at] === 0x0a || bytes[at] === 0x0d)) at += 1;
  return at;
}

/** Lines up to an offset, counted forward only: rows arrive in order, so the whole file is scanned once. */
function lineCounter(bytes: Buffer) {
  const counter = {
    offset: 0,
    line: 1,
    lineStart: 0,
    advance(target: number): void {
      for (let offset = counter.offset; offset < target; offset += 1) {
        const byte = bytes[offset];
        if (byte === 0x0a || (byte === 0x0d && bytes[offset + 1] !== 0x0a)) {
          counter.line += 1;
          counter.lineStart = offset + 1;
        }
      }
      counter.offset = Math.max(counter.offset, target);
    },
  };
  return counter;
}

/** Where the `index`th cell of the row starting at `start` begins: scanned only when a problem names a cell. */
function cellPoint(bytes: Buffer, start: number, line: number, lineStart: number, index: number): Point {
  let quoted = false;
  let cell = 0;
  let at = start;
  for (; at < bytes.length && cell < index; at += 1) {
    const byte = bytes[at];
    if (byte === 0x22) quoted = !quoted;
    else if (byte === 0x2c && !quoted) cell += 1;
    else if (byte === 0x0a || (byte === 0x0d && bytes[at + 1] !== 0x0a)) {
      if (!quoted) break;
      line += 1;
      lineStart = at + 1;
    }
  }
  return { line, column: characters(bytes, lineStart, at) + 1 };
}

/** UTF-8 characters in a byte range: every byte but continuation bytes starts one. */
function characters(bytes: Buffer, from: number, to: number): number {
  let count = 0;
  for (let at = from; at < to; at += 1) if (((bytes[at] as number) & 0xc0) !== 0x80) count += 1;
  return count;
}
