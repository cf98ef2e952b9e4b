/**
 * The value a field holds while only a person can decide it (`common.schema.json#/$defs/toDecide`):
 * `handover import` writes it for an asset's owner, a ticket's risk or a credential's handover.
 * It counts as not recorded: no playbook evidence holds on it, and `check` lists every one.
 */
export const TO_DECIDE = "to-decide";

export type ToDecide = typeof TO_DECIDE;

export function isToDecide(value: unknown): value is ToDecide {
  return value === TO_DECIDE;
}

/** The value once decided; undefined while it is still `to-decide` or absent. */
export function decided<T>(value: T | ToDecide | undefined): Exclude<T, ToDecide> | undefined {
  return isToDecide(value) ? undefined : (value as Exclude<T, ToDecide> | undefined);
}

/** The path of every field still `to-decide` in a record's data, in the data's order. */
export function toDecidePaths(data: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (isToDecide(data)) return [path];
  if (Array.isArray(data)) return data.flatMap((item, index) => toDecidePaths(item, [...path, index]));
  if (data !== null && typeof data === "object") return Object.entries(data).flatMap(([key, value]) => toDecidePaths(value, [...path, key]));
  return [];
}
