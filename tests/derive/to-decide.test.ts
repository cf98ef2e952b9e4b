import { describe, expect, it } from "vitest";
import { copyExamples, edit, makeRepo, record, run } from "../helpers/repo.ts";

const check = async (root: string, slug: string, today: string) => {
  const result = await run(["check", slug, "--root", root, "--today", today, "--format", "json"]);
  return { code: result.code, problems: JSON.parse(result.stdout).problems as { file: string; line: number; column: number; severity: string; rule: string; message: string }[] };
};

const CLIENT = record("name: Acme Dental\nstatus: active\naccountLead:\n  name: Dana Lead");
const ASSET = record("name: Front-office firewall\ntype: hardware\nowner: to-decide\ndisposition: to-decide");
const ACCESS = record("system: Fortinet firewall\naccount: admin\ntype: firewall\nhandedTo: to-decide\nmethod: to-decide\nhandedOn: to-decide\nmfa: true");
const ISSUE = record("ticket: T-1\ntitle: Printer offline\nseverity: to-decide\ndisposition: to-decide\ncoverage: to-decide\nrisk: to-decide");
const DOC = record("title: Network\nlastVerified: to-decide");

describe("to-decide", () => {
  it("validates, and lists every field still to decide as an open step at that field, naming the choices", async () => {
    const root = makeRepo({ "clients/acme/client.md": CLIENT, "clients/acme/assets/fw.md": ASSET, "clients/acme/access/fw-admin.md": ACCESS, "clients/acme/issues/t-1.md": ISSUE, "clients/acme/docs/network.md": DOC });
    expect(await run(["validate", "--root", root])).toMatchObject({ code: 0 });
    const { code, problems } = await check(root, "acme", "2026-11-22");
    expect(code).toBe(0);
    expect(problems.every((problem) => problem.rule === "to-decide" && problem.severity === "warning")).toBe(true);
    expect(problems.map((problem) => `${problem.file.replace("clients/acme/", "")}:${problem.line}:${problem.column} ${problem.message}`)).toEqual([
      "access/fw-admin.md:5:11 open step: decide `handedTo` in access/fw-admin.md; it is still `to-decide` and services have no stop date yet",
      "access/fw-admin.md:6:9 open step: decide `method` in access/fw-admin.md: one of `password-manager-share`, `in-person`, `sealed-envelope`, `phone`, `client-reset`; it is still `to-decide` and services have no stop date yet",
      "access/fw-admin.md:7:11 open step: decide `handedOn` in access/fw-admin.md; it is still `to-decide` and services have no stop date yet",
      "assets/fw.md:4:8 open step: decide `owner` in assets/fw.md: one of `client`, `msp`, `leased`; it is still `to-decide` and services have no stop date yet",
      "assets/fw.md:5:14 open step: decide `disposition` in assets/fw.md: one of `stays`, `retrieve`, `transfer-ownership`, `decommission`; it is still `to-decide` and services have no stop date yet",
      "docs/network.md:3:15 open step: decide `lastVerified` in docs/network.md; it is still `to-decide` and services have no stop date yet",
      "issues/t-1.md:4:11 open step: decide `severity` in issues/t-1.md: one of `low`, `medium`, `high`, `critical`; it is still `to-decide` and services have no stop date yet",
      "issues/t-1.md:5:14 open step: decide `disposition` in issues/t-1.md: one of `work-before-end`, `close-with-note`, `hand-over`; it is still `to-decide` and services have no stop date yet",
      "issues/t-1.md:6:11 open step: decide `coverage` in issues/t-1.md: one of `ending-contract`, `billable`; it is still `to-decide` and services have no stop date yet",
      "issues/t-1.md:7:7 open step: decide `risk` in issues/t-1.md; it is still `to-decide` and services have no stop date yet",
    ]);
  });

  it("is an error once services have stopped", async () => {
    const root = copyExamples();
    edit(root, "clients/harbor-finch/assets/fw-01.md", /^owner: .*$/m, "owner: to-decide");
    const before = await check(root, "harbor-finch", "2026-11-22");
    expect(before.problems.filter((p) => p.rule === "to-decide")).toEqual([expect.objectContaining({ severity: "warning", file: "clients/harbor-finch/assets/fw-01.md" })]);
    const after = await check(root, "harbor-finch", "2026-12-16");
    expect(after.code).toBe(1);
    expect(after.problems.filter((p) => p.rule === "to-decide")).toEqual([expect.objectContaining({ severity: "error", message: expect.stringContaining("services stopped on 2026-12-15") })]);
  });

  it("counts as not recorded for the playbook: an access handed over `to-decide` is not done", async () => {
    const root = copyExamples();
    edit(root, "clients/lakeside-dental/access/godaddy.md", /^handedOn: .*$/m, "handedOn: to-decide");
    const { code, problems } = await check(root, "lakeside-dental", "2026-11-22");
    expect(code).toBe(1);
    expect(problems.map((p) => p.rule).sort()).toEqual(["readiness", "to-decide"]);
    expect(problems.find((p) => p.rule === "readiness")?.message).toMatch(/^blocking step `access-handed-over:godaddy` .*record access\/godaddy.md handedOn/);
  });

  it("is no date: a handover date still to decide is not in the future, and the facts it requires are not required yet", async () => {
    const root = makeRepo({ "clients/acme/client.md": CLIENT, "clients/acme/access/fw-admin.md": record("system: Firewall\naccount: admin\ntype: firewall\nhandedOn: to-decide") });
    const { problems } = await check(root, "acme", "2026-11-22");
    expect(problems.map((p) => p.rule)).toEqual(["to-decide"]);
  });

  it("is refused where a field cannot be left undecided", async () => {
    const root = makeRepo({ "clients/acme/client.md": CLIENT, "clients/acme/assets/fw.md": record("name: Firewall\ntype: to-decide\nowner: client\ndisposition: stays") });
    const result = await run(["validate", "--root", root, "--format", "json"]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).problems).toEqual([expect.objectContaining({ rule: "schema", message: expect.stringMatching(/^`type` must be one of `hardware`/) })]);
  });
});
