import { describe, expect, it } from "vitest";
import { UsageError } from "../../scripts/lib/usage-error.ts";
import { loadBranding } from "../../scripts/pack/load-branding.ts";
import type { ClientPack } from "../../scripts/pack/pack-data.ts";
import { job as packJob, readOutline } from "../../scripts/parallel/pack-job.ts";
import { createPackStore } from "../../scripts/site/pack-store.ts";
import { repositoryScope } from "../../scripts/validate-repository.ts";
import { copyExamples, edit } from "../helpers/repo.ts";

const pack = (slug: string) => ({ slug }) as ClientPack;

describe("the pack store of a streamed build", () => {
  it("gives a page its client's pack as soon as it arrives, whatever the order", async () => {
    const store = createPackStore();
    const later = store.pack("b");
    store.receive({ type: "outlines", outlines: [{ slug: "a", docs: [], forms: [] }, { slug: "b", docs: [{ id: "wifi", title: "Wi-Fi" }], forms: [] }] });
    store.receive({ type: "pack", pack: pack("a") });
    expect(await store.outlines()).toEqual([{ slug: "a", docs: [], forms: [] }, { slug: "b", docs: [{ id: "wifi", title: "Wi-Fi" }], forms: [] }]);
    expect(await store.pack("a")).toEqual(pack("a"));
    store.receive({ type: "pack", pack: pack("b") });
    expect(await later).toEqual(pack("b"));
  });

  it("fails a page whose pack never came, instead of waiting for ever", async () => {
    const store = createPackStore();
    const waiting = store.pack("c");
    store.receive({ type: "end" });
    await expect(waiting).rejects.toThrow("no pack was made for `c`");
    await expect(store.pack("d")).rejects.toThrow("no pack was made for `d`");
  });
});

describe("the pack job", () => {
  const contextFor = (root: string) => {
    const scope = repositoryScope(root, ["harbor-finch"]);
    return {
      root: scope.root,
      playbook: scope.playbook!,
      branding: loadBranding(scope.root).branding!,
      build: { commit: null, date: "2026-11-22", dirty: false },
      history: undefined,
      shared: "the shared inputs' hash",
      outlines: { "harbor-finch": readOutline(scope.root, "harbor-finch") },
    };
  };

  it("makes the pack from the records it validated, with the pages the site listed before", async () => {
    const context = contextFor(copyExamples());
    expect(context.outlines["harbor-finch"].docs.map((doc) => doc.id)).toEqual(["network-overview", "wifi-and-printers", "when-something-breaks"]);
    const made = await packJob.run(context, "harbor-finch");
    expect(made.problems.filter((problem) => problem.severity === "error")).toEqual([]);
    expect(made.pack?.docs.map((doc) => doc.id)).toEqual(["network-overview", "wifi-and-printers", "when-something-breaks"]);
    expect(made.pack?.forms.map(({ page, title }) => ({ page, title }))).toEqual(context.outlines["harbor-finch"].forms);
  });

  it("makes no pack from records with an error, and reports the error", async () => {
    const root = copyExamples();
    edit(root, "clients/harbor-finch/docs/wifi-and-printers.md", /$/, "\nGuest password: Summer2026!\n");
    const made = await packJob.run(contextFor(root), "harbor-finch");
    expect(made.pack).toBeUndefined();
    expect(made.problems).toContainEqual(expect.objectContaining({ file: "clients/harbor-finch/docs/wifi-and-printers.md", severity: "error", rule: "no-secrets" }));
  });

  it("refuses a pack whose pages are not those the site listed: a page made internal meanwhile never ships", async () => {
    const root = copyExamples();
    const context = contextFor(root);
    // A tech marks a page internal after the site listed it, while the packs are being made.
    edit(root, "clients/harbor-finch/docs/network-overview.md", /^---\n/, "---\naudience: internal\n");
    const refused = await packJob.run(context, "harbor-finch").catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UsageError);
    expect((refused as Error).message).toMatch(/records of `harbor-finch` changed while the packs were being built/);
  });

  it("refuses a pack whose forms are not those the site listed: a release signed or needed meanwhile changes the pages", async () => {
    const root = copyExamples();
    const context = contextFor(root);
    expect(context.outlines["harbor-finch"].forms.map((form) => form.page)).toContain("backup-release-server-backup");
    // The successor's verified backup is recorded meanwhile: the release is no longer asked for.
    edit(root, "clients/harbor-finch/backups/server-backup.md", /^transition:\n/m, "transition:\n  successorFirstVerifiedBackup: { date: 2026-12-01, verifiedBy: Marcus Bell, evidence: Job report 12 }\n");
    const refused = await packJob.run(context, "harbor-finch").catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UsageError);
  });
});
