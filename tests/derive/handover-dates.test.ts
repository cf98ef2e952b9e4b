import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DATE_KINDS, handoverDates, type HandoverDate } from "../../scripts/derive/handover-dates.ts";
import { addDays, addYears } from "../../scripts/lib/dates.ts";
import type { ClientModel } from "../../scripts/model/types.ts";
import { clientDataOf } from "../../scripts/pack/client-view.ts";
import { validateRepository } from "../../scripts/validate-repository.ts";
import { copyExamples, edit } from "../helpers/repo.ts";

async function models(root = copyExamples()): Promise<Record<string, ClientModel>> {
  const { clients, problems } = await validateRepository(root);
  expect(problems.filter((problem) => problem.severity === "error")).toEqual([]);
  return Object.fromEntries(clients.map(({ model }) => [model.slug, model]));
}

const key = (date: HandoverDate) => `${date.date} ${date.kind} ${date.record}`;

describe("handoverDates", async () => {
  const { "harbor-finch": harbor, "lakeside-dental": lakeside } = (await models()) as Record<string, ClientModel>;
  const today = "2026-11-22";

  it("reads every date of the handover from the records where it is recorded", () => {
    for (const model of [harbor!, lakeside!]) {
      const dates = handoverDates(model, today);
      const c = model.case!.data;
      const expected = [
        `${c.notice!.date} notice client`,
        `${addDays(c.notice!.date, c.notice!.periodDays)} notice-period-end client`,
        `${c.servicesStop} services-stop client`,
        `${c.transition!.successorTakesOverOn} successor-takeover client`,
        ...model.contracts.filter(({ data }) => data.disposition === "ends").map(({ id, data }) => `${data.endDate} contract-end contracts/${id}`),
        ...model.assets.filter(({ data }) => data.disposition === "retrieve").map(({ id, data }) => `${data.dispositionDoneOn ?? data.dispositionDueOn} asset-retrieval assets/${id}`),
        ...model.backups.filter(({ data }) => data.transition.ourBackupsStopOn).map(({ id, data }) => `${data.transition.ourBackupsStopOn} backup-cutover backups/${id}`),
        ...model.backups
          .filter(({ data }) => data.transition.historicalBackups?.disposition === "retained")
          .map(({ id, data }) => `${data.transition.historicalBackups!.until} backup-retention-end backups/${id}`),
      ];
      expect(dates.map(key)).toEqual(expect.arrayContaining(expected));
    }
    // Between the two examples, every kind of date occurs.
    const kinds = new Set([...handoverDates(harbor!, today), ...handoverDates(lakeside!, today)].map((date) => date.kind));
    expect([...kinds].sort()).toEqual([...DATE_KINDS].sort());
  });

  it("gives the harbor-finch example's dates, in order, in the pack's words", () => {
    expect(handoverDates(harbor!, today).map((date) => `${key(date)}: ${date.present}`)).toEqual([
      "2026-10-15 notice client: Notice given in writing",
      "2026-10-20 memo-sent client: What's-Next memo sent",
      "2026-12-14 notice-period-end client: The notice period ends",
      "2026-12-15 successor-takeover client: Northpoint IT takes over support",
      "2026-12-15 services-stop client: Our managed services stop",
      "2026-12-15 contract-end contracts/antivirus: Antivirus (SentinelOne) ends",
      "2026-12-15 contract-end contracts/email-filtering: E-mail filtering (Mimecast) ends",
      "2026-12-15 contract-end contracts/managed-services: Managed Services Agreement ends",
      "2026-12-16 contract-end contracts/haas: Firewall as a Service ends",
      "2026-12-16 asset-retrieval assets/fw-01: Office firewall: collected by us",
      "2026-12-31 contract-end contracts/bdr: Backup and Disaster Recovery Agreement ends",
      "2027-01-08 asset-retrieval assets/bdr-01: Backup appliance: collected by us",
      "2027-02-01 renewal assets/clio: Clio Manage (practice management) renews",
      "2027-03-01 renewal assets/m365: Microsoft 365 tenant renews",
      "2027-05-09 renewal assets/domain-harborfinch-law: harborfinch.law renews",
      '2027-06-15 backup-retention-end backups/m365-backup: Last day we keep the old copies of "Microsoft 365 backup (mail, OneDrive, SharePoint, Teams)"',
    ]);
  });

  it("lists renewals from today to a year on, and none before or after", () => {
    const renewals = (on: string) => handoverDates(harbor!, on).filter((date) => date.kind === "renewal").map((date) => `${date.date} ${date.record}`);
    // harborfinch.law renews on 2027-05-09: a year ahead is out, a day less is in.
    expect(renewals("2026-05-09")).not.toContain("2027-05-09 assets/domain-harborfinch-law");
    expect(renewals("2026-05-10")).toContain("2027-05-09 assets/domain-harborfinch-law");
    // On its renewal day it is still listed; the day after, that date is past.
    expect(renewals("2027-05-09")).toEqual(["2027-05-09 assets/domain-harborfinch-law"]);
    expect(renewals("2027-05-10")).toEqual([]);
    // Every listed renewal lies in [today, today + 1 year).
    for (const date of handoverDates(lakeside!, today).filter((entry) => entry.kind === "renewal")) {
      expect(date.date >= today && date.date < addYears(today, 1)).toBe(true);
    }
    // Harbor & Finch's renewals lie from 2027-02-01 on: more than a year ahead of 2026-01-31.
    expect(renewals("2026-01-31")).toEqual([]);
    expect(renewals("2026-03-01")).toEqual(["2027-02-01 assets/clio"]);
  });

  it("leaves out the renewal of what is cancelled or retired", () => {
    // Mimecast was cancelled before its 2026-10-01 renewal.
    const mimecast = lakeside!.assets.find((asset) => asset.id === "mimecast")!;
    expect(mimecast.data).toMatchObject({ renewsOn: "2026-10-01", transition: "cancel" });
    expect(handoverDates(lakeside!, "2026-09-01").filter((date) => date.record === "assets/mimecast").map((date) => date.kind)).toEqual(["asset-decommission"]);
  });

  it("reads the client's view when given it: no internal record, no internal property", async () => {
    const root = copyExamples();
    writeFileSync(join(root, "clients/harbor-finch/assets/hidden.md"), "---\naudience: internal\nname: Hidden router\ntype: hardware\nowner: msp\ndisposition: retrieve\ndispositionDueOn: 2026-12-20\n---\n");
    edit(root, "clients/harbor-finch/contracts/telephone.md", "audience: client", "audience: internal");
    edit(root, "clients/harbor-finch/contracts/telephone.md", "disposition: continues", "disposition: ends\nendDate: 2027-01-31");
    const model = (await models(root))["harbor-finch"]!;
    const msp = handoverDates(model, today).map(key);
    const client = handoverDates(model, today, clientDataOf).map(key);
    expect(msp).toContain("2026-12-20 asset-retrieval assets/hidden");
    expect(msp).toContain("2027-01-31 contract-end contracts/telephone");
    expect(client).not.toContain("2026-12-20 asset-retrieval assets/hidden");
    expect(client).not.toContain("2027-01-31 contract-end contracts/telephone");
    expect(msp.filter((entry) => !client.includes(entry))).toEqual(["2026-12-20 asset-retrieval assets/hidden", "2027-01-31 contract-end contracts/telephone"]);
  });

  it("dates a disposition on the day it was done, once it is", async () => {
    const root = copyExamples();
    edit(root, "clients/harbor-finch/assets/fw-01.md", "dispositionDueOn: 2026-12-16", "dispositionDueOn: 2026-12-16\ndispositionDoneOn: 2026-11-20");
    const dates = handoverDates((await models(root))["harbor-finch"]!, today).filter((date) => date.record === "assets/fw-01");
    expect(dates.map((date) => `${date.date} ${date.past}`)).toEqual(["2026-11-20 Office firewall: collected by us"]);
  });
});

describe("addYears", () => {
  it("keeps the day, and moves 29 February to 1 March in a year without one", () => {
    expect(addYears("2026-11-22", 1)).toBe("2027-11-22");
    expect(addYears("2028-02-29", 1)).toBe("2029-03-01");
    expect(addYears("2027-12-31", 1)).toBe("2028-12-31");
  });
});
