/**
 * Ids for rows an export gives none (ITFlow's CSVs): the row's own name, which stays the same
 * from one export to the next; where two rows share it, the name and a second identifying value
 * ("Microsoft 365 (admin@harborfinch.example)"); where those repeat too, a count in file order.
 */
export function rowKeys(rows: readonly { primary: string; secondary?: string | undefined }[]): string[] {
  const count = (keys: readonly string[]) => keys.reduce((counts, key) => counts.set(key, (counts.get(key) ?? 0) + 1), new Map<string, number>());
  const primaries = count(rows.map((row) => row.primary));
  const named = rows.map((row) => ((primaries.get(row.primary) ?? 0) > 1 && row.secondary ? `${row.primary} (${row.secondary})` : row.primary));
  const totals = count(named);
  const seen = new Map<string, number>();
  return named.map((key) => {
    if ((totals.get(key) ?? 0) === 1) return key;
    const nth = (seen.get(key) ?? 0) + 1;
    seen.set(key, nth);
    return nth === 1 ? key : `${key} #${nth}`;
  });
}
