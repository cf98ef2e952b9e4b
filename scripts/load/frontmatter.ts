import matter from "gray-matter";
import { CORE_SCHEMA, load as loadPlainYaml } from "js-yaml";
import { createRequire } from "node:module";
import type { Document, Node } from "yaml";

/**
 * The positional YAML parser is needed only for records that are not plain, or to point at a
 * field; it is loaded on first use so that a clean run never pays for it.
 */
let yamlModule: typeof import("yaml") | undefined;
function yaml(): typeof import("yaml") {
  yamlModule ??= createRequire(import.meta.url)("yaml") as typeof import("yaml");
  return yamlModule;
}

/** Frontmatter parsed as YAML 1.2 with every node's position kept, so problems point at the field. */
export interface Frontmatter {
  data: Record<string, unknown>;
  /** The positional document; may be parsed on first use. */
  readonly doc: Document.Parsed;
  /** Offset of the YAML text in the source text. */
  offset: number;
}

export interface FrontmatterIssue {
  offset: number;
  message: string;
}

export interface FrontmatterResult {
  /** Undefined when the frontmatter is unsafe or unreadable; the issues say why. */
  frontmatter: Frontmatter | undefined;
  /** Offset where the Markdown body starts. */
  bodyOffset: number;
  issues: FrontmatterIssue[];
}

const FENCE = "---";
const OPEN_LENGTH = FENCE.length + 1;

function refuse(language: string) {
  return () => {
    throw new Error(`frontmatter language \`${language}\` is not allowed`);
  };
}

/** gray-matter evaluates `---js` blocks with eval; every engine but ours is replaced by one that refuses. */
const SAFE_ENGINES = Object.fromEntries(
  ["js", "javascript", "coffee", "coffeescript", "cson", "json", "toml", "yml"].map((name) => [name, refuse(name)]),
);
/** gray-matter only splits here (the YAML is parsed below, with positions): its own parse is a no-op. */
const SPLIT_ONLY = { language: "yaml", engines: { ...SAFE_ENGINES, yaml: { parse: () => ({}) } } };

export function parseFrontmatter(text: string): FrontmatterResult {
  const firstLineEnd = text.indexOf("\n");
  const firstLine = firstLineEnd === -1 ? text : text.slice(0, firstLineEnd);
  if (firstLine !== FENCE) {
    const message = firstLine.startsWith(FENCE)
      ? `the first line must be exactly \`---\` (found \`${clip(firstLine)}\`); only YAML frontmatter is allowed`
      : "the record has no frontmatter; start the file with a line `---`, then the fields, then a closing line `---`";
    return { frontmatter: undefined, bodyOffset: 0, issues: [{ offset: 0, message }] };
  }

  const close = findClosingFence(text);
  if (close.kind !== "found") {
    const message =
      close.kind === "inexact"
        ? `the closing fence must be exactly \`---\` (found \`${clip(close.line)}\`)`
        : "the frontmatter is never closed; add a line `---` after the last field";
    return { frontmatter: undefined, bodyOffset: text.length, issues: [{ offset: close.offset, message }] };
  }

  const yamlText = text.slice(OPEN_LENGTH, close.offset);
  const bodyOffset = Math.min(text.length, close.offset + OPEN_LENGTH);
  let split: string;
  try {
    const file = matter(text, SPLIT_ONLY);
    split = file.matter.replace(/^\n/, "");
  } catch (error) {
    return { frontmatter: undefined, bodyOffset, issues: [{ offset: 0, message: String((error as Error).message) }] };
  }
  if (split.trimEnd() !== yamlText.trimEnd()) {
    return { frontmatter: undefined, bodyOffset, issues: [{ offset: 0, message: "the frontmatter fences are ambiguous; keep `---` lines only around the fields" }] };
  }
  return { ...parseYamlData(yamlText, OPEN_LENGTH), bodyOffset };
}

type Close = { kind: "found" | "inexact" | "missing"; offset: number; line: string };

function findClosingFence(text: string): Close {
  let start = OPEN_LENGTH;
  while (start <= text.length) {
    const end = text.indexOf("\n", start);
    const line = text.slice(start, end === -1 ? text.length : end);
    if (line === FENCE) return { kind: "found", offset: start, line };
    if (line.trimEnd() === FENCE || /^---\s*\S/.test(line)) return { kind: "inexact", offset: start, line };
    if (end === -1) break;
    start = end + 1;
  }
  return { kind: "missing", offset: text.length, line: "" };
}

const YAML_OPTIONS = { version: "1.2", schema: "core", uniqueKeys: true, merge: false, prettyErrors: false } as const;

/**
 * YAML that cannot hold an anchor, alias, tag, directive, complex key or `__proto__`: every token
 * that could start one is absent. Anything else takes the full, positional parse.
 */
const MAYBE_HAZARD = /(?:^|[\s[{,])[&*!]\S|^\s*%|^\s*(?:- )*\?(?:\s|$)|^\s*(?:- )*[[{][^\n]*[\]}]\s*:(?:\s|$)|__proto__|\t/m;

/**
 * Parses YAML text that starts at `offset` of a file, with every hazard above refused. Plain YAML
 * (nearly every record) is read by js-yaml's YAML 1.2 core schema, several times faster; the
 * positional document, needed only to point at a field, is then parsed on first use.
 */
export function parseYamlData(yamlText: string, offset: number): Omit<FrontmatterResult, "bodyOffset"> {
  if (!MAYBE_HAZARD.test(yamlText)) {
    let data: unknown;
    try {
      // js-yaml refuses duplicate keys; any refusal gets the full parse and its positioned message.
      data = loadPlainYaml(yamlText, { schema: CORE_SCHEMA });
    } catch {
      data = undefined;
    }
    const plain = data === null || data === undefined ? yamlText.trim() === "" : isPlainObject(data) && !hasNumberLikeText(data);
    if (plain) {
      let doc: Document.Parsed | undefined;
      const frontmatter: Frontmatter = {
        data: (data ?? {}) as Record<string, unknown>,
        offset,
        get doc() {
          doc ??= yaml().parseDocument(yamlText, YAML_OPTIONS);
          return doc;
        },
      };
      return { frontmatter, issues: [] };
    }
  }
  return parseWithPositions(yamlText, offset);
}

/** YAML 1.2 core numbers, which the two parsers resolve slightly differently (`-.5`, `+12`). */
const NUMBER_LIKE = /^[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$|^0[xob]|^[-+]?\.(?:inf|nan)$/i;

function hasNumberLikeText(value: unknown): boolean {
  if (typeof value === "string") return NUMBER_LIKE.test(value);
  if (value !== null && typeof value === "object") return Object.values(value).some(hasNumberLikeText);
  return false;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The full parse: every hazard checked, every node positioned. */
export function parseWithPositions(yamlText: string, offset: number): Omit<FrontmatterResult, "bodyOffset"> {
  const issues: FrontmatterIssue[] = [];
  const at = (position: number) => offset + position;

  const directive = /^%.*$/m.exec(yamlText);
  if (directive) {
    issues.push({ offset: at(directive.index), message: "YAML directives such as `%YAML 1.1` are not allowed in records" });
  }
  const { isAlias, isMap, isScalar, parseDocument, visit } = yaml();
  const doc = parseDocument(yamlText, YAML_OPTIONS);
  // After a syntax error the parser's later errors are mostly echoes of it: show the first, and every duplicate key.
  for (const error of doc.errors.filter((e, index) => index === 0 || e.code === "DUPLICATE_KEY")) {
    issues.push({ offset: at(error.pos[0]), message: yamlErrorMessage(error.code, error.message) });
  }
  // An unresolved tag is reported below, once, with the fix.
  for (const warning of doc.warnings.filter((w) => w.code !== "TAG_RESOLVE_FAILED")) {
    issues.push({ offset: at(warning.pos[0]), message: `YAML: ${firstLine(warning.message)}` });
  }

  visit(doc, {
    Alias(_, node) {
      issues.push({
        offset: at(node.range?.[0] ?? 0),
        message: `YAML alias \`*${node.source}\` is not allowed; write the value out in full`,
      });
    },
    Pair(_, pair) {
      const key = pair.key;
      if (!isScalar(key)) {
        issues.push({ offset: at(nodeStart(key as Node | null)), message: "a key must be a plain name, not a list or mapping" });
      } else if (String(key.value) === "__proto__") {
        issues.push({ offset: at(nodeStart(key)), message: "the key `__proto__` is not allowed" });
      }
    },
    Node(_, node) {
      // Parsed core-schema nodes carry a tag only when the source wrote one (`!!timestamp`, `!foo`).
      if (node.tag && !isAlias(node)) {
        issues.push({
          offset: at(nodeStart(node)),
          message: `YAML tag \`${node.tag.replace("tag:yaml.org,2002:", "!!")}\` is not allowed; write a plain value (dates as YYYY-MM-DD text)`,
        });
      }
    },
  });

  if (doc.contents !== null && !isMap(doc.contents)) {
    issues.push({ offset: at(nodeStart(doc.contents)), message: "the frontmatter must be a set of `key: value` fields" });
  }
  if (issues.length > 0) return { frontmatter: undefined, issues };

  const data = (doc.contents === null ? {} : doc.toJS()) as Record<string, unknown>;
  return { frontmatter: { data, doc, offset }, issues };
}

function nodeStart(node: Node | null | undefined): number {
  return node?.range?.[0] ?? 0;
}

function yamlErrorMessage(code: string, message: string): string {
  if (code === "DUPLICATE_KEY") return "this key appears twice in the frontmatter; keep one";
  return `YAML: ${firstLine(message)}`;
}

function firstLine(message: string): string {
  return message.split("\n")[0] ?? message;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Offset, in the source text, of the node at `path`; its key when `part` is "key". Falls back to the nearest parent. */
export function locate(frontmatter: Frontmatter, path: readonly (string | number)[], part: "key" | "value" = "value"): number {
  const { isCollection, isMap, isPair, isScalar } = yaml();
  let node: unknown = frontmatter.doc.contents;
  let best = nodeStart(node as Node | null);
  for (let i = 0; i < path.length; i += 1) {
    if (!isCollection(node)) break;
    const segment = path[i];
    const pair = isMap(node)
      ? node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment))
      : undefined;
    const last = i === path.length - 1;
    if (isMap(node)) {
      if (!pair || !isPair(pair)) break;
      if (last && part === "key") return frontmatter.offset + nodeStart(pair.key as Node);
      node = pair.value;
      best = nodeStart((pair.value ?? pair.key) as Node);
    } else {
      node = node.items[Number(segment)];
      if (!node) break;
      best = nodeStart(node as Node);
    }
  }
  return frontmatter.offset + best;
}
