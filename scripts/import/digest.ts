import { createHash } from "node:crypto";

/**
 * A short SHA-256 of a value as the import writes it (`imported.written`): enough to tell whether
 * a tech changed it since, never enough to recover it. Text is compared without trailing blanks.
 */
export function digestOf(value: unknown): string {
  const text = typeof value === "string" ? value.trimEnd() : JSON.stringify(value);
  return createHash("sha256").update(text).digest("hex").slice(0, 8);
}
