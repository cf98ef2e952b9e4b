import { lintSource } from "@secretlint/core";
import { secretLintProfiler } from "@secretlint/profiler";
import { rules as recommendedRules } from "@secretlint/secretlint-rule-preset-recommend";
import type { Problem } from "../lib/problems.ts";
import type { LoadedClient, LoadedRecord } from "../model/types.ts";
import { problemAtOffset } from "../lib/problem-at.ts";

export const RULE = "no-secrets";

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

const FIX = "delete it, rotate the credential, and record in access/ who received it and how";

/** `password: …`, `PIN = …`, `the Wi-Fi password is …`, `alarm code: …`: keyword, separator, value. */
const CREDENTIAL_LINE =
  /\b(passwords?|passwd|passphrase|pwd|pw|pass|passcode|pin|psk|(?:wpa2?|wi-?fi|wireless|network|security) key|(?:alarm|door|gate|safe|lock|keypad|access) code)\b(?:[ \t]*\([^)\n]*\))?(?:[ \t]+(?:for|of|on|to)[ \t]+[^:=\n]{1,30}?)?[ \t]*(:|=|\bis\b|\bwas\b)[ \t]*(?:"([^"\n]{1,80})"|'([^'\n]{1,80})'|`([^`\n]{1,80})`|(\d[\d -]{2,}\d)(?!\S)|([^\s"'`]+))/gi;

/** Words that say where a credential is, rather than what it is. */
const NOT_A_SECRET = new Set([
  "see", "stored", "kept", "in", "n/a", "na", "none", "tbd", "redacted", "handed", "shared", "via", "held",
  "given", "changed", "reset", "rotated", "set", "unknown", "removed", "required", "managed", "not", "no",
  "yes", "true", "false", "the", "a", "an", "with", "on", "by", "from", "sent", "transferred", "-", "—",
  "itglue", "1password", "bitwarden", "keeper", "lastpass", "dashlane", "hudu", "passportal", "vault",
  "manager", "share", "envelope", "sealed", "safe", "client's", "their", "our", "your", "printed",
  "written", "documented", "provided", "available", "emailed", "texted", "enabled", "disabled",
]);

export async function checkSecrets(client: LoadedClient): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const record of client.records) {
    problems.push(...(await secretlintFindings(record)), ...credentialLines(record));
  }
  return problems;
}

async function secretlintFindings(record: LoadedRecord): Promise<Problem[]> {
  const result = await lintSource({
    source: { filePath: record.source.path, content: record.source.text, ext: ".md", contentType: "text" },
    options: { config: CONFIG, maskSecrets: true, noPhysicFilePath: true },
  });
  return result.messages.map((message) => {
    const kind = message.messageId.toLowerCase().replace(/_/g, " ");
    const length = message.range[1] - message.range[0];
    return problemAtOffset(record, message.range[0], RULE, `possible secret (${kind}, ${length} characters, hidden here); ${FIX}`);
  });
}

function credentialLines(record: LoadedRecord): Problem[] {
  const problems: Problem[] = [];
  for (const match of record.source.text.matchAll(CREDENTIAL_LINE)) {
    const [whole, keyword = "", separator = "", ...values] = match;
    const quoted = values.slice(0, 3).find((value) => value !== undefined);
    const digits = values[3];
    const value = quoted ?? digits ?? values[4] ?? "";
    if (!(digits || (quoted !== undefined && quoted.trim().length >= 4) || looksLikeSecret(separator, value))) continue;
    const offset = (match.index ?? 0) + whole.lastIndexOf(value);
    const name = /^pin$/i.test(keyword) ? "PIN" : keyword.toLowerCase();
    problems.push(problemAtOffset(record, offset, RULE, `this looks like a ${name} written into the record (${value.length} characters, hidden here); ${FIX}`));
  }
  return problems;
}

function looksLikeSecret(separator: string, value: string): boolean {
  const word = value.toLowerCase().replace(/[.,;:!?]+$/, "");
  if (word.length < 4 || NOT_A_SECRET.has(word)) return false;
  if (/^[<([{#]/.test(value) || /^[*x]+$/i.test(word)) return false;
  // "The password is stored in…" is prose; "the password is Summer2024!" is a secret.
  if (/^(is|was)$/i.test(separator)) return /[\d\W_]/.test(word);
  return true;
}
