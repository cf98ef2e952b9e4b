import { findNodeAtLocation, parse, parseTree, printParseErrorCode, type Node, type ParseError } from "jsonc-parser";
import type { Point, Problem } from "../../lib/problems.ts";
import { exportProblem } from "./export-problem.ts";

export type JsonPath = readonly (string | number)[];

export interface JsonDocument {
  value: unknown;
  /** Where the value at `path` starts, for a problem about it; the text is only indexed when one is asked for. */
  at(path: JsonPath): Point;
}

/**
 * A JSON file, parsed with JSON.parse and a reviver that replaces every value under a secret key
 * by whether it was non-empty (`true`/`false`), so the parsed document never holds a secret.
 * JSON.parse's own error message quotes the text (a secret, perhaps) and gives no position, so a
 * file that fails is parsed again with jsonc-parser only to place the error.
 */
export function parseJsonFile(file: string, text: string, isSecretKey: (key: string) => boolean, reviveObject?: (object: Record<string, unknown>) => void): JsonDocument | Problem {
  let value: unknown;
  try {
    value = JSON.parse(text, function (key, child: unknown) {
      if (key !== "" && Number.isNaN(Number(key)) && isSecretKey(key)) return isPresent(child);
      if (reviveObject && typeof child === "object" && child !== null && !Array.isArray(child)) reviveObject(child as Record<string, unknown>);
      return child;
    });
  } catch {
    const errors: ParseError[] = [];
    parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors[0];
    const what = first
      ? printParseErrorCode(first.error)
          .replace(/([a-z])([A-Z])/g, "$1 $2")
          .toLowerCase()
      : "invalid";
    return exportProblem(file, pointAt(text, first?.offset ?? 0), `this file is not valid JSON (${what} here); export it again. It was not read`);
  }
  let tree: Node | undefined;
  return {
    value,
    at(path) {
      tree ??= parseTree(text);
      const node = tree ? findNodeAtLocation(tree, [...path]) : undefined;
      return pointAt(text, node?.offset ?? 0);
    },
  };
}

/** Whether a value counts as set: not null, not blank, not an empty list or object. */
export function isPresent(value: unknown): boolean {
  if (value === null || value === undefined || value === false) return false;
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === "object") return Object.keys(value).length > 0;
  return true;
}

function pointAt(text: string, offset: number): Point {
  let line = 1;
  let lineStart = 0;
  for (let at = 0; at < offset && at < text.length; at += 1) {
    const char = text.charCodeAt(at);
    if (char === 0x0a || (char === 0x0d && text.charCodeAt(at + 1) !== 0x0a)) {
      line += 1;
      lineStart = at + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
