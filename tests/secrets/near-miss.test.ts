import { describe, expect, it } from "vitest";
import { scanText, secretRules } from "../../scripts/secrets/scan.ts";
import { truePositives } from "../helpers/secret-corpus.ts";

const SIZE = 256 * 1024;
/**
 * Not a speed target (`npm run bench` measures speed): the line between linear and super-linear.
 * The slowest rule scans 256 KiB of its near-misses in about 45 ms of CPU alone, and in up to
 * 2.5 times that while the whole suite shares two cores; a backtracking expression takes seconds.
 */
const LIMIT_MS = 250;

/** `unit` repeated to 256 KiB. */
const fill = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);

/**
 * What comes close to a rule without being its secret: its keywords alone and run together, the
 * start of a real secret of its family cut short and repeated, and the line around it with the
 * secret halved. Backtracking shows on exactly such text.
 */
function nearMisses(rule: { id: string; keywords: readonly string[] }, lines: ReturnType<typeof truePositives>): string[] {
  const units = rule.keywords.flatMap((keyword) => [keyword, `${keyword} `, `${keyword}=`, `${keyword.toUpperCase()}: "`]);
  for (const { text, secrets } of lines) {
    for (const { start, end } of secrets) {
      const secret = text.slice(start, end);
      units.push(secret.slice(0, Math.ceil(secret.length / 2)), `${text.slice(0, start)}${secret.slice(0, Math.ceil(secret.length / 2))}\n`, secret.slice(0, 8));
    }
  }
  return [...new Set(units)].map(fill);
}

/**
 * The scan's CPU time on this thread, the fastest of three: the scan is synchronous, so this is its
 * own cost, which other processes on a busy machine (or other test files) do not add to as they
 * add to the time on the clock. The process's CPU time would count V8's garbage-collection threads
 * too, which a loaded machine makes slower.
 */
function scanMs(text: string): number {
  let fastest = Infinity;
  for (let run = 0; run < 3; run += 1) {
    const start = process.threadCpuUsage();
    scanText(text);
    const { user, system } = process.threadCpuUsage(start);
    fastest = Math.min(fastest, (user + system) / 1000);
  }
  return fastest;
}

describe("near-misses of every rule", () => {
  const corpus = truePositives();

  it("has a family in the corpus for every rule, so each is tested on both sides", () => {
    const families = new Set(corpus.map((line) => line.family));
    expect(secretRules().map((rule) => rule.id).filter((id) => !families.has(id))).toEqual([]);
  });

  it.each(secretRules().map((rule) => [rule.id, rule] as const))("%s: a 256 KiB record of its near-misses scans in linear time (under 250 ms)", (_, rule) => {
    const lines = corpus.filter((line) => line.family === rule.id);
    const slow = nearMisses(rule, lines)
      .map((text) => ({ unit: text.slice(0, 40), ms: scanMs(text) }))
      .filter(({ ms }) => ms >= LIMIT_MS);
    expect(slow).toEqual([]);
  });

  it.each([
    ["credential phrases", ["password for the server is ", "PIN 4821 for ", "alarm code (", "Admin on the NAS: admin / ", "pw while a b c d e f ", "Password\n", "user a pass ", "**_Password_**", "key: ", "a / ", "Pass\u00ad", "x\u200b", "API key 1a2b3c4d5e6f7a8b "]],
    ["password columns", ["| Device | Password |\n| --- | --- |\n", "| a | b |\n", "|".repeat(64)]],
  ])("%s: a 256 KiB record of near-misses scans in linear time (under 250 ms)", (_, units) => {
    const slow = units.map(fill).map((text) => ({ unit: text.slice(0, 40), ms: scanMs(text) })).filter(({ ms }) => ms >= LIMIT_MS);
    expect(slow).toEqual([]);
  });
});
