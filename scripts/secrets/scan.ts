import { credentialPhrases } from "./credential-phrases.ts";
import { shannonEntropy } from "./entropy.ts";
import { KeywordPrefilter } from "./keyword-prefilter.ts";
import { passwordColumns } from "./password-columns.ts";
import { loadSecretRules, secretRange, type SecretRule } from "./rule-set.ts";
import type { SecretHit } from "./secret-hit.ts";

export type { SecretHit } from "./secret-hit.ts";

interface Scanner {
  rules: SecretRule[];
  order: Map<SecretRule, number>;
  prefilter: KeywordPrefilter;
}

let scanner: Scanner | undefined;

/** The rules, compiled on first use and kept: every later text costs only its scan. */
function compiled(): Scanner {
  if (!scanner) {
    const rules = loadSecretRules();
    scanner = { rules, order: new Map(rules.map((rule, index) => [rule, index])), prefilter: new KeywordPrefilter(rules) };
  }
  return scanner;
}

/** The rules of rules.yaml, as the scanner runs them. */
export function secretRules(): readonly SecretRule[] {
  return compiled().rules;
}

/** Every secret in each text, in the order of the texts. */
export function scanTexts(texts: readonly string[]): SecretHit[][] {
  return texts.map(scanText);
}

/**
 * Every secret in `text`, by position. Where findings overlap, the first rule of the file wins,
 * then the phrase rules: a token's own rule names it better than the generic one, and one secret
 * is reported once.
 */
export function scanText(text: string): SecretHit[] {
  const { prefilter, order } = compiled();
  const hits: SecretHit[] = [];
  for (const rule of prefilter.rulesFor(text, order)) hits.push(...ruleHits(rule, text));
  hits.push(...credentialPhrases(text), ...passwordColumns(text));
  const kept: SecretHit[] = [];
  for (const hit of hits) {
    if (!kept.some((other) => hit.start < other.end && other.start < hit.end)) kept.push(hit);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function ruleHits(rule: SecretRule, text: string): SecretHit[] {
  const hits: SecretHit[] = [];
  for (const match of text.matchAll(rule.pattern)) {
    const [start, end] = secretRange(match);
    const secret = text.slice(start, end);
    if (rule.entropy !== undefined && shannonEntropy(secret) < rule.entropy) continue;
    if (rule.requireDigit && !(/\d/.test(secret) && /[a-z]/i.test(secret))) continue;
    if (rule.allow.some((allow) => allow.test(secret))) continue;
    hits.push({ start, end, rule: rule.id, message: `possible secret (${rule.description}, ${end - start} characters, hidden here)` });
  }
  return hits;
}
