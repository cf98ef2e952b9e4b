import { createHash } from "node:crypto";

/**
 * A short SHA-256 of a value as the import writes it (`imported.written`): enough to tell whether
 * a tech changed it since, never enough to recover it. Text is compared without the blank lines
 * around it. Written in the letters a–p (one a hex digit), so YAML never reads it as a number.
 */
export function digestOf(value: unknown): string {
  const text = typeof value === "string" ? value.trim() : JSON.stringify(value);
  const hex = createHash("sha256").update(text).digest("hex").slice(0, 8);
  return hex.replace(/[0-9a-f]/g, (digit) => String.fromCharCode(97 + Number.parseInt(digit, 16)));
}
