/**
 * Ids for rows an export gives none (ITFlow's CSVs): the row's own name, which stays the same
 * from one export to the next; where two rows share it, the name and a second identifying value
 * ("Microsoft 365 (admin@harborfinch.example)"); where those repeat too, a count in file order.
 */
export function rowKeys(primaries: readonly string[], secondaries: readonly (string | undefined)[]): string[] {
  const named = counted(primaries).map((total, index) => {
    const primary = primaries[index] as string;
    const secondary = secondaries[index];
    return total > 1 && secondary ? `${primary} (${secondary})` : primary;
  });
  const totals = counted(named);
  const seen = new Map<string, number>();
  return named.map((key, index) => {
    if (totals[index] === 1) return key;
    const nth = (seen.get(key) ?? 0) + 1;
    seen.set(key, nth);
    return nth === 1 ? key : `${key} #${nth}`;
  });
}

/** How often each key occurs in the list, by position. */
function counted(keys: readonly string[]): number[] {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return keys.map((key) => counts.get(key) as number);
}
