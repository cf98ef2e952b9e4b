import { UsageError } from "../lib/usage-error.ts";

/** `--today YYYY-MM-DD` (or the date option named `option`), or the current UTC date; a real calendar date either way. */
export function parseToday(value: string | undefined, now: Date = new Date(), option = "--today"): string {
  if (value === undefined) return now.toISOString().slice(0, 10);
  const time = Date.parse(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== value) {
    throw new UsageError(`${option} must be a real date written YYYY-MM-DD, for example 2026-11-01`);
  }
  return value;
}
