import { hash } from "node:crypto";

/** Hex digit → letter: `0` → `a` … `f` → `p`. */
const LETTER: Record<string, string> = Object.fromEntries([..."0123456789abcdef"].map((digit, index) => [digit, String.fromCharCode(97 + index)]));

/**
 * A short SHA-256 of a value as the import writes it (`imported.written`): enough to tell whether
 * a tech changed it since, never enough to recover it. Text is compared without the blank lines
 * around it. Written in the letters a–p (one a hex digit), so YAML never reads it as a number.
 */
export function digestOf(value: unknown): string {
  const text = typeof value === "string" ? value.trim() : JSON.stringify(value);
  const hex = hash("sha256", text, "hex");
  let letters = "";
  for (let index = 0; index < 8; index += 1) letters += LETTER[hex[index] as string];
  return letters;
}
