import type { SecretHit } from "./secret-hit.ts";

/**
 * The words for a credential, English first, then those of the languages an MSP's clients write
 * in (German, Dutch, French, Spanish, Portuguese, Scandinavian, Finnish, Polish, Italian, Czech):
 * a record is not always written in English.
 */
const KEYWORDS = String.raw`passwords?|passwd|passphrase|pwd|p\/w|pw|pass|passcode|pin|psk|combination|(?:pre-?shared|wpa2?|wi-?fi|wireless|network|security) key|(?:alarm|door|gate|safe|lock|keypad|access|entry|master|arming|disarm|building|garage|panel) code|keypad|(?:backup|recovery) codes?|passw(?:o|ö)rt|kennwort|wachtwoord|mot de passe|contrase(?:ñ|n)a|senha|passord|adgangskode|l(?:ö|o)senord|salasana|has(?:ł|l)o|parola|heslo`;

/**
 * Where a keyword starts and ends: at no letter or digit. Not `\b`, for which `_` is a letter, so
 * that `_Password_:` (Markdown emphasis) is the keyword too.
 */
const WORD_START = "(?<![A-Za-z0-9])";
const WORD_END = "(?![A-Za-z0-9])";

/** Markdown's emphasis around a keyword or its separator: `**Password:** …`, `_PIN_: …`. */
const EMPHASIS = String.raw`[*_]{0,2}`;

/**
 * How techs write a credential into prose: `password: …`, `PIN code = …`, `the Wi-Fi password is …`,
 * `Password - …`, `Alarm PIN 4821`, `passphrase set to …`: keyword, an optional noun and note,
 * separator, value. A bare space separates only straight after the keyword, as its own branch tried
 * last: "the password for the server is X" must reach `is` rather than stop at "server"; and only
 * before a quoted value or one with a digit, as a password's is (looksLikeSecret), which keeps most
 * prose from matching at all. A dash separates only before a space, since "PIN-protected" is one
 * word. A `|` separates a table's cells: `| Wi-Fi password | … |`. Digits may end in punctuation
 * ("PIN 4821."), which is not part of them. Each repeat is bounded or stops at a character no
 * keyword holds, so a hostile line costs linear time.
 */
const CREDENTIAL_LINE = new RegExp(
  String.raw`${WORD_START}(${KEYWORDS})${WORD_END}(?:[ \t]+(?:code|number)\b)?(?:[ \t]*\([^)\n]{0,80}\))?(?:(?:[ \t]+(?:for|of|on|to)[ \t]+[^:=\n]{1,30}?)?[ \t]*${EMPHASIS}(:|=|-+>|=>|\bis (?:now|still)\b|\bis\b|\bwas\b|\bist\b|\best\b|\b(?:set|changed|reset) to\b|[-\u2013\u2014](?=[ \t])|\|)${EMPHASIS}|[ \t](?=[ \t]*(?:["'\x60]|[^\s"'\x60]*\d)))[ \t]*(?:"([^"\n]{1,80})"|'([^'\n]{1,80})'|\x60([^\x60\n]{1,80})\x60|(#?\d[\d -]{2,}\d[#*]?)(?=[.,;:!?]*(?!\S))|([^\s"'\x60]+))`,
  "gi",
);

/**
 * `Admin login: admin / Summer2024!`, `credentials admin:Summer2024!`, `Username/password: admin /
 * Summer2024!`, `Local admin on the NAS: nasadmin / Gr33nF!eld#`: a user name alone is no secret,
 * so these words count only before a `user / password` or `user:password` pair, and the finding is
 * the password. `(?!\/)` keeps `https://…` from reading as user `https`; the user name is bounded,
 * so `login-login-…` is not retried to the end of the line from every keyword.
 */
const LOGIN_PAIR =
  /\b(?:log-?in|logon|sign-?in|credentials?|creds|user(?:name)?[ \t]*\/[ \t]*pass(?:word)?|(?:(?:local|domain|global|site|tenant|device|default)[ \t])?(?:admin(?:istrator)?|root|account))\b(?:[ \t]+(?:on|for|of|at|to)[ \t]+[^:=\n]{1,40}?)?(?:[ \t]*\([^)\n]{0,80}\))?(?:[ \t]*(?:[:=]|[-\u2013\u2014](?=[ \t]))[ \t]*|[ \t]+)[^\s:/"'`]{1,64}(?:[ \t]*\/[ \t]*|:)(?!\/)([^\s"'`]+)/gi;

/**
 * A note between the keyword and the `:` that CREDENTIAL_LINE's short "for the server" does not
 * cover: `temp pw while Mara is away: …`, `Veeam config backup encryption password (2025): …`.
 * Any words may stand there, so only a password-shaped value counts (looksLikeSecret after a
 * space): "Password policy for staff: 14 characters" stays prose.
 */
const WORDS_THEN_COLON = new RegExp(String.raw`${WORD_START}(${KEYWORDS})${WORD_END}((?:[ \t]+[^\s:=]{1,30}){1,6}?)[ \t]*${EMPHASIS}[:=]${EMPHASIS}[ \t]*([^\s"'\x60]+)`, "gi");

/** `user nasadmin pass Gr33nF!eld#`, `login: reception, pw Welcome#2026`: a user, then the keyword, then its value. */
const USER_THEN_PASS = /\b(?:log-?in|logon|user(?:name)?|account)\b[ \t]*:?[ \t]*[^\s:/"'`]{1,64}[ \t]*[,;]?[ \t]+(?:pass(?:word)?|pwd|pw)\b[ \t]*:?[ \t]*([^\s"'`]+)/gi;

/**
 * A key or secret named by what it unlocks: `Key: …`, `Encryption key: …`, `Wi-Fi key = …`,
 * `client secret is …`. `Key` alone is as often "Key contact" or "Key: see below", so only a
 * password-shaped value counts; a public key is no secret.
 */
const SHAPED_KEY = new RegExp(String.raw`${WORD_START}(?<!\bpublic[ \t]{1,3})(?:(?:(?:encryption|decryption|wi-?fi|wireless|licen[cs]e|product|api|access|recovery|bitlocker|ssh|backup|master)[ \t]+)?key|(?:client[ \t]+)?secret)${WORD_END}[ \t]*${EMPHASIS}(?:[:=]|\bis\b)${EMPHASIS}[ \t]*([^\s"'\x60]+)`, "gi");

/**
 * A key named and given with no separator: `API key 9f9a…`, `client secret 8e9a…`. With nothing
 * between them, only a long random-looking value counts: `API key rotation` is prose.
 */
const BARE_KEY = new RegExp(String.raw`${WORD_START}(?:api[ \t]+key|access[ \t]+key|secret[ \t]+key|client[ \t]+secret|app[ \t]+secret)${WORD_END}[ \t]+([^\s"'\x60]{16,200})`, "gi");

/** Letters and digits mixed as a generated token's are: three digits or more, and no word of five letters. */
const RANDOM = (value: string) => /^[\w+/=.-]+$/.test(value) && (value.match(/\d/g)?.length ?? 0) >= 3 && /[a-z]/i.test(value) && !/[a-z]{5,}/i.test(value);

/**
 * `iDRAC: root / …`, `Wi-Fi: HarborGuest / …`, `admin / …`: a name, a spaced slash, and a
 * password, with no keyword to go by. Only a strong password counts (STRONG), as "Building A /
 * Floor 2" is an address.
 */
const USER_SLASH = new RegExp(String.raw`${WORD_START}[A-Za-z][\w.@\\-]{0,63}[ \t]+\/[ \t]+([^\s"'\x60]{8,100})`, "g");

/** Lowercase, uppercase, a digit and a symbol, eight characters or more: a password, not a word. */
const STRONG = (value: string) => value.length >= 8 && /[a-z]/.test(value) && /[A-Z]/.test(value) && /\d/.test(value) && /[!#$%^&*+=?~@]/.test(value);

/** A code, as a PIN or alarm code is written: `4821`, `#4455`, `1234*`, `12-34-56`. */
const CODE = /^#?\d[\d -]{2,}\d[#*]?$/;

/**
 * A keyword alone on its line, the value alone on the next or after one blank line: two
 * paragraphs, a list item's, a definition list read once its markup is gone (`Password` /
 * `Gr33nF!eld#`). Only a
 * password-shaped value counts, as a next line is as often a heading's text.
 */
const KEYWORD_LINE = new RegExp(String.raw`^[ \t]*(?:[-*+][ \t]+)?${EMPHASIS}(?:${KEYWORDS})${EMPHASIS}[ \t]*:?${EMPHASIS}[ \t]*\n(?:[ \t]*\n)?[ \t]*(?:[-*][ \t]+)?${EMPHASIS}([^\s"'\x60]{1,200}?)${EMPHASIS}[ \t]*$`, "gim");

/**
 * What may follow a value written without `:` or `=` for it to be one: the end of the line or of a
 * clause. "Alarm PIN 4821" and "…, password Hunter2024" end there; "PSK 2024 rotation" and
 * "Network key 802.1x with NPS" are prose that goes on.
 */
const CLAUSE_END = /^[.,;:!?"')\]]*(?:[ \t]*$|[ \t]*[,;(])/;

const REST = 160;

/** After a code: "PIN 4821 for the front door", "code 7319 to disarm". */
const FOR_WHAT = /^[ \t]+(?:for|to|on|at|of)[ \t]/i;

/** `2026-11-01`, `11/01/2026`: a date after a keyword says when, never what. */
const DATE = /^(?:\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})$/;

/** Words that say where a credential is, rather than what it is. */
export const NOT_A_SECRET = new Set([
  "see", "stored", "kept", "in", "n/a", "na", "none", "tbd", "redacted", "handed", "shared", "via", "held",
  "given", "changed", "reset", "rotated", "set", "unknown", "removed", "required", "managed", "not", "no",
  "yes", "true", "false", "the", "a", "an", "with", "on", "by", "from", "sent", "transferred", "-", "—",
  "itglue", "1password", "bitwarden", "keeper", "lastpass", "dashlane", "hudu", "passportal", "vault",
  "manager", "share", "envelope", "sealed", "safe", "client's", "their", "our", "your", "printed",
  "written", "documented", "provided", "available", "emailed", "texted", "enabled", "disabled",
]);

/** Credentials written in prose, each as a hit on its value. */
export function credentialPhrases(text: string): SecretHit[] {
  const hits: SecretHit[] = [];
  const found = (offset: number, rule: string, name: string, value: string) =>
    hits.push({ start: offset, end: offset + value.length, rule, message: `this looks like a ${name} written into the record (${value.length} characters, hidden here)` });
  // What follows a match on its line, as far as CLAUSE_END and FOR_WHAT look: bounded, so a
  // single long line is not searched to its end once per match.
  const rest = (end: number) => text.slice(end, end + REST).split("\n", 1)[0] as string;
  for (const match of text.matchAll(CREDENTIAL_LINE)) {
    // No separator group: the bare-space branch matched ("Alarm PIN 4821").
    const [whole, keyword = "", separator = " ", ...values] = match;
    const quoted = values.slice(0, 3).find((value) => value !== undefined);
    const digits = values[3];
    const value = quoted ?? digits ?? values[4] ?? "";
    const end = (match.index ?? 0) + whole.length;
    // `Username/password: admin / …` names the user first: LOGIN_PAIR finds the password.
    if (/user(?:name)?[ \t]*\/[ \t]*$/i.test(text.slice(Math.max(0, (match.index ?? 0) - 24), match.index))) continue;
    if (separator === " ") {
      // "pass" is also a verb ("pass 4821 to the next shift"), but not after a user ("user pass …").
      if (/^pass$/i.test(keyword) && !/\b(?:user|login)[ \t]+$/i.test(text.slice(Math.max(0, (match.index ?? 0) - 12), match.index))) continue;
      const after = rest(end);
      const ends = CLAUSE_END.test(after) || (digits !== undefined && FOR_WHAT.test(after)) || (quoted !== undefined && /[\d\W_]/.test(quoted.replace(/ /g, "")));
      if (!ends) continue;
    }
    if (DATE.test(value.replace(/[.,;:!?]+$/, ""))) continue;
    if (!(digits || (quoted !== undefined && quoted.trim().length >= 4) || looksLikeSecret(separator, value))) continue;
    const name = /^pin$/i.test(keyword) ? "PIN" : keyword.toLowerCase();
    found((match.index ?? 0) + whole.lastIndexOf(value), "credential-phrase", name, value);
  }
  for (const [pattern, rule, accepts] of [
    [WORDS_THEN_COLON, "credential-phrase", shaped],
    [USER_THEN_PASS, "login-pair", shaped],
    [KEYWORD_LINE, "credential-phrase", (value: string) => CODE.test(value) || shaped(value)],
    [SHAPED_KEY, "credential-phrase", shaped],
    [USER_SLASH, "login-pair", STRONG],
    [BARE_KEY, "credential-phrase", RANDOM],
  ] as const) {
    for (const match of text.matchAll(pattern)) {
      const value = match.at(-1) ?? "";
      const end = (match.index ?? 0) + match[0].length;
      if (accepts(value) && !DATE.test(value) && (pattern !== USER_SLASH || CLAUSE_END.test(rest(end)))) found((match.index ?? 0) + match[0].lastIndexOf(value), rule, "password", value);
    }
  }
  for (const match of text.matchAll(LOGIN_PAIR)) {
    const password = match[1] ?? "";
    const end = (match.index ?? 0) + match[0].length;
    if (looksLikeSecret("/", password) && CLAUSE_END.test(rest(end))) found(end - password.length, "login-pair", "password", password);
  }
  return hits;
}

/** A value shaped as a password is after a space: what looksLikeSecret asks where any words may come first. */
const shaped = (value: string) => looksLikeSecret(" ", value);

/** Whether a value after a credential's keyword and this separator is one, rather than prose about it. */
export function looksLikeSecret(separator: string, value: string): boolean {
  const word = value.toLowerCase().replace(/[.,;:!?]+$/, "");
  if (word.length < 4 || NOT_A_SECRET.has(word)) return false;
  if (/^[<([{#]/.test(value) || /^[*x]+$/i.test(word)) return false;
  // "The password is stored in…" is prose; "the password is Summer2024!" is a secret.
  if (/^(is|was)$/i.test(separator) || /to$/i.test(separator)) return /[\d\W_]/.test(word);
  // After a space, a dash or a user name the next word is most often prose ("password policy",
  // "Password - ask the office", "login: local/domain"), so only a password-shaped word counts:
  // letters with digits, but not a count such as "90-day" or a short name such as "M365".
  if (!/^[:=]$/.test(separator)) return word.length >= 6 && /\d/.test(word) && /[a-z]/.test(word) && !/^\d+-?[a-z]+$/.test(word);
  return true;
}
