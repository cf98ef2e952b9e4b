import type { SecretRule } from "./rule-set.ts";

/** Keyword matches in one text past which each keyword is searched on its own (a few hundred indexOf calls). */
const DENSE = 2_000;

function sorted(rules: Set<SecretRule>, order: ReadonlyMap<SecretRule, number>): SecretRule[] {
  return [...rules].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
}

/**
 * Which rules a text can match, found in one pass: the rules' keywords as one expression over the
 * lowercased text, as gitleaks' prefilter does, so an expensive expression runs only where its
 * keyword is. A keyword that holds a shorter one (`sk_live_` holds `sk`) stands for both, and the
 * search moves on one character after each match, so keywords that overlap are all found.
 */
export class KeywordPrefilter {
  readonly #search: RegExp;
  readonly #rulesOf = new Map<string, SecretRule[]>();

  constructor(rules: readonly SecretRule[]) {
    const keywords = [...new Set(rules.flatMap((rule) => rule.keywords))].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    for (const keyword of keywords) {
      const matching = rules.filter((rule) => rule.keywords.some((own) => keyword.includes(own)));
      this.#rulesOf.set(keyword, matching);
    }
    this.#search = new RegExp(keywords.map((keyword) => keyword.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("|"), "g");
  }

  /** The rules whose keywords are in `text`, in the order of the rule file. */
  rulesFor(text: string, order: ReadonlyMap<SecretRule, number>): SecretRule[] {
    const found = new Set<SecretRule>();
    const lower = text.toLowerCase();
    const search = this.#search;
    search.lastIndex = 0;
    let matches = 0;
    for (let match = search.exec(lower); match; match = search.exec(lower)) {
      // A text dense with keywords costs a match each; past a bound, one search per keyword is cheaper.
      if ((matches += 1) > DENSE) return this.#everyKeyword(lower, order);
      for (const rule of this.#rulesOf.get(match[0]) ?? []) found.add(rule);
      search.lastIndex = match.index + 1;
    }
    return sorted(found, order);
  }

  #everyKeyword(lower: string, order: ReadonlyMap<SecretRule, number>): SecretRule[] {
    const found = new Set<SecretRule>();
    for (const [keyword, rules] of this.#rulesOf) if (lower.includes(keyword)) for (const rule of rules) found.add(rule);
    return sorted(found, order);
  }
}
