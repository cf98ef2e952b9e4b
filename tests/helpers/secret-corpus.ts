import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { createRng } from "../../bench/generate.ts";

const FIXTURES = new URL("../fixtures/secrets/", import.meta.url);

const CLASSES: Record<string, string> = {
  N: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
  A: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
  L: "abcdefghijklmnopqrstuvwxyz",
  U: "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
  D: "0123456789",
  H: "0123456789abcdef",
  X: "0123456789ABCDEF",
  n: "abcdefghijklmnopqrstuvwxyz0123456789",
  u: "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
  B: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",
  W: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-",
  S: "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567",
  C: "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L",
};

/** A line of the corpus, filled in: its text and where each secret in it is. */
export interface CorpusLine {
  family: string;
  text: string;
  secrets: { start: number; end: number }[];
}

/** The true positives, each `{{…}}` filled from a seeded generator, so every run sees the same values. */
export function truePositives(seed = 12): CorpusLine[] {
  const random = createRng(seed);
  const pick = (alphabet: string) => alphabet[Math.floor(random.next() * alphabet.length)] as string;
  const fill = (template: string) =>
    template.replace(/\{\{(UUID|[A-Za-z])(\d*)\}\}/g, (_, name: string, length: string) => {
      if (name === "UUID") return [8, 4, 4, 4, 12].map((size) => Array.from({ length: size }, () => pick(CLASSES.H as string)).join("")).join("-");
      const alphabet = CLASSES[name];
      if (!alphabet) throw new Error(`unknown class ${name} in ${template}`);
      return Array.from({ length: Number(length) }, () => pick(alphabet)).join("");
    });
  const families = parse(readFileSync(new URL("true-positives.yaml", FIXTURES), "utf8")) as { family: string; lines: string[] }[];
  return families.flatMap(({ family, lines }) =>
    lines.map((template) => {
      let text = "";
      const secrets: { start: number; end: number }[] = [];
      for (const part of fill(template).split(/(⟪|⟫)/)) {
        if (part === "⟪") secrets.push({ start: text.length, end: -1 });
        else if (part === "⟫") (secrets.at(-1) as { end: number }).end = text.length;
        else text += part;
      }
      if (secrets.length === 0 || secrets.some((secret) => secret.end < secret.start)) throw new Error(`no ⟪secret⟫ marked in ${template}`);
      return { family, text, secrets };
    }),
  );
}

export function trueNegatives(): string[] {
  return parse(readFileSync(new URL("true-negatives.yaml", FIXTURES), "utf8")) as string[];
}
