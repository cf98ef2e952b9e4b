import { mkdirSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadPlaybook } from "../../scripts/playbook/load-playbook.ts";
import { CLIENT_MD, makeRepo, run } from "../helpers/repo.ts";

const DEFAULT = readFileSync(fileURLToPath(new URL("../../playbook.yml", import.meta.url)), "utf8");

/** A playbook with one phase and the given steps (YAML list items). */
const playbook = (steps: string) => `phases:\n  - id: tech\n    title: Tech\nsteps:\n${steps}`;
const problemsOf = (text: string) => loadPlaybook(makeRepo({ "playbook.yml": text })).problems.map((p) => `${p.line}:${p.column} ${p.message}`);

describe("the default playbook", () => {
  const { playbook: steps, problems, file } = loadPlaybook(makeRepo({}));

  it("is the toolkit's own and is valid", () => {
    expect(problems).toEqual([]);
    expect(file).toMatch(/playbook\.yml$/);
  });

  // Every step of the SOP in seed 001, and the playbook points of seeds 003 and 004.
  it.each([
    ["accounts receivable", "receivables-arranged"],
    ["all work billable and paid in advance: prepaid labour", "prepaid-labour"],
    ["cancel automated recurring billing", "recurring-billing"],
    ["managed-services expiry in the PSA", "psa-expiry"],
    ["other ending contracts expired, unbundled ones re-billed", "contract-ends"],
    ["unbundled services re-billed", "unbundled-billing"],
    ["accounting terms", "accounting-terms"],
    ["newsletter", "newsletter"],
    ["billable removal ticket", "removal-ticket"],
    ["e-mail filtering, MX/DNS and a mail-flow test", "email-filtering"],
    ["summary of issues and tickets", "issues-summary"],
    ["documentation verified", "documentation-verified"],
    ["documentation delivered", "documentation-delivered"],
    ["backup narrative", "backup-narrative"],
    ["open tickets worked or closed with a note", "open-ticket"],
    ["agents removed only when tickets are settled", "agents-removed"],
    ["monitoring documentation", "monitoring-updated"],
    ["managed-services grid", "services-grid"],
    ["time-and-materials expiry", "time-and-materials-expiry"],
    ["invoices paid", "receivables-settled"],
    ["paperwork filed", "paperwork-filed"],
    ["What's-Next memo", "whats-next-memo"],
    ["credentials scrubbed and passed on", "access-handed-over"],
    ["transition support responsibility", "transition-support"],
    ["hardware ownership and retrieval", "hardware-retrieval"],
    ["subscriptions transitioned", "subscription-transition"],
    ["backups kept running until a verified backup or signed release", "backups-continue"],
    ["historical backups", "historical-backups"],
    ["written notice", "written-notice"],
    ["notice period honoured", "notice-period"],
    ["risks acknowledged by signature", "risk-acknowledged"],
  ])("covers %s", (_, id) => {
    expect(steps?.steps.map((step) => step.id)).toContain(id);
  });

  // The client reads these in the pack: an office manager, not a tech.
  it("gives every client step a title for the client in plain words, and only client steps", () => {
    const client = steps?.steps.filter((step) => step.audience === "client") ?? [];
    expect(client.length).toBeGreaterThan(10);
    for (const step of client) {
      expect(step.clientTitle, step.id).toBeDefined();
      expect(step.clientTitle, step.id).not.toBe(step.title);
      expect(step.clientTitle, step.id).not.toMatch(/\b(PSA|MX|DNS|RMM|agents?|tenant|tickets?|narrative|retrieval|transitioned|SOP)\b/i);
    }
    expect(steps?.steps.filter((step) => step.audience !== "client" && step.clientTitle !== undefined)).toEqual([]);
  });

  it("gives every phase with client steps a heading for the client in plain words", () => {
    const phases = (steps?.phases ?? []).filter((phase) => steps?.steps.some((step) => step.phase === phase.id && step.audience === "client"));
    expect(phases.length).toBeGreaterThan(0);
    for (const phase of phases) {
      expect(phase.clientTitle, phase.id).toBeDefined();
      expect(phase.clientTitle, phase.id).not.toMatch(/\b(admin|administration|technical|tech|closing)\b/i);
    }
  });

  it("lets a release go ahead only without the client's acceptance, which names the release", () => {
    expect(steps?.steps.filter((step) => step.afterRelease).map((step) => step.id)).toEqual(["pack-accepted"]);
  });

  it("orders agent removal after the tickets and filing after payment", () => {
    const after = (id: string) => steps?.steps.find((step) => step.id === id)?.after;
    expect(after("agents-removed")).toEqual(["open-ticket"]);
    expect(after("paperwork-filed")).toEqual(["receivables-settled"]);
  });
});

describe("an MSP's own playbook", () => {
  it("in the data root overrides the default", () => {
    const own = playbook("  - id: one\n    phase: tech\n    owner: tech\n    title: One\n    evidence: [{ field: client.name }]\n    blocking: true\n");
    const result = loadPlaybook(makeRepo({ "playbook.yml": own }));
    expect(result).toMatchObject({ file: "playbook.yml", problems: [] });
    expect(result.playbook?.steps.map((step) => step.id)).toEqual(["one"]);
  });

  it("points at a field no schema has, with a suggestion", () => {
    expect(problemsOf(playbook("  - id: one\n    phase: tech\n    owner: tech\n    title: One\n    evidence: [{ field: client.notice.dat }]\n    blocking: true\n"))).toEqual([
      "9:25 `client.notice.dat`: client.notice has no field `dat` — did you mean `date`?",
    ]);
  });

  it("refuses a record field in a step that does not repeat for that kind", () => {
    expect(problemsOf(playbook("  - id: one\n    phase: tech\n    owner: tech\n    title: One\n    evidence: [{ field: asset.owner }]\n    blocking: true\n"))).toEqual([
      "9:25 `asset.owner` reads an asset record, but add `forEach: asset` to repeat the step for each asset",
    ]);
  });

  it("refuses a value the field can never have", () => {
    const text = playbook("  - id: one\n    phase: tech\n    owner: tech\n    title: One\n    forEach: asset\n    when: { field: asset.owner, equals: mps }\n    evidence: [{ field: asset.name }]\n    blocking: true\n");
    expect(problemsOf(text)).toEqual(["10:41 `asset.owner` is never `mps`; it is one of `client`, `msp`, `leased`, `to-decide` — did you mean `msp`?"]);
  });

  it("checks phases, ids and the order of `after`", () => {
    const step = (id: string, extra = "") => `  - id: ${id}\n    phase: tech\n    owner: tech\n    title: T\n    evidence: [{ field: client.name }]\n    blocking: true\n${extra}`;
    const text = playbook(`${step("a", "    after: [b]\n")}${step("b")}${step("b", "    after: [zzz]\n")}`.replace("phase: tech\n    owner: tech\n    title: T\n    evidence: [{ field: client.name }]\n    blocking: true\n    after: [zzz]", "phase: tek\n    owner: tech\n    title: T\n    evidence: [{ field: client.name }]\n    blocking: true\n    after: [zzz]"));
    expect(problemsOf(text)).toEqual([
      "11:13 `after` names `b`, which comes later; list steps in the order they are done",
      "18:9 the step id `b` is used twice",
      "19:12 no phase `tek` — did you mean `tech`?",
      "24:13 `after` names no step `zzz`",
    ]);
  });

  it("asks for a title for the client on a client step, and refuses one on an internal step", () => {
    const step = (id: string, extra: string) => `  - id: ${id}\n    phase: tech\n    owner: tech\n    title: T\n${extra}    evidence: [{ field: client.name }]\n    blocking: true\n`;
    const text = playbook(`${step("shown", "    audience: client\n")}${step("hidden", "    clientTitle: Your step\n")}${step("fine", "    clientTitle: Your step\n    audience: client\n")}`);
    expect(problemsOf(text.replace("    title: Tech\n", "    title: Tech\n    clientTitle: Your systems\n"))).toEqual([
      "10:15 a step with `audience: client` needs a `clientTitle`: the step in plain words, as the client's handover pack shows it",
      "17:18 `clientTitle` is shown only in the client's handover pack, and this step is internal: add `audience: client` or remove it",
    ]);
  });

  it("asks for a heading for the client on a phase with client steps, and only there", () => {
    const step = (extra: string) => `  - id: one\n    phase: tech\n    owner: tech\n    title: T\n${extra}    evidence: [{ field: client.name }]\n    blocking: true\n`;
    expect(problemsOf(playbook(step("    clientTitle: Your step\n    audience: client\n")))).toEqual([
      "2:9 a phase with `audience: client` steps needs a `clientTitle`: its heading in plain words, as the client's handover pack shows it",
    ]);
    expect(problemsOf(playbook(step("")))).toEqual([]);
  });

  it("allows `afterRelease` only on blocking steps, and on every blocking step ordered after one", () => {
    const step = (id: string, extra: string) => `  - id: ${id}\n    phase: tech\n    owner: tech\n    title: T\n    evidence: [{ field: client.name }]\n${extra}`;
    const text = playbook(
      step("accepted", "    blocking: true\n    afterRelease: true\n") +
        step("optional", "    blocking: false\n    afterRelease: true\n") +
        step("filed", "    blocking: true\n    after: [accepted]\n") +
        step("noted", "    blocking: false\n    after: [accepted]\n") +
        step("closed", "    blocking: true\n    afterRelease: true\n    after: [accepted]\n"),
    );
    expect(problemsOf(text)).toEqual([
      "18:19 `afterRelease` lets `handover release` go ahead while a blocking step is open, and this step does not block: remove it",
      "25:13 `after` names `accepted`, which is only done after the release, so this step is too: add `afterRelease: true`",
    ]);
  });

  it("explains schema mistakes at the key", () => {
    // `blockng` is reported as the misspelling of `blocking` (not also as `blocking` missing); `title` is missing.
    const text = playbook("  - id: one\n    phase: tech\n    owner: tech\n    evidence: [{ field: client.name }]\n    blockng: true\n");
    expect(problemsOf(text)).toEqual([
      "5:5 missing `steps[0].title`: What to do, in a few words.",
      "9:5 unknown key `blockng` in `steps[0]` — did you mean `blocking`?",
    ]);
  });

  it("refuses unsafe YAML in the playbook as in records", () => {
    expect(problemsOf("phases: &p []\nsteps: *p\n")).toEqual(["2:8 YAML alias `*p` is not allowed; write the value out in full"]);
  });

  it("is reported by validate, which then fails", async () => {
    const root = makeRepo({ "clients/a/client.md": CLIENT_MD, "playbook.yml": "phases: []\nsteps: []\n" });
    const result = await run(["validate", "--root", root]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("playbook.yml:1:9 error `phases` must");
  });

  it("documents every form of test in the default playbook's header, each one valid", () => {
    const examples = DEFAULT.split("\n").filter((line) => /^#\s+\{/.test(line)).map((line) => line.replace(/^#\s+/, "").replace(/\s{2,}.*$/, ""));
    const forms = examples.map((example) => {
      const test = parse(example) as Record<string, unknown>;
      const steps = `  - id: x\n    phase: tech\n    owner: tech\n    title: X\n    forEach: asset\n    evidence: [${example.replace("contract.type", "asset.type").replace("[bdr, haas]", "[hardware]")}]\n    blocking: true\n`;
      expect(problemsOf(playbook(steps)), example).toEqual([]);
      return Object.keys(test).find((key) => key !== "field") ?? "present";
    });
    expect(new Set(forms)).toEqual(new Set(["present", "equals", "in", "greaterThan", "all", "any", "not"]));
  });

  it("refuses names every JavaScript object has, which are no fields", () => {
    const text = playbook("  - id: one\n    phase: tech\n    owner: tech\n    title: One\n    evidence: [{ field: client.constructor }]\n    blocking: true\n");
    expect(problemsOf(text)).toEqual(["9:25 `client.constructor`: client has no field `constructor`"]);
  });

  it("refuses comparing a group of fields with a value", () => {
    const text = playbook("  - id: one\n    phase: tech\n    owner: tech\n    title: One\n    evidence: [{ field: client.successor, equals: 3 }]\n    blocking: true\n");
    expect(problemsOf(text)).toEqual([expect.stringMatching(/^9:\d+ `client.successor` is a group of fields or a list, so it never equals a single value/)]);
  });

  it.each([
    ["a folder", (path: string) => mkdirSync(path)],
    ["a dangling symlink", (path: string) => symlinkSync("/nonexistent/playbook.yml", path)],
  ])("reports a playbook.yml that is %s instead of falling back or crashing", (_, make) => {
    const root = makeRepo({});
    make(join(root, "playbook.yml"));
    const result = loadPlaybook(root);
    expect(result.playbook).toBeUndefined();
    expect(result.problems).toEqual([expect.objectContaining({ file: "playbook.yml", rule: "playbook" })]);
  });
});
