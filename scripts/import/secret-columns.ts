/**
 * Columns and fields an import drops before it reads their values: a platform's known secret
 * columns (named by each source), and any whose name says it holds a secret. A name says so when
 * one of its words (or phrases) names a secret and the word after it does not make the column
 * metadata about that secret: `Encryption Passphrase`, `Domain Admin Password 2`, `BitLocker
 * Recovery Key` and `Alarm Code` drop, while `Password Category`, `password_folder_name`,
 * `Token Expires`, `Key Contact` and `Postal Code` are kept. A kept value is still scanned for
 * secrets before it is written, so a name this misses cannot carry a secret across on its own.
 */

/** Words that name a secret wherever they stand in the name. */
const SECRET_WORDS = new Set([
  "password", "passwords", "passwd", "pwd", "pass", "passphrase", "passcode", "pin", "pins", "otp", "totp", "hotp",
  "secret", "secrets", "token", "tokens", "psk", "credential", "credentials", "seed", "cred", "creds",
  "pw", "pws", "apikey", "wifikey", "puk", "mnemonic", "bitlocker", "combination",
  "kennwort", "passwort", "wachtwoord", "contrasena", "senha", "passord", "losenord", "salasana", "haslo", "heslo",
]);

/** Phrases of two or more words that name a secret. */
const SECRET_PHRASES = [["pass", "phrase"], ["one", "time", "password"], ["pre", "shared", "key"], ["private", "key"], ["mot", "de", "passe"], ["community", "string"], ["recovery", "phrase"], ["security", "answer"], ["bit", "locker"]];

/** Words after which `key` means a secret key (`Key Contact` and `Key Dates` do not). */
const KEY_QUALIFIERS = new Set([
  "licence", "license", "product", "serial", "activation", "registration", "install", "cd", "api", "access",
  "secret", "private", "ssh", "recovery", "bitlocker", "encryption", "decryption", "wpa", "wpa2", "wpa3", "wifi", "wi",
  "fi", "network", "wireless", "sas", "storage", "account", "master", "shared", "signing", "app", "application",
  "client", "subscription", "host", "function", "vault", "backup", "restore", "unlock", "escrow", "admin", "root",
]);

/** Words after which `code` means a secret code (`Postal Code` and `Country Code` do not). */
const CODE_QUALIFIERS = new Set([
  "door", "alarm", "gate", "garage", "disarm", "arm", "safe", "lock", "access", "unlock", "recovery", "backup", "puk",
  "security", "entry", "keypad", "verification", "auth", "mfa", "2fa",
]);

/** Words that, right after a secret's name, make the column metadata about it. */
const METADATA_AFTER = new Set([
  "category", "categories", "folder", "type", "kind", "name", "id", "policy", "policies", "expiry", "expires",
  "expiration", "expire", "expired", "age", "length", "changed", "last", "updated", "set", "date", "reset", "rotation",
  "rotated", "manager", "vault", "required", "status", "owner", "label", "count", "enabled", "complexity",
  "url", "location", "holder", "issued", "created", "present", "exists", "managed",
]);

/** Words of a column name, lowercased: `otp_secret` and `API-Key` and `ApiKey` become `otp secret`, `api key`. */
export function columnWords(name: string): string {
  return name
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** How many words from `at` name a secret: 0 when none does. */
function secretTermAt(words: readonly string[], at: number): number {
  for (const phrase of SECRET_PHRASES) if (phrase.every((word, offset) => words[at + offset] === word)) return phrase.length;
  const word = words[at] as string;
  if (SECRET_WORDS.has(word)) return 1;
  const before = words[at - 1];
  if (word === "key" || word === "keys") return words.length === 1 || (before !== undefined && KEY_QUALIFIERS.has(before)) ? 1 : 0;
  if (word === "code" || word === "codes") return before !== undefined && CODE_QUALIFIERS.has(before) ? 1 : 0;
  return 0;
}

/** Whether a column or field of this name may hold a secret, whatever the platform. */
export function isSecretColumn(name: string): boolean {
  const words = columnWords(name).split(" ");
  for (let at = 0; at < words.length; at += 1) {
    const length = secretTermAt(words, at);
    if (length === 0) continue;
    const after = words[at + length];
    if (after === undefined || !METADATA_AFTER.has(after)) return true;
  }
  return false;
}
