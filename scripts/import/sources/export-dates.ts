/**
 * Dates as platforms export them: `2025-03-14`, `2025-03-14 09:30:00`, `2025-03-14T09:30:00.000Z`.
 * The date part is kept as written (no time zone shifts a day). MySQL's zero date is ITFlow's "no
 * date". Anything else (`03/04/2025` is March or April) is unreadable, never guessed.
 */
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const ZERO = /^0000-00-00(?:[T ]00:00(?::00)?)?$/;

export type ExportDate = { ok: true; date: string | undefined } | { ok: false };

export function parseExportDate(value: string | undefined): ExportDate {
  if (value === undefined || value === "" || ZERO.test(value)) return { ok: true, date: undefined };
  const match = ISO.exec(value);
  if (!match) return { ok: false };
  const [, year, month, day] = match as unknown as [string, string, string, string];
  const date = `${year}-${month}-${day}`;
  // Date.UTC rolls 2025-02-30 over into March; a real date survives the round trip.
  const time = Date.UTC(Number(year), Number(month) - 1, Number(day));
  return new Date(time).toISOString().slice(0, 10) === date ? { ok: true, date } : { ok: false };
}
