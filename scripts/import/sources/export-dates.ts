/**
 * Dates as platforms export them: `2025-03-14`, `2025-03-14 09:30:00`, `2025-03-14T09:30:00.000Z`.
 * The date part is kept as written (no time zone shifts a day). MySQL's zero date is ITFlow's "no
 * date". Anything else (`03/04/2025` is March or April) is unreadable, never guessed.
 */
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const ZERO = /^0000-00-00(?:[T ]00:00(?::00)?)?$/;

export type ExportDate = { ok: true; date: string | undefined } | { ok: false };

const NONE: ExportDate = { ok: true, date: undefined };
const UNREADABLE: ExportDate = { ok: false };

export function parseExportDate(value: string | undefined): ExportDate {
  if (value === undefined || value === "" || ZERO.test(value)) return NONE;
  const match = ISO.exec(value);
  if (!match) return UNREADABLE;
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(Number(match[1]), month) ? { ok: true, date: value.length === 10 ? value : value.slice(0, 10) } : UNREADABLE;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
