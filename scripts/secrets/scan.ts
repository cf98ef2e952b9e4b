import { credentialPhrases } from "./credential-phrases.ts";
import { shannonEntropy } from "./entropy.ts";
import { KeywordPrefilter } from "./keyword-prefilter.ts";
import { withoutInvisible } from "./invisible.ts";
import { foldLookAlikes } from "./look-alikes.ts";
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
 * is reported once. The rules read the text without its invisible characters (invisible.ts) and
 * with look-alike characters folded (look-alikes.ts); every position points into `text` as given.
 */
export function scanText(original: string): SecretHit[] {
  const visible = withoutInvisible(original);
  if (!visible) return scanVisible(original);
  return scanVisible(visible.text).map((hit) => ({ ...hit, start: visible.origin(hit.start), end: visible.origin(hit.end) }));
}

function scanVisible(original: string): SecretHit[] {
  const { prefilter, order } = compiled();
  const text = foldLookAlikes(original);
  let kept: SecretHit[] = [];
  for (const rule of prefilter.rulesFor(text, order)) kept = keepApart(kept, ruleHits(rule, text));
  for (const hits of [credentialPhrases(text), passwordColumns(text)]) kept = keepApart(kept, hits.sort((a, b) => a.start - b.start));
  return kept;
}

/**
 * `kept` and those of `hits` that overlap none of it, in order of position. Both lists are in
 * order and neither overlaps itself, so one walk over both does: hostile text can give thousands.
 */
function keepApart(kept: readonly SecretHit[], hits: readonly SecretHit[]): SecretHit[] {
  if (hits.length === 0) return kept as SecretHit[];
  const merged: SecretHit[] = [];
  let at = 0;
  for (const hit of hits) {
    while (at < kept.length && (kept[at] as SecretHit).end <= hit.start) merged.push(kept[at++] as SecretHit);
    const next = kept[at];
    const previous = merged.at(-1);
    if ((next && next.start < hit.end) || (previous && previous.end > hit.start)) continue;
    merged.push(hit);
  }
  while (at < kept.length) merged.push(kept[at++] as SecretHit);
  return merged;
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
