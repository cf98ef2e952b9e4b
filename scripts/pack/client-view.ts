import type { ClientModel, ValidRecord } from "../model/types.ts";
import { internalPaths } from "../schema/registry.ts";

/** The client case and its records of every kind a pack draws on (the acceptance is not one), in that order. */
export function handoverRecords(model: ClientModel): ValidRecord[] {
  return [...(model.case ? [model.case] : []), ...model.contracts, ...model.assets, ...model.issues, ...model.backups, ...model.access, ...model.docs];
}

/** Whether a record may reach the client's pack at all. */
export function isClientRecord(record: ValidRecord): boolean {
  return (record.data as { audience?: string }).audience !== "internal";
}

/**
 * The record's data with every property its schema marks internal removed: the only form of a
 * record's data that the pack ever sees.
 */
export function clientData<R extends ValidRecord>(record: R): R["data"] {
  const copy = structuredClone(record.data) as Record<string, unknown>;
  for (const path of internalPaths(record.kind)) {
    let holder: unknown = copy;
    for (const key of path.slice(0, -1)) holder = holder && typeof holder === "object" ? (holder as Record<string, unknown>)[key] : undefined;
    if (holder && typeof holder === "object") delete (holder as Record<string, unknown>)[path[path.length - 1] as string];
  }
  return copy as R["data"];
}

/** A record's data as the pack reads it, or undefined for a record the pack leaves out. */
export function clientDataOf<R extends ValidRecord>(record: R): R["data"] | undefined {
  return isClientRecord(record) ? clientData(record) : undefined;
}
