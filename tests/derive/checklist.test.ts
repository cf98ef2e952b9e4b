import { describe, expect, it } from "vitest";
import { deriveChecklist } from "../../scripts/derive/checklist.ts";
import { renderChecklist } from "../../scripts/render/checklist-markdown.ts";
import type { Playbook } from "../../scripts/model/playbook.generated.ts";
import { loadPlaybook } from "../../scripts/playbook/load-playbook.ts";
import { makeRepo, record, validateFiles } from "../helpers/repo.ts";

const PLAYBOOK: Playbook = {
  phases: [
    { id: "admin", title: "Admin" },
    { id: "tech", title: "Tech" },
  ],
  steps: [
    { id: "memo", phase: "admin", owner: "account-lead", title: "Memo sent", evidence: [{ field: "client.whatsNextMemoSentOn" }], blocking: true },
    {
      id: "retrieve",
      phase: "tech",
      owner: "tech",
      title: "Retrieve our hardware",
      forEach: "asset",
      when: { field: "asset.owner", equals: "msp" },
      evidence: [{ field: "asset.dispositionDoneOn" }],
      after: ["memo"],
      blocking: true,
    },
  ],
};

const CLIENT = (status: string, memo = "") =>
  record(`name: T\nstatus: ${status}\naccountLead: { name: D }\nending: { initiatedBy: client, reason: in-house }
notice: { date: 2026-10-01, inWriting: true, periodDays: 30 }\nservicesStop: 2026-11-30\nprimaryContact: { name: P }
successor: { type: in-house, company: T }\ntransition: { supportedBy: msp }${memo}`);
const ASSET = (id: string, owner: string, done = "") =>
  [`assets/${id}.md`, record(`name: ${id}\ntype: hardware\nowner: ${owner}\ndisposition: retrieve\ndispositionDueOn: 2026-12-01${done}`)] as const;

const checklistOf = async (files: Record<string, string>) => {
  const { model, problems } = await validateFiles(files);
  expect(problems).toEqual([]);
  return deriveChecklist(model, PLAYBOOK);
};

describe("deriveChecklist", () => {
  it("repeats forEach steps for the records `when` accepts, in playbook then file order", async () => {
    const checklist = await checklistOf(Object.fromEntries([["client.md", CLIENT("offboarding")], ASSET("fw-02", "msp"), ASSET("fw-01", "msp"), ASSET("pc", "client")]));
    expect(checklist.items.map((item) => [item.id, item.done])).toEqual([
      ["memo", false],
      ["retrieve:fw-01", false],
      ["retrieve:fw-02", false],
    ]);
    expect(checklist.phases.map((phase) => phase.items.length)).toEqual([1, 2]);
  });

  it("ticks a step only from recorded evidence, and shows it", async () => {
    const checklist = await checklistOf(Object.fromEntries([["client.md", CLIENT("offboarding", "\nwhatsNextMemoSentOn: 2026-10-02")], ASSET("fw-01", "msp", "\ndispositionDoneOn: 2026-12-02")]));
    expect(checklist.items.every((item) => item.done)).toBe(true);
    expect(checklist.items[0]?.evidence).toEqual([expect.objectContaining({ field: ["whatsNextMemoSentOn"], value: "2026-10-02" })]);
  });

  it("says what is missing and what a step waits on", async () => {
    const checklist = await checklistOf(Object.fromEntries([["client.md", CLIENT("offboarding")], ASSET("fw-01", "msp")]));
    const retrieve = checklist.items[1];
    expect(retrieve?.missing).toEqual([{ fact: expect.objectContaining({ field: ["dispositionDoneOn"] }), test: { field: "asset.dispositionDoneOn" } }]);
    expect(retrieve?.missing[0] && "fact" in retrieve.missing[0] && retrieve.missing[0].fact.record?.id).toBe("fw-01");
    expect(retrieve?.waitingOn).toEqual(["memo"]);
  });

  it("shows what to change for `not` and `present: false` evidence", async () => {
    const { model } = await validateFiles(Object.fromEntries([["client.md", CLIENT("offboarding", "\nwhatsNextMemoSentOn: 2026-10-02")], ASSET("fw-01", "msp", "\nagents: [{ type: rmm, product: Ninja }]")]));
    const playbook: Playbook = {
      phases: [{ id: "tech", title: "Tech" }],
      steps: [
        { id: "no-agents", phase: "tech", owner: "tech", title: "No agents", forEach: "asset", evidence: [{ field: "asset.agents", present: false }], blocking: true },
        { id: "not-memo", phase: "tech", owner: "tech", title: "Not memo", evidence: [{ not: { field: "client.whatsNextMemoSentOn" } }], blocking: true },
      ],
    };
    const text = renderChecklist(model, deriveChecklist(model, playbook));
    expect(text).toContain("- [ ] **No agents**: fw-01 (`assets/fw-01.md`) — tech · blocking — `no-agents:fw-01`\n  - to record: assets/fw-01.md agents left empty");
    expect(text).toContain("- [ ] **Not memo** — tech · blocking — `not-memo`\n  - to record: client.md whatsNextMemoSentOn left empty");
  });

  // A leased copier that simply stays in the office must not show a retrieval step to the client.
  it.each([
    ["leased", "stays", false],
    ["msp", "stays", false],
    ["leased", "retrieve", true],
    ["msp", "transfer-ownership", true],
    ["client", "retrieve", false],
  ])("with the default playbook, hardware owned by %s whose disposition is %s has a retrieval step: %s", async (owner, disposition, listed) => {
    const { model, problems } = await validateFiles({
      "client.md": CLIENT("offboarding"),
      "assets/copier.md": record(`name: Copier\ntype: hardware\nowner: ${owner}\ndisposition: ${disposition}\ndispositionDueOn: 2026-12-01`),
    });
    expect(problems).toEqual([]);
    const { playbook } = loadPlaybook(makeRepo({}));
    const ids = deriveChecklist(model, playbook!).items.map((item) => item.id);
    expect(ids.includes("hardware-retrieval:copier")).toBe(listed);
  });

  it("has no steps for a client that has not given notice", async () => {
    const checklist = await checklistOf({ ...Object.fromEntries([ASSET("fw-01", "msp")]) });
    expect(checklist.items).toEqual([]);
  });
});
