import { readFileSync } from "node:fs";
import { CORE_SCHEMA, load } from "js-yaml";

/** One shape of secret from rules.yaml, compiled. */
export interface SecretRule {
  id: string;
  description: string;
  keywords: readonly string[];
  /** Global, with indices; its `secret…` groups hold the secret, or the whole match does. */
  pattern: RegExp;
  entropy: number | undefined;
  requireDigit: boolean;
  allow: readonly RegExp[];
}

const RULES_FILE = new URL("./rules.yaml", import.meta.url);

const FIELDS = new Set(["id", "description", "references", "keywords", "pattern", "ignoreCase", "entropy", "requireDigit", "allow"]);

/**
 * The rules of the data file, compiled once. The file is the project's own, so a mistake in it is
 * a bug: it throws, naming the rule, and the test of the shipped file catches it before a user can.
 */
export function loadSecretRules(text: string = readFileSync(RULES_FILE, "utf8")): SecretRule[] {
  // js-yaml, as the loader uses for plain YAML: five times faster than `yaml` here, and every process pays it once.
  const data = (load(text, { schema: CORE_SCHEMA }) ?? {}) as { fragments?: Record<string, string>; rules?: unknown[] };
  const fragments = data.fragments ?? {};
  if (!Array.isArray(data.rules) || data.rules.length === 0) throw new Error("rules.yaml: no rules");
  const seen = new Set<string>();
  return data.rules.map((entry, index) => {
    const rule = entry as Record<string, unknown>;
    const id = typeof rule.id === "string" ? rule.id : `#${index + 1}`;
    const fail = (why: string): never => {
      throw new Error(`rules.yaml: rule ${id}: ${why}`);
    };
    for (const key of Object.keys(rule)) if (!FIELDS.has(key)) fail(`unknown field "${key}"`);
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) fail("id must be lowercase words joined by '-'");
    if (seen.has(id)) fail("id is used twice");
    seen.add(id);
    if (typeof rule.description !== "string" || !rule.description) fail("description is missing");
    const keywords = rule.keywords;
    if (!Array.isArray(keywords) || keywords.length === 0 || !keywords.every((k) => typeof k === "string" && k !== "" && k === k.toLowerCase())) {
      fail("keywords must be a list of lowercase text");
    }
    if (typeof rule.pattern !== "string") fail("pattern is missing");
    if (rule.entropy !== undefined && typeof rule.entropy !== "number") fail("entropy must be a number");
    const allow = rule.allow ?? [];
    if (!Array.isArray(allow) || !allow.every((a) => typeof a === "string")) fail("allow must be a list of expressions");
    return {
      id,
      description: rule.description as string,
      keywords: keywords as string[],
      pattern: compile(expand(rule.pattern as string, fragments, fail), `gd${rule.ignoreCase === true ? "i" : ""}`, fail),
      entropy: rule.entropy as number | undefined,
      requireDigit: rule.requireDigit === true,
      allow: (allow as string[]).map((source) => compile(source, "i", fail)),
    };
  });
}

/** `${name}` replaced by its fragment; every `secret` group numbered, since a name may not repeat in a JavaScript expression. */
function expand(pattern: string, fragments: Record<string, string>, fail: (why: string) => never): string {
  let group = 0;
  return pattern
    .replace(/\$\{([a-z]+)\}/g, (_, name: string) => fragments[name] ?? fail(`unknown fragment \${${name}}`))
    .replace(/\(\?<secret>/g, () => `(?<secret${group++}>`);
}

function compile(source: string, flags: string, fail: (why: string) => never): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (error) {
    return fail(`pattern does not compile: ${(error as Error).message}`);
  }
}

/** Where a match's secret is: its first `secret…` group that took part, or the whole match. */
export function secretRange(match: RegExpExecArray | RegExpMatchArray): [number, number] {
  const groups = match.indices?.groups;
  if (groups) {
    for (const [name, range] of Object.entries(groups)) if (range && name.startsWith("secret")) return range;
  }
  const start = match.index ?? 0;
  return [start, start + match[0].length];
}
