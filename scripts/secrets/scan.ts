import { lintSource } from "@secretlint/core";
import { secretLintProfiler } from "@secretlint/profiler";
import { rules as recommendedRules } from "@secretlint/secretlint-rule-preset-recommend";

/**
 * Each rule of the recommended preset, less its comment filter: a `secretlint-disable` comment
 * written in a record must not switch the scan off. (The preset ignores `disabled` for its own rules.)
 */
const CONFIG = {
  rules: recommendedRules
    .filter((rule) => rule.meta.id !== "@secretlint/secretlint-rule-filter-comments")
    .map((rule) => ({ id: rule.meta.id, rule })),
};

// secretlint records a performance mark per rule and file by default; across a repository that
// costs more than the scan itself, and nothing here reads the profile.
secretLintProfiler.setEnabled(false);

/**
 * `password: …`, `PIN code = …`, `the Wi-Fi password is …`, `Password - …`, `Alarm PIN 4821`: keyword,
 * an optional noun and note, separator, value. A bare space separates only straight after the
 * keyword, as its own branch tried last: "the password for the server is X" must reach `is` rather
 * than stop at "server"; and only before a value with a digit, as a password's is (looksLikeSecret),
 * which keeps most prose from matching at all. A dash separates only before a space, since
 * "PIN-protected" is one word. A `|` separates a table's cells: `| Wi-Fi password | … |`.
 * Digits may end in punctuation ("PIN 4821."), which is not part of them. Each repeat is bounded or
 * stops at a character no keyword holds, so a hostile line costs linear time.
 */
const CREDENTIAL_LINE =
  /\b(passwords?|passwd|passphrase|pwd|pw|pass|passcode|pin|psk|(?:wpa2?|wi-?fi|wireless|network|security) key|(?:alarm|door|gate|safe|lock|keypad|access) code)\b(?:[ \t]+(?:code|number)\b)?(?:[ \t]*\([^)\n]{0,80}\))?(?:(?:[ \t]+(?:for|of|on|to)[ \t]+[^:=\n]{1,30}?)?[ \t]*(:|=|\bis\b|\bwas\b|[-\u2013\u2014](?=[ \t])|\|)|[ \t](?=[ \t]*[^\s"'`]*\d))[ \t]*(?:"([^"\n]{1,80})"|'([^'\n]{1,80})'|`([^`\n]{1,80})`|(\d[\d -]{2,}\d)(?=[.,;:!?]*(?!\S))|([^\s"'`]+))/gi;

/**
 * `Admin login: admin / Summer2024!`, `credentials admin:Summer2024!`, `Username/password: admin /
 * Summer2024!`: a user name alone is no secret, so these words count only before a
 * `user / password` or `user:password` pair, and the finding is the password. `(?!\/)` keeps
 * `https://…` from reading as user `https`; the user name is bounded, so `login-login-…` is not
 * retried to the end of the line from every keyword.
 */
const LOGIN_PAIR =
  /\b(?:log-?in|logon|sign-?in|credentials?|creds|user(?:name)?[ \t]*\/[ \t]*pass(?:word)?)\b(?:[ \t]*\([^)\n]{0,80}\))?[ \t]*(?:[:=]|[-\u2013\u2014](?=[ \t]))?[ \t]*[^\s:/"'`]{1,64}(?:[ \t]*\/[ \t]*|:)(?!\/)([^\s"'`]+)/gi;

/**
 * What may follow a value written without `:` or `=` for it to be one: the end of the line or of a
 * clause. "Alarm PIN 4821" and "…, password Hunter2024" end there; "PSK 2024 rotation" and
 * "Network key 802.1x with NPS" are prose that goes on.
 */
const CLAUSE_END = /^[.,;:!?"')\]]*(?:[ \t]*$|[ \t]*[,;(])/;

/** `2026-11-01`, `11/01/2026`: a date after a keyword says when, never what. */
const DATE = /^(?:\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})$/;

/** Words that say where a credential is, rather than what it is. */
const NOT_A_SECRET = new Set([
  "see", "stored", "kept", "in", "n/a", "na", "none", "tbd", "redacted", "handed", "shared", "via", "held",
  "given", "changed", "reset", "rotated", "set", "unknown", "removed", "required", "managed", "not", "no",
  "yes", "true", "false", "the", "a", "an", "with", "on", "by", "from", "sent", "transferred", "-", "—",
  "itglue", "1password", "bitwarden", "keeper", "lastpass", "dashlane", "hudu", "passportal", "vault",
  "manager", "share", "envelope", "sealed", "safe", "client's", "their", "our", "your", "printed",
  "written", "documented", "provided", "available", "emailed", "texted", "enabled", "disabled",
]);

/** A secret found in a text: where it is, and what the scan calls it. The value itself is the caller's to slice and never goes into `message`. */
export interface SecretHit {
  start: number;
  end: number;
  /** What was found, for a problem's message: "possible secret (github token, 40 characters, hidden here)". */
  message: string;
}

/**
 * Every secret in each text, in the order of the texts. secretlint costs far more per call than per
 * character, so the texts are scanned as one and each finding is mapped back to its text. The
 * separator holds a NUL, which no record can contain (the loader refuses it) and no rule's pattern
 * admits; a finding that still runs past its text's end is not trusted, and the texts it touches
 * are scanned again one by one.
 */
export async function scanTexts(texts: readonly string[]): Promise<SecretHit[][]> {
  const hits = await secretlintHits(texts);
  texts.forEach((text, index) => (hits[index] as SecretHit[]).push(...credentialLines(text)));
  return hits;
}

async function secretlintHits(texts: readonly string[]): Promise<SecretHit[][]> {
  const starts: number[] = [];
  let content = "";
  for (const text of texts) {
    starts.push(content.length);
    content += `${text}${SEPARATOR}`;
  }
  const alone = new Set<number>();
  const batch: Finding[] = [];
  for (const message of await secretlint(content)) {
    const index = textAt(starts, message.range[0]);
    const start = starts[index] as number;
    if (message.range[1] > start + (texts[index] as string).length) {
      for (let touched = index; touched <= textAt(starts, message.range[1] - 1); touched += 1) alone.add(touched);
    } else {
      batch.push({ index, range: [message.range[0] - start, message.range[1] - start], messageId: message.messageId });
    }
  }
  const found = batch.filter((finding) => !alone.has(finding.index));
  for (const index of alone) {
    for (const message of await secretlint(texts[index] as string)) found.push({ index, range: message.range, messageId: message.messageId });
  }
  const hits: SecretHit[][] = texts.map(() => []);
  for (const { index, range, messageId } of found) {
    const kind = messageId.toLowerCase().replace(/_/g, " ");
    (hits[index] as SecretHit[]).push({ start: range[0], end: range[1], message: `possible secret (${kind}, ${range[1] - range[0]} characters, hidden here)` });
  }
  return hits;
}

interface Finding {
  index: number;
  range: readonly [number, number];
  messageId: string;
}

async function secretlint(content: string) {
  const result = await lintSource({
    source: { filePath: "records.md", content, ext: ".md", contentType: "text" },
    options: { config: CONFIG, maskSecrets: true, noPhysicFilePath: true },
  });
  return result.messages;
}

const SEPARATOR = "\n\0\n";

/** Index of the text that holds `offset`: the last start at or before it. */
function textAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((starts[middle] as number) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

function credentialLines(text: string): SecretHit[] {
  const hits: SecretHit[] = [];
  const found = (offset: number, name: string, value: string) =>
    hits.push({ start: offset, end: offset + value.length, message: `this looks like a ${name} written into the record (${value.length} characters, hidden here)` });
  const endsClause = (end: number) => {
    const lineEnd = text.indexOf("\n", end);
    return CLAUSE_END.test(text.slice(end, lineEnd === -1 ? text.length : lineEnd));
  };
  for (const match of text.matchAll(CREDENTIAL_LINE)) {
    // No separator group: the bare-space branch matched ("Alarm PIN 4821").
    const [whole, keyword = "", separator = " ", ...values] = match;
    const quoted = values.slice(0, 3).find((value) => value !== undefined);
    const digits = values[3];
    const value = quoted ?? digits ?? values[4] ?? "";
    // `Username/password: admin / …` names the user first: LOGIN_PAIR finds the password.
    if (/user(?:name)?[ \t]*\/[ \t]*$/i.test(text.slice(Math.max(0, (match.index ?? 0) - 24), match.index))) continue;
    // "pass" is also a verb ("pass 4821 to the next shift"), so it needs a real separator.
    if (separator === " " && (/^pass$/i.test(keyword) || !endsClause((match.index ?? 0) + whole.length))) continue;
    if (DATE.test(value.replace(/[.,;:!?]+$/, ""))) continue;
    if (!(digits || (quoted !== undefined && quoted.trim().length >= 4) || looksLikeSecret(separator, value))) continue;
    found((match.index ?? 0) + whole.lastIndexOf(value), /^pin$/i.test(keyword) ? "PIN" : keyword.toLowerCase(), value);
  }
  for (const match of text.matchAll(LOGIN_PAIR)) {
    const password = match[1] ?? "";
    const end = (match.index ?? 0) + match[0].length;
    if (looksLikeSecret("/", password) && endsClause(end)) found(end - password.length, "password", password);
  }
  return hits;
}

function looksLikeSecret(separator: string, value: string): boolean {
  const word = value.toLowerCase().replace(/[.,;:!?]+$/, "");
  if (word.length < 4 || NOT_A_SECRET.has(word)) return false;
  if (/^[<([{#]/.test(value) || /^[*x]+$/i.test(word)) return false;
  // "The password is stored in…" is prose; "the password is Summer2024!" is a secret.
  if (/^(is|was)$/i.test(separator)) return /[\d\W_]/.test(word);
  // After a space, a dash or a user name the next word is most often prose ("password policy",
  // "Password - ask the office", "login: local/domain"), so only a password-shaped word counts:
  // letters with digits, but not a count such as "90-day" or a short name such as "M365".
  if (!/^[:=]$/.test(separator)) return word.length >= 6 && /\d/.test(word) && /[a-z]/.test(word) && !/^\d+-?[a-z]+$/.test(word);
  return true;
}
