/**
 * The frontmatter YAML the import writes, emitted directly: a general YAML writer costs more than
 * everything else the import does with a small record. It writes only what records hold (text,
 * booleans, numbers, maps and lists of them) and only in two forms: plain, for text that no YAML
 * 1.2 reader could take for anything else or for markup (a conservative set of characters), and
 * otherwise double-quoted as JSON writes strings, which YAML reads the same way.
 * tests/import/yaml-writer.test.ts reads every form back with both YAML parsers the loader uses.
 */
const PLAIN = /^(?:[A-Za-z][A-Za-z0-9 ._/()@+-]*[A-Za-z0-9._/()@+-]|[A-Za-z]|\d{4}-\d{2}-\d{2})$/;
/** What YAML 1.2's core schema reads as a boolean or null, not text. */
const RESERVED = /^(?:true|false|null|~)$/i;
const KEY = /^[A-Za-z][A-Za-z0-9_:-]*$/;

/** Characters YAML does not allow unescaped even in double quotes, which JSON leaves as they are. */
const NOT_PRINTABLE = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;

function scalar(value: string | number | boolean): string {
  if (typeof value !== "string") return String(value);
  if (PLAIN.test(value) && !RESERVED.test(value) && !value.includes(" -") && !value.includes("  ")) return value;
  return JSON.stringify(value).replace(NOT_PRINTABLE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

const keyOf = (key: string) => (KEY.test(key) && !RESERVED.test(key) ? key : JSON.stringify(key));

function lines(value: unknown, indent: string): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return " []\n";
    return `\n${value.map((item) => `${indent}-${lines(item, `${indent}  `)}`).join("")}`;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, inner]) => inner !== undefined);
    if (entries.length === 0) return " {}\n";
    return `\n${entries.map(([key, inner]) => `${indent}${keyOf(key)}:${lines(inner, `${indent}  `)}`).join("")}`;
  }
  return ` ${scalar(value as string | number | boolean)}\n`;
}

/** The fields as a YAML block mapping, in their order, each line ending in a line break. */
export function yamlFields(fields: Record<string, unknown>): string {
  return Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${keyOf(key)}:${lines(value, "  ")}`)
    .join("");
}
