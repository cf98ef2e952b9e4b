import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packsInMemory } from "../../scripts/site/build-packs.ts";
import { parseIcs, rfc5545LineProblems } from "../helpers/ics.ts";
import { copyExamples, edit, makeRepo, run } from "../helpers/repo.ts";

const TODAY = "2026-11-22";

/** The examples with an internal asset and an internal contract, each with a date and a canary for a name. */
function withInternalRecords(): string {
  const root = copyExamples();
  writeFileSync(join(root, "clients/harbor-finch/assets/hidden.md"), "---\naudience: internal\nname: CANARY-internal-asset\ntype: hardware\nowner: msp\ndisposition: retrieve\ndispositionDueOn: 2026-12-20\n---\n");
  writeFileSync(
    join(root, "clients/harbor-finch/contracts/side-deal.md"),
    "---\naudience: internal\ntitle: CANARY-internal-contract\ntype: other\nbundled: false\ndisposition: ends\nendDate: 2027-01-15\n---\n",
  );
  return root;
}

describe("handover calendar", async () => {
  const root = withInternalRecords();
  const output = await run(["calendar", "--root", root, "--today", TODAY]);
  const calendar = parseIcs(output.stdout);
  const summaries = calendar.events.map((event) => `${event.start} ${event.summary}`);

  it("writes one RFC 5545 calendar of every client to stdout", () => {
    expect(output).toMatchObject({ code: 0, stderr: "" });
    expect(rfc5545LineProblems(output.stdout)).toEqual([]);
    expect(calendar.name).toBe("Handover dates (internal)");
    expect(new Set(calendar.events.map((event) => event.uid.split("/")[0]))).toEqual(new Set(["harbor-finch", "lakeside-dental"]));
    expect(new Set(calendar.events.map((event) => event.uid)).size).toBe(calendar.events.length);
    expect(calendar.events.every((event) => event.allDay)).toBe(true);
    expect(summaries).toContain("2026-12-15 Harbor & Finch LLP: Our managed services stop");
    expect(summaries).toContain("2026-09-30 Lakeside Family Dental: Our managed services stopped");
  });

  it("holds what is internal: internal records, the checklist's done steps and the blocking steps still open", () => {
    expect(summaries).toContain("2026-12-20 Harbor & Finch LLP: CANARY-internal-asset: collected by us");
    expect(summaries).toContain("2027-01-15 Harbor & Finch LLP: CANARY-internal-contract ends");
    expect(summaries).toContain("2026-10-28 Harbor & Finch LLP: Done: Automated recurring billing cancelled at the merchant service");
    expect(summaries).toContainEqual(expect.stringMatching(/^2026-12-15 Harbor & Finch LLP: \d+ blocking steps still open$/));
    const hidden = calendar.events.find((event) => event.summary.includes("CANARY-internal-asset"))!;
    expect(hidden).toMatchObject({ uid: "harbor-finch/assets/hidden/asset-retrieval@handover", description: "clients/harbor-finch/assets/hidden.md" });
  });

  it("has every event of each client's pack calendar under the same UID, and the pack's calendar none of the internal ones", async () => {
    const { packs } = await packsInMemory(root, [], TODAY);
    for (const pack of packs) {
      const packed = parseIcs(pack.calendar!);
      expect(packed.events.length).toBeGreaterThan(10);
      const mine = new Map(calendar.events.map((event) => [event.uid, event]));
      for (const event of packed.events) expect(mine.get(event.uid)?.start, event.uid).toBe(event.start);
      expect(pack.calendar).not.toMatch(/CANARY|Done:|blocking|step/);
    }
    const packedUids = new Set(packs.flatMap((pack) => parseIcs(pack.calendar!).events.map((event) => event.uid)));
    const internalOnly = calendar.events.filter((event) => !packedUids.has(event.uid)).map((event) => event.uid.replace(/^[^/]+\//, ""));
    expect(internalOnly.filter((uid) => !/\/(step-done|steps-open)@/.test(uid))).toEqual(["assets/hidden/asset-retrieval@handover", "contracts/side-deal/contract-end@handover"]);
  });

  it("makes the same bytes on every run, and lists only the clients named", async () => {
    expect((await run(["calendar", "--root", root, "--today", TODAY])).stdout).toBe(output.stdout);
    const one = parseIcs((await run(["calendar", "lakeside-dental", "--root", root, "--today", TODAY])).stdout);
    expect(new Set(one.events.map((event) => event.uid.split("/")[0]))).toEqual(new Set(["lakeside-dental"]));
  });

  it("lists renewals for the year after --today only", async () => {
    const renewal = async (today: string) => parseIcs((await run(["calendar", "harbor-finch", "--root", root, "--today", today])).stdout).events.some((event) => event.uid === "harbor-finch/assets/domain-harborfinch-law/renewal@handover");
    expect(await renewal("2026-05-09")).toBe(false);
    expect(await renewal("2026-05-10")).toBe(true);
  });

  it("stamps the events with the records' commit date, and outside git with --today", async () => {
    expect(new Set(calendar.events.map((event) => event.stamp))).toEqual(new Set([`${TODAY}T00:00:00Z`]));
    const repo = copyExamples();
    const env = { ...process.env, GIT_AUTHOR_NAME: "T", GIT_AUTHOR_EMAIL: "t@example.com", GIT_COMMITTER_NAME: "T", GIT_COMMITTER_EMAIL: "t@example.com", GIT_AUTHOR_DATE: "2026-10-16T23:30:00Z", GIT_COMMITTER_DATE: "2026-10-16T23:30:00Z" };
    for (const args of [["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", "records"]]) execFileSync("git", args, { cwd: repo, env });
    const stamps = parseIcs((await run(["calendar", "--root", repo, "--today", TODAY])).stdout).events.map((event) => event.stamp);
    expect(new Set(stamps)).toEqual(new Set(["2026-10-16T00:00:00Z"]));
  });

  it("writes --out atomically and says so; writes over its own calendar, never over another file", async () => {
    const dir = makeRepo({});
    const file = join(dir, "msp.ics");
    const written = await run(["calendar", "--root", root, "--today", TODAY, "--out", file]);
    expect(written).toMatchObject({ code: 0, stderr: "", stdout: `wrote ${calendar.events.length} events of 2 clients to ${file}\n` });
    expect(readFileSync(file, "utf8")).toBe(output.stdout);
    expect(readdirSync(dir)).toEqual(["clients", "msp.ics"]);
    expect((await run(["calendar", "--root", root, "--today", "2026-11-23", "--out", file])).code).toBe(0);

    const notes = join(dir, "notes.ics");
    writeFileSync(notes, "BEGIN:VCALENDAR\r\nPRODID:-//Someone//Else//EN\r\nEND:VCALENDAR\r\n");
    const refused = await run(["calendar", "--root", root, "--today", TODAY, "--out", notes]);
    expect(refused).toMatchObject({ code: 2, stderr: expect.stringContaining("exists and is not a calendar written by handover, so it was not overwritten") });
    expect(readFileSync(notes, "utf8")).toBe("BEGIN:VCALENDAR\r\nPRODID:-//Someone//Else//EN\r\nEND:VCALENDAR\r\n");
    expect((await run(["calendar", "--root", root, "--today", TODAY, "--out", dir])).stderr).toContain("is a folder");
  });

  it("is never written where packs are: the packs folder, inside a pack or beside one", async () => {
    const packsFolder = join(root, "handover-packs");
    const elsewhere = makeRepo({});
    mkdirSync(join(elsewhere, "harbor-finch"), { recursive: true });
    writeFileSync(join(elsewhere, "harbor-finch", "manifest.json"), JSON.stringify({ client: "harbor-finch", files: [] }));
    const targets = {
      [join(packsFolder, "msp.ics")]: "in the packs folder",
      [join(packsFolder, "deep", "msp.ics")]: "in the packs folder",
      [join(elsewhere, "harbor-finch", "msp.ics")]: "inside the handover pack of harbor-finch",
      [join(elsewhere, "harbor-finch", "sub", "msp.ics")]: "inside the handover pack of harbor-finch",
      [join(elsewhere, "msp.ics")]: "beside the handover pack of harbor-finch",
    };
    for (const [target, reason] of Object.entries(targets)) {
      const result = await run(["calendar", "--root", root, "--today", TODAY, "--out", target]);
      expect(result, target).toMatchObject({ code: 2, stdout: "", stderr: expect.stringContaining(reason) });
      expect(existsSync(target), target).toBe(false);
    }
  });

  it("writes no calendar, and leaves the file it wrote before, when no client has a date yet", async () => {
    const fresh = makeRepo({});
    expect((await run(["new", "no-dates", "--name", "No Dates Inc", "--root", fresh])).code).toBe(0);
    const printed = await run(["calendar", "--root", fresh, "--today", TODAY]);
    expect(printed).toMatchObject({ code: 0, stdout: "", stderr: expect.stringContaining("no dated event in 1 client yet") });
    const file = join(makeRepo({}), "msp.ics");
    expect((await run(["calendar", "--root", fresh, "--today", TODAY, "--out", file])).code).toBe(0);
    expect(existsSync(file)).toBe(false);
    writeFileSync(file, output.stdout);
    const kept = await run(["calendar", "--root", fresh, "--today", TODAY, "--out", file]);
    expect(kept).toMatchObject({ code: 0, stdout: "", stderr: expect.stringContaining(`${file} was left as it was`) });
    expect(readFileSync(file, "utf8")).toBe(output.stdout);
  });

  it("writes nothing from records with errors, and says which", async () => {
    const broken = copyExamples();
    edit(broken, "clients/harbor-finch/assets/fw-01.md", "dispositionDueOn: 2026-12-16", "dispositionDueOn: 2026-13-16");
    const file = join(makeRepo({}), "msp.ics");
    const result = await run(["calendar", "--root", broken, "--today", TODAY, "--out", file]);
    expect(result).toMatchObject({ code: 1, stdout: "", stderr: expect.stringMatching(/clients\/harbor-finch\/assets\/fw-01\.md:\d+:\d+[\s\S]*The calendar is made from valid records only/) });
    expect(existsSync(file)).toBe(false);
  });
});
