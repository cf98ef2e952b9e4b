import { isAbsolute } from "node:path";
import { pathToFileURL } from "node:url";
import { compareText, type Problem } from "../lib/problems.ts";
import { RULE_DESCRIPTIONS } from "./rule-descriptions.ts";

/** The OASIS schema of SARIF 2.1.0 with its approved errata, the version code scanning reads. */
const SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
const RULES_PAGE = "docs/rules.md";

/**
 * The page each rule's help links to. In GitHub Actions it is docs/rules.md on GitHub at the
 * commit checked, so the help matches the code that found the problem; elsewhere it is this
 * toolkit's own copy. A help URI must be absolute, so a relative link is no option.
 */
export function rulesPage(env: Readonly<Record<string, string | undefined>>): string {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_SHA: commit } = env;
  if (server && /^https:\/\/[A-Za-z0-9.-]+(:\d+)?$/.test(server) && repository && /^[\w.-]+\/[\w.-]+$/.test(repository) && commit && /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(commit)) {
    return `${server}/${repository}/blob/${commit}/${RULES_PAGE}`;
  }
  return new URL(`../../${RULES_PAGE}`, import.meta.url).href;
}

/** A problem's file as a URI: relative to the checked root (code scanning's source root), each segment escaped. */
function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  // The toolkit's default playbook or branding, used from outside the data root.
  if (isAbsolute(file)) return { uri: pathToFileURL(file).href };
  return { uri: file.split("/").map(encodeURIComponent).join("/"), uriBaseId: "%SRCROOT%" };
}

/**
 * The problems as a SARIF 2.1.0 log for GitHub code scanning: one result per problem, every rule
 * described with a link to its help. Messages are the ones every format prints, so a secret's
 * value is never in them; no snippet of the file is included. Keys and rules come in a fixed
 * order, so the same problems give the same bytes.
 */
export function formatSarif(problems: readonly Problem[], helpPage: string): string {
  const ids = [...new Set([...Object.keys(RULE_DESCRIPTIONS), ...problems.map((problem) => problem.rule)])].sort(compareText);
  const rules = ids.map((id) => ({
    id,
    shortDescription: { text: RULE_DESCRIPTIONS[id] ?? `The handover rule ${id}.` },
    helpUri: `${helpPage}#${encodeURIComponent(id)}`,
  }));
  const results = problems.map((problem) => ({
    ruleId: problem.rule,
    ruleIndex: ids.indexOf(problem.rule),
    level: problem.severity,
    message: { text: problem.message },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(problem.file), region: { startLine: problem.line, startColumn: problem.column } } }],
  }));
  const log = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    // Columns count UTF-16 code units, as JavaScript strings and the positions of every problem do.
    runs: [{ tool: { driver: { name: "handover", rules } }, columnKind: "utf16CodeUnits", results }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
