import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { RULE_DESCRIPTIONS } from "../../scripts/report/rule-descriptions.ts";
import { formatSarif, rulesPage } from "../../scripts/report/sarif.ts";
import { CLIENT_MD, copyExamples, makeRepo, record, run } from "../helpers/repo.ts";
import { problem } from "../helpers/problem.ts";

const ajv = new Ajv.default({ allErrors: true });
addFormats.default(ajv);
const validSarif = ajv.compile(JSON.parse(readFileSync(new URL("../fixtures/sarif/sarif-schema-2.1.0.json", import.meta.url), "utf8")));

/** Parses a SARIF log and fails with ajv's errors when it does not match the OASIS schema. */
function parsedSarif(text: string) {
  const log = JSON.parse(text);
  expect(validSarif(log) ? [] : validSarif.errors).toEqual([]);
  return log as {
    runs: {
      tool: { driver: { name: string; rules: { id: string; shortDescription: { text: string }; helpUri: string }[] } };
      results: { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number } } }[] }[];
    }[];
  };
}

const PAGE = "https://github.example/acme/handover/blob/0123456789abcdef0123456789abcdef01234567/docs/rules.md";

describe("sarif report", () => {
  it("writes one schema-valid result per problem, with its rule, level, message and position", () => {
    const problems = [problem(), problem({ file: "clients/t/docs/wifi.md", line: 12, column: 1, severity: "warning", rule: "freshness", message: "old" })];
    const [run] = parsedSarif(formatSarif(problems, PAGE)).runs;
    expect(run?.results).toHaveLength(2);
    expect(run?.results[1]).toEqual({
      ruleId: "freshness",
      ruleIndex: run?.tool.driver.rules.findIndex((rule) => rule.id === "freshness"),
      level: "warning",
      message: { text: "old" },
      locations: [{ physicalLocation: { artifactLocation: { uri: "clients/t/docs/wifi.md", uriBaseId: "%SRCROOT%" }, region: { startLine: 12, startColumn: 1 } } }],
    });
    expect(run?.results[0]).toMatchObject({ ruleId: "schema", level: "error" });
  });

  it("describes every rule, with help on its own section of docs/rules.md", () => {
    const [run] = parsedSarif(formatSarif([], PAGE)).runs;
    expect(run?.results).toEqual([]);
    expect(run?.tool.driver.name).toBe("handover");
    const rules = run?.tool.driver.rules ?? [];
    expect(rules.map((rule) => rule.id)).toEqual(Object.keys(RULE_DESCRIPTIONS).sort());
    expect(rules.find((rule) => rule.id === "no-secrets")).toEqual({ id: "no-secrets", shortDescription: { text: RULE_DESCRIPTIONS["no-secrets"] }, helpUri: `${PAGE}#no-secrets` });
  });

  it("stays valid for a rule it has no description of", () => {
    const [run] = parsedSarif(formatSarif([problem({ rule: "new-rule" })], PAGE)).runs;
    const index = run?.results[0]?.ruleIndex ?? -1;
    expect(run?.tool.driver.rules[index]).toMatchObject({ id: "new-rule", helpUri: `${PAGE}#new-rule` });
  });

  it("escapes file names into URIs that lead back to the file", () => {
    const file = "clients/t/docs/a b#1%?ü\n.md";
    const [run] = parsedSarif(formatSarif([problem({ file })], PAGE)).runs;
    const uri = run?.results[0]?.locations[0]?.physicalLocation.artifactLocation.uri ?? "";
    expect(uri).not.toMatch(/[ #?\n]/);
    expect(decodeURIComponent(uri)).toBe(file);
  });

  it("points at a toolkit file outside the checked root by its file URI", () => {
    const [run] = parsedSarif(formatSarif([problem({ client: undefined, file: "/opt/handover/playbook.yml", rule: "playbook" })], PAGE)).runs;
    expect(run?.results[0]?.locations[0]?.physicalLocation.artifactLocation).toEqual({ uri: "file:///opt/handover/playbook.yml" });
  });
});

describe("the rules' help page", () => {
  it("is docs/rules.md on GitHub at the commit checked, in GitHub Actions", () => {
    const env = { GITHUB_SERVER_URL: "https://github.com", GITHUB_REPOSITORY: "acme-msp/handover", GITHUB_SHA: "0123456789abcdef0123456789abcdef01234567" };
    expect(rulesPage(env)).toBe("https://github.com/acme-msp/handover/blob/0123456789abcdef0123456789abcdef01234567/docs/rules.md");
  });

  it.each([
    { GITHUB_SERVER_URL: "https://github.com/x?y=", GITHUB_REPOSITORY: "acme/handover", GITHUB_SHA: "0123456789abcdef0123456789abcdef01234567" },
    { GITHUB_SERVER_URL: "https://github.com", GITHUB_REPOSITORY: "acme/../x y", GITHUB_SHA: "0123456789abcdef0123456789abcdef01234567" },
    { GITHUB_SERVER_URL: "https://github.com", GITHUB_REPOSITORY: "acme/handover", GITHUB_SHA: "main" },
    {},
  ])("is the toolkit's own copy otherwise: %j", (env) => {
    const page = rulesPage(env);
    expect(page).toMatch(/^file:\/\/.*\/docs\/rules\.md$/);
    expect(readFileSync(fileURLToPath(page), "utf8")).toContain("## no-secrets");
  });

  it("has a section for every rule, as the rules table of docs/architecture.md lists them", () => {
    const ids = Object.keys(RULE_DESCRIPTIONS).sort();
    const docs = (name: string) => readFileSync(new URL(`../../docs/${name}`, import.meta.url), "utf8");
    expect([...docs("rules.md").matchAll(/^## (\S+)$/gm)].map((match) => match[1]).sort()).toEqual(ids);
    const table = docs("architecture.md").split("## Rules")[1]?.split("\n## ")[0] ?? "";
    expect([...table.matchAll(/^\| `([a-z-]+)` \|/gm)].map((match) => match[1]).sort()).toEqual(ids);
  });

  it("describes every rule id the code reports under", () => {
    const scripts = fileURLToPath(new URL("../../scripts/", import.meta.url));
    const constants = ["rules/structure.ts", "rules/schema.ts", "rules/references.ts", "rules/notice-period.ts", "rules/contract-dates.ts", "rules/backup-restore-section.ts", "rules/risk-acknowledgement.ts", "rules/secrets.ts", "rules/internal-heading.ts", "rules/doc-links.ts", "rules/scaffold-todo.ts", "playbook/load-playbook.ts", "pack/load-branding.ts", "derive/readiness.ts", "derive/backup-continuity.ts", "derive/freshness.ts", "derive/future-dates.ts", "derive/to-decide.ts", "derive/acceptance-tag.ts", "import/sources/export-problem.ts"]
      .map((module) => /export const RULE = "([a-z-]+)"/.exec(readFileSync(`${scripts}${module}`, "utf8"))?.[1]);
    const loader = [...readFileSync(`${scripts}load/load-client.ts`, "utf8").matchAll(/problem\([^;]*, "([a-z-]+)"\)\);/g)].map((match) => match[1]);
    expect(loader).toEqual(["file-encoding", "frontmatter", "markdown-limits"]);
    expect([...new Set([...constants, ...loader])].sort()).toEqual(Object.keys(RULE_DESCRIPTIONS).sort());
  });
});

const SECRET = "Summer2024!Harbor";

describe("--format sarif", () => {
  it("reports what validate finds, one result per problem, with no secret's value", async () => {
    const root = makeRepo({
      "clients/a/client.md": CLIENT_MD.replace("status: active", "status: activ"),
      "clients/a/docs/firewall.md": record("title: Firewall\nlastVerified: 2026-11-01", `# Firewall\n\nAdmin password: ${SECRET}\n`),
    });
    const json = JSON.parse((await run(["validate", "--root", root, "--format", "json"])).stdout) as { problems: { rule: string; file: string; line: number; column: number }[] };
    const result = await run(["validate", "--root", root, "--format", "sarif"]);
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).not.toContain(SECRET);
    expect(result.stdout).not.toContain("Summer2024");
    const [sarif] = parsedSarif(result.stdout).runs;
    expect(sarif?.results.map((found) => [found.ruleId, found.locations[0]?.physicalLocation.artifactLocation.uri, found.locations[0]?.physicalLocation.region.startLine])).toEqual(
      json.problems.map((found) => [found.rule, found.file, found.line]),
    );
    expect(sarif?.results.map((found) => found.ruleId).sort()).toEqual(["no-secrets", "schema"]);
  });

  it("reports what check finds, the same bytes every run", async () => {
    const root = copyExamples();
    const args = ["check", "--root", root, "--today", "2026-12-20"];
    const json = JSON.parse((await run([...args, "--format", "json"])).stdout) as { problems: unknown[] };
    const first = await run([...args, "--format", "sarif"]);
    const second = await run([...args, "--format", "sarif"]);
    expect(first.code).toBe(1);
    expect(second.stdout).toBe(first.stdout);
    const [sarif] = parsedSarif(first.stdout).runs;
    expect(json.problems.length).toBeGreaterThan(5);
    expect(sarif?.results).toHaveLength(json.problems.length);
    expect(sarif?.results.filter((found) => found.ruleId === "readiness" && found.level === "error").length).toBeGreaterThan(0);
  });

  it("writes an empty, valid log when no client is in scope", async () => {
    const root = makeRepo({ "clients/a/client.md": CLIENT_MD });
    const result = await run(["validate", "--root", root, "--shard", "2/2", "--format", "sarif"]);
    expect(result.code).toBe(0);
    expect(parsedSarif(result.stdout).runs[0]?.results).toEqual([]);
  });

  it("is refused by build, which reports a failed build rather than findings", async () => {
    const root = makeRepo({ "clients/a/client.md": CLIENT_MD });
    expect(await run(["build", "--root", root, "--out", `${root}/out`, "--format", "sarif"])).toMatchObject({ code: 2, stderr: expect.stringContaining("--format must be one of text, json, github") });
  });
});

describe("the workflow's code-scanning upload", () => {
  it("is commented out, and once uncommented uploads the log that check writes", () => {
    const workflow = readFileSync(new URL("../../.github/workflows/handover.yml", import.meta.url), "utf8");
    type Step = { run?: string; uses?: string; with?: Record<string, string> };
    const steps = (text: string) => (parse(text) as { jobs: { check: { steps: Step[] } } }).jobs.check.steps;
    expect(steps(workflow).some((step) => step.uses?.startsWith("github/codeql-action/upload-sarif"))).toBe(false);
    // Only the commented steps' lines: `      # - if:` and the lines indented under them.
    const uncommented = workflow.replace(/^( {6})# ((?:- |  ).*)$/gm, "$1$2");
    const enabled = steps(uncommented);
    const upload = enabled.find((step) => step.uses?.startsWith("github/codeql-action/upload-sarif@"));
    const writer = enabled.find((step) => step.run?.includes("--format sarif"));
    expect(upload?.with?.sarif_file).toBe("handover.sarif");
    expect(writer?.run).toContain("> handover.sarif");
    expect(enabled.indexOf(writer as Step)).toBe(enabled.indexOf(upload as Step) - 1);
  });
});
