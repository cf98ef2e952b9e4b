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
  return [...(await secretlintFindings(client.records)), ...client.records.flatMap(credentialLines)];
}

/**
 * secretlint costs far more per call than per character, so a client's records are scanned as one
 * text and each finding is mapped back to its record. The separator holds a NUL, which no record
 * can contain (the loader refuses it) and no rule's pattern admits; a finding that still runs past
 * its record's end is not trusted, and the records it touches are scanned again one by one.
 */
async function secretlintFindings(records: readonly LoadedRecord[]): Promise<Problem[]> {
  const starts: number[] = [];
  let content = "";
  for (const record of records) {
    starts.push(content.length);
    content += `${record.source.text}${SEPARATOR}`;
  }
  const alone = new Set<number>();
  const batch: Finding[] = [];
  for (const message of await secretlint(content)) {
    const index = recordAt(starts, message.range[0]);
    const start = starts[index] as number;
    if (message.range[1] > start + (records[index] as LoadedRecord).source.text.length) {
      for (let touched = index; touched <= recordAt(starts, message.range[1] - 1); touched += 1) alone.add(touched);
    } else {
      batch.push({ index, range: [message.range[0] - start, message.range[1] - start], messageId: message.messageId });
    }
  }
  const found = batch.filter((finding) => !alone.has(finding.index));
  for (const index of alone) {
    for (const message of await secretlint((records[index] as LoadedRecord).source.text)) found.push({ index, range: message.range, messageId: message.messageId });
  }
  return found.map(({ index, range, messageId }) => {
    const kind = messageId.toLowerCase().replace(/_/g, " ");
    return problemAtOffset(records[index] as LoadedRecord, range[0], RULE, `possible secret (${kind}, ${range[1] - range[0]} characters, hidden here); ${FIX}`);
  });
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

/** Index of the record whose text holds `offset`: the last start at or before it. */
function recordAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((starts[middle] as number) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
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
