import { describe, expect, it } from "vitest";
import { UsageError } from "../../scripts/lib/usage-error.ts";
import { loadBranding } from "../../scripts/pack/load-branding.ts";
import type { ClientPack } from "../../scripts/pack/pack-data.ts";
import { job as outlineJob } from "../../scripts/parallel/outline-job.ts";
import { job as packJob } from "../../scripts/parallel/pack-job.ts";
import { createPackStore } from "../../scripts/site/pack-store.ts";
import { repositoryScope } from "../../scripts/validate-repository.ts";
import { copyExamples, edit } from "../helpers/repo.ts";

const pack = (slug: string) => ({ slug }) as ClientPack;

describe("the pack store of a streamed build", () => {
  it("gives a page its client's pack as soon as it arrives, whatever the order", async () => {
    const store = createPackStore();
    const later = store.pack("b");
    store.receive({ type: "outlines", outlines: [{ slug: "a", docs: [] }, { slug: "b", docs: [{ id: "wifi", title: "Wi-Fi" }] }] });
    store.receive({ type: "pack", pack: pack("a") });
    expect(await store.outlines()).toEqual([{ slug: "a", docs: [] }, { slug: "b", docs: [{ id: "wifi", title: "Wi-Fi" }] }]);
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

describe("outline and pack jobs", () => {
  it("make a pack only from exactly the records that were validated", async () => {
    const root = copyExamples();
    const scope = repositoryScope(root, ["harbor-finch"]);
    const outline = await outlineJob.run({ root: scope.root }, "harbor-finch");
    expect(outline.problems.filter((problem) => problem.severity === "error")).toEqual([]);
    expect(outline.outline?.docs.map((doc) => doc.id)).toEqual(["network-overview", "wifi-and-printers", "when-something-breaks"]);
    const context = {
      root: scope.root,
      playbook: scope.playbook!,
      branding: loadBranding(scope.root).branding!,
      build: { commit: null, date: "2026-11-22", dirty: false },
      history: undefined,
      digests: { "harbor-finch": outline.digest },
    };
    const made = await packJob.run(context, "harbor-finch");
    expect(made.docs.map((doc) => doc.id)).toEqual(outline.outline?.docs.map((doc) => doc.id));

    // A tech saves a record (here: a password) after validation: no pack is made from it.
    edit(root, "clients/harbor-finch/docs/wifi-and-printers.md", /$/, "\nGuest password: Summer2026!\n");
    const refused = await packJob.run(context, "harbor-finch").catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UsageError);
    expect((refused as Error).message).toMatch(/records of `harbor-finch` changed while the packs were being built/);
  });
});
