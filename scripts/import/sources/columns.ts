import { didYouMean } from "../../lib/suggest.ts";
import type { Point, Problem } from "../../lib/problems.ts";
import type { DroppedColumn } from "../export-data.ts";
import { columnWords, isSecretColumn } from "../secret-columns.ts";
import type { RowPlace, RowReader } from "./csv-table.ts";
import { parseExportDate } from "./export-dates.ts";
import { exportProblem } from "./export-problem.ts";

/** The columns of one export file: which header names hold which field, and which are secret. */
export interface ColumnSpec<F extends string> {
  /** What the file is, in messages: "ITFlow's Assets export". */
  label: string;
  /** Each field and the headers that hold it, compared by their words; the first is how the platform writes it. */
  fields: Readonly<Record<F, readonly string[]>>;
  /** Fields a row cannot do without: without the column the file is not read, and a row without the value is skipped. */
  required: readonly F[];
  /** The platform's own secret columns. Any other header that isSecretColumn matches is dropped too. */
  secrets: readonly string[];
  /** Of the secret columns, those whose being non-empty means a one-time password was set up. */
  otp?: readonly string[];
  /** Columns known and deliberately not read (billing, other systems' ids). */
  unread?: readonly string[];
  /** Undoes the platform's own escaping of a cell, before it is trimmed. */
  cell?: (raw: string) => string;
}

/** One row's non-secret values, trimmed, empty ones absent. */
export interface SourceRow<F extends string> {
  readonly line: number;
  readonly values: Partial<Record<F, string>>;
  /** A one-time-password column of this row was non-empty. Its value was never read into here. */
  readonly hadOtp: boolean;
  at(field: F): Point;
  /** The field as `YYYY-MM-DD`; a value that is not a date is reported at its cell and left out. */
  date(field: F): string | undefined;
  /** The row is not imported (another client's): its secret values no longer count as dropped from this client. */
  leaveOut(): void;
}

/**
 * Reads a header row against a spec and returns how to read the rows below it, or undefined when
 * a required column is missing. Secret columns are dropped here, as the file is read: each is
 * recorded in `dropped` with the number of non-empty values it held, and no value is kept.
 * Unknown headers are reported at their column, never quoted: a file without a header row has
 * data there.
 */
export function readHeader<F extends string>(
  spec: ColumnSpec<F>,
  file: string,
  header: readonly string[],
  place: RowPlace,
  problems: Problem[],
  dropped: DroppedColumn[],
): RowReader<SourceRow<F>> | undefined {
  const aliases = new Map<string, F>();
  for (const field of Object.keys(spec.fields) as F[]) for (const name of spec.fields[field]) aliases.set(columnWords(name), field);
  const secrets = new Set(spec.secrets.map(columnWords));
  const otp = new Set((spec.otp ?? []).map(columnWords));
  const unread = new Set((spec.unread ?? []).map(columnWords));
  const fieldAt = new Map<F, number>();
  const secretAt: { index: number; column: DroppedColumn }[] = [];
  const otpAt: number[] = [];
  const unnamed: number[] = [];
  const unknown: { index: number; name: string }[] = [];
  header.forEach((raw, index) => {
    const name = raw.trim();
    const words = columnWords(name);
    if (words === "") {
      unnamed.push(index);
    } else if (secrets.has(words) || isSecretColumn(name)) {
      const column = { file, column: name, values: 0 };
      secretAt.push({ index, column });
      if (otp.has(words)) otpAt.push(index);
    } else if (aliases.has(words)) {
      const field = aliases.get(words) as F;
      if (fieldAt.has(field)) problems.push(exportProblem(file, place.cell(index), `a second ${display(spec, field)} column; only the first is read`, "warning"));
      else fieldAt.set(field, index);
    } else if (!unread.has(words)) {
      unknown.push({ index, name });
    }
  });
  const missing = (Object.keys(spec.fields) as F[]).filter((field) => !fieldAt.has(field));
  for (const { index, name } of unknown) {
    const hint = didYouMean(
      name,
      missing.map((field) => display(spec, field)),
    );
    problems.push(exportProblem(file, place.cell(index), `this column is not one of ${spec.label}'s, so its values are not read${hint ? ` (did you mean '${hint}'?)` : ""}`, "warning"));
  }
  const absent = spec.required.filter((field) => !fieldAt.has(field));
  if (absent.length > 0) {
    const names = absent.map((field) => `'${display(spec, field)}'`).join(" and ");
    const near = absent.map((field) => unknown.find(({ name }) => didYouMean(name, [display(spec, field)]) !== undefined)).find((column) => column !== undefined);
    const hint = near ? ` (column ${near.index + 1} may be it, misspelt)` : "";
    problems.push(exportProblem(file, place.cell(0), `${spec.label} needs a ${names} column and this header row has none${hint}; the file was not read`));
    return undefined;
  }
  // Only now: the header of a refused file may be a row of data, and a dropped column is named.
  for (const { column } of secretAt) dropped.push(column);
  const width = header.length;
  const reported = new Set<number>();
  const context: RowContext<F> = { spec, file, problems, fieldAt, fields: [...fieldAt], clean: spec.cell };
  return (cells, place) => {
    if (cells.length < width || (cells.length > width && cells.slice(width).some((cell) => cell.trim() !== ""))) {
      problems.push(
        exportProblem(file, place.cell(0), `this row has ${cells.length} cells where the header has ${width}, so its columns cannot be trusted; it was not read (a comma in a cell without quotes?)`),
      );
      return undefined;
    }
    let secretCells: DroppedColumn[] | undefined;
    for (const { index, column } of secretAt) {
      if (isSet(cells[index] as string)) {
        column.values += 1;
        (secretCells ??= []).push(column);
      }
    }
    let hadOtp = false;
    for (const index of otpAt) if (isSet(cells[index] as string)) hadOtp = true;
    for (const index of unnamed) {
      if (!reported.has(index) && isSet(cells[index] as string)) {
        reported.add(index);
        problems.push(exportProblem(file, place.cell(index), "this column has no header, so its values are not read", "warning"));
      }
    }
    const row = new CsvRow(context, place, cells, hadOtp, secretCells);
    const lacking = spec.required.find((field) => row.values[field] === undefined);
    if (lacking === undefined) return row;
    row.leaveOut();
    problems.push(exportProblem(file, row.at(lacking), `this row has no ${display(spec, lacking)}; it was not read`, "warning"));
    return undefined;
  };
}

function isSet(cell: string): boolean {
  return cell !== "" && cell.trim() !== "";
}

interface RowContext<F extends string> {
  spec: ColumnSpec<F>;
  file: string;
  problems: Problem[];
  fieldAt: ReadonlyMap<F, number>;
  fields: readonly (readonly [F, number])[];
  clean: ((raw: string) => string) | undefined;
}

/** A row of thousands: its methods live on the class, so a row costs one object and its values. */
class CsvRow<F extends string> implements SourceRow<F> {
  readonly line: number;
  readonly values: Partial<Record<F, string>> = {};
  readonly hadOtp: boolean;
  readonly #context: RowContext<F>;
  readonly #place: RowPlace;
  readonly #secretCells: DroppedColumn[] | undefined;

  constructor(context: RowContext<F>, place: RowPlace, cells: readonly string[], hadOtp: boolean, secretCells: DroppedColumn[] | undefined) {
    this.#context = context;
    this.#place = place;
    this.line = place.line;
    this.hadOtp = hadOtp;
    this.#secretCells = secretCells;
    const clean = context.clean;
    for (const [field, index] of context.fields) {
      const raw = cells[index] as string;
      if (raw === "") continue;
      const value = (clean ? clean(raw) : raw).trim();
      if (value !== "") this.values[field] = value.includes("\r") ? value.replace(/\r\n?/g, "\n") : value;
    }
  }

  at(field: F): Point {
    return this.#place.cell(this.#context.fieldAt.get(field) ?? 0);
  }

  date(field: F): string | undefined {
    const parsed = parseExportDate(this.values[field]);
    if (parsed.ok) return parsed.date;
    this.#context.problems.push(
      exportProblem(this.#context.file, this.at(field), `this ${display(this.#context.spec, field)} is not a date in YYYY-MM-DD form (03/04/2025 could be March or April); it was left out`, "warning"),
    );
    return undefined;
  }

  leaveOut(): void {
    for (const column of this.#secretCells ?? []) column.values -= 1;
  }
}

function display<F extends string>(spec: ColumnSpec<F>, field: F): string {
  return spec.fields[field][0] as string;
}
