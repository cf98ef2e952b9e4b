import { describe, expect, it } from "vitest";
import type { ClientPack } from "../../scripts/pack/pack-data.ts";
import { loadPlaybook } from "../../scripts/playbook/load-playbook.ts";
import { packsInMemory } from "../../scripts/site/build-packs.ts";
import { parseIcs } from "../helpers/ics.ts";
import { copyExamples, edit, makeRepo } from "../helpers/repo.ts";

const items = (pack: ClientPack) => pack.checklist.phases.flatMap((phase) => phase.items);

describe("packData", async () => {
  const { packs } = await packsInMemory(copyExamples(), [], "2026-11-22");
  const harbor = packs.find((pack) => pack.slug === "harbor-finch")!;
  const playbook = loadPlaybook(makeRepo({})).playbook!;
  const clientSteps = playbook.steps.filter((step) => step.audience === "client");

  it("tells the timeline in the past tense for what happened by the build date, and on the day it happened", () => {
    const labels = (slug: string) => packs.find((pack) => pack.slug === slug)!.timeline.map((event) => `${event.date} ${event.label}`);
    // Lakeside is handed over: its services stopped before the build date.
    expect(labels("lakeside-dental")).toContain("2026-09-30 Our managed services stopped");
    expect(labels("lakeside-dental").join("\n")).not.toMatch(/ stop$| ends$| takes over/m);
    // Hardware handed over or retired is on the timeline too, on the day it happened.
    expect(labels("lakeside-dental")).toContain("2026-09-30 Front-desk firewall: ownership passed to you");
    expect(labels("lakeside-dental")).toContain("2026-09-08 Panoramic X-ray PC (old): decommissioned");
    // Harbor & Finch is still offboarding: its stop date is still ahead.
    expect(labels("harbor-finch")).toContain("2026-12-15 Our managed services stop");
    expect(labels("harbor-finch")).toContain("2026-12-16 Office firewall: collected by us");
  });

  it("dates a collection on the day it was done, once it is", async () => {
    const root = copyExamples();
    edit(root, "clients/harbor-finch/assets/fw-01.md", "dispositionDueOn: 2026-12-16", "dispositionDueOn: 2026-12-16\ndispositionDoneOn: 2026-11-20");
    const pack = (await packsInMemory(root, ["harbor-finch"], "2026-11-22")).packs[0]!;
    const firewall = pack.timeline.filter((event) => event.label.startsWith("Office firewall"));
    expect(firewall).toEqual([{ date: "2026-11-20", label: "Office firewall: collected by us" }]);
  });

  it("names every checklist step with the playbook's words for the client, never the tech's", () => {
    for (const pack of packs) {
      const titles = items(pack).map((item) => item.title);
      expect(titles.length).toBeGreaterThan(0);
      expect(clientSteps.map((step) => step.clientTitle)).toEqual(expect.arrayContaining([...new Set(titles)]));
      for (const step of clientSteps) expect(titles).not.toContain(step.title);
    }
  });

  it("heads the checklist's phases with the playbook's words for the client, never the tech's", () => {
    for (const pack of packs) {
      const titles = pack.checklist.phases.map((phase) => phase.title);
      expect(titles).toEqual(playbook.phases.map((phase) => phase.clientTitle));
      for (const phase of playbook.phases) expect(titles).not.toContain(phase.title);
    }
  });

  it("names the record a step is about as the client knows it: no ticket number first, no nested brackets", () => {
    const subjects = items(harbor).map((item) => item.subject);
    expect(subjects).toContain("Copier scan-to-email stopped working (ticket T-48227)");
    expect(subjects).toContain("Copier scan-to-email mailbox · scanner@harborfinch.example");
  });

  it("shows no retrieval for leased or our hardware that stays with the client, and keeps it for hardware we collect", () => {
    const copier = harbor.assets.find((asset) => asset.id === "copier")!;
    expect(copier.data).toMatchObject({ owner: "leased", disposition: "stays" });
    const retrieval = clientSteps.find((step) => step.id === "hardware-retrieval")!.clientTitle;
    expect(items(harbor).filter((item) => item.subject === copier.data.name)).toEqual([]);
    expect(items(harbor).filter((item) => item.title === retrieval).map((item) => item.subject)).toEqual(["Backup appliance", "Office firewall"]);
    expect(harbor.timeline.filter((event) => event.label.includes(copier.data.name))).toEqual([]);
  });

  it("says in the timeline who collects each piece of hardware, in words that read well whatever it is called", async () => {
    const collections = (pack: ClientPack) => pack.timeline.filter((event) => event.label.includes("collect"));
    expect(collections(harbor)).toEqual([
      { date: "2026-12-16", label: "Office firewall: collected by us" },
      { date: "2027-01-08", label: "Backup appliance: collected by us" },
    ]);
    // The leasing company collects its copier, not us.
    const root = copyExamples();
    edit(root, "clients/harbor-finch/assets/copier.md", "disposition: stays\n", "disposition: retrieve\ndispositionDueOn: 2028-03-31\n");
    const leased = async () => (await packsInMemory(root, ["harbor-finch"], "2026-11-22")).packs[0]!;
    expect(collections(await leased())).toContainEqual({ date: "2028-03-31", label: "Workroom copier: collected by its owner, Tri-County Office Equipment (lease TCO-22871, ends 2028-03-31)" });
    edit(root, "clients/harbor-finch/assets/copier.md", /^vendor: .*\n/m, "");
    expect(collections(await leased())).toContainEqual({ date: "2028-03-31", label: "Workroom copier: collected by the leasing company or vendor that owns it" });
  });

  it("draws the timeline from the same dates, today marked, every text escaped", async () => {
    const root = copyExamples();
    edit(root, "clients/harbor-finch/client.md", "name: Harbor & Finch LLP", 'name: "Harbor <script>alert(1)</script> & Finch LLP"');
    edit(root, "clients/harbor-finch/contracts/bdr.md", /^title: .*$/m, "title: \"<img src=x onerror=alert(1)> & co\"");
    const pack = (await packsInMemory(root, ["harbor-finch"], "2026-11-22")).packs[0]!;
    const svg = pack.timelineSvg;
    expect(svg).toContain("<title>The handover of Harbor &lt;script&gt;alert(1)&lt;/script&gt; &amp; Finch LLP, as of 2026-11-22</title>");
    expect(svg).toContain(">&lt;img src=x onerror=alert(1)&gt; &amp; co</text>");
    expect(svg).not.toMatch(/<script|<img/);
    expect(svg).toContain(">Today, 2026-11-22</text>");
    for (const event of pack.timeline) expect(svg, event.label).toContain(event.date);
    // The calendar carries the name as text (ICS escaping is the library's), the same events as the timeline.
    const calendar = parseIcs(pack.calendar!);
    expect(calendar.name).toBe("Handover: Harbor <script>alert(1)</script> & Finch LLP");
    expect(calendar.events.map((event) => ({ date: event.start, label: event.summary }))).toEqual(pack.timeline);
  });

  it("keeps the memo's closing apart, so that print can keep the signature with the paragraph before it", () => {
    expect(harbor.memo.closingHtml).toMatch(/^<p>Thank you for working with us\.[\s\S]*<p>Kind regards,<\/p>\s*<p>Dana Okafor<br>\s*Client Success Manager<\/p>\s*$/);
    expect(harbor.memo.html).toContain("Whom to call");
    expect(harbor.memo.html).not.toMatch(/Thank you for working with us|Kind regards/);
  });
});
