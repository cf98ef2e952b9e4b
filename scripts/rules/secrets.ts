import type { Problem } from "../lib/problems.ts";
import type { LoadedClient } from "../model/types.ts";
import { problemAtOffset } from "../lib/problem-at.ts";
import { scanTexts } from "../secrets/scan.ts";

export const RULE = "no-secrets";

const FIX = "delete it, rotate the credential, and record in access/ who received it and how";

/** A secret found: its problem, and its text, which only redaction ever sees (never output). */
export interface SecretFound {
  problem: Problem;
  secret: string;
}

/** Every secret in the client's records, as a problem at its place; the value is hidden in the message. */
export function checkSecrets(client: LoadedClient): SecretFound[] {
  const texts = client.records.map((record) => record.source.text);
  const hits = scanTexts(texts);
  return client.records.flatMap((record, index) =>
    (hits[index] ?? []).map((hit) => ({
      problem: problemAtOffset(record, hit.start, RULE, `${hit.message}; ${FIX}`),
      secret: record.source.text.slice(hit.start, hit.end),
    })),
  );
}
