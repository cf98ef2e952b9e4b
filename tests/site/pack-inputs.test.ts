import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Provenance } from "../../scripts/git/provenance.ts";
import { loadClient } from "../../scripts/load/load-client.ts";
import { loadBranding } from "../../scripts/pack/load-branding.ts";
import { loadedInputs, packInputsHash, readClientInputs, sharedInputsHash, toolkitVersion, type SharedInputs } from "../../scripts/site/pack-inputs.ts";
import { repositoryScope } from "../../scripts/validate-repository.ts";
import { copyExamples, edit } from "../helpers/repo.ts";

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function sharedOf(root: string): SharedInputs {
  return { playbook: repositoryScope(root).playbook!, branding: loadBranding(root).branding!, build: { commit: null, date: "2026-11-22", dirty: false } };
}

const hashOf = (root: string, slug: string, shared = sharedInputsHash(sharedOf(root)), history?: Provenance) =>
  packInputsHash(shared, readClientInputs(root, slug)!, history, "2026-11-22");

describe("a pack's inputs", () => {
  it("hash alike whether read from the folder or from the loaded client, odd entries included", () => {
    const root = copyExamples();
    writeFileSync(join(root, "clients/harbor-finch/notes.txt"), "not a record");
    writeFileSync(join(root, "clients/harbor-finch/docs/photo.png"), "not a record either");
    symlinkSync("../client.md", join(root, "clients/harbor-finch/docs/link.md"));
    writeFileSync(join(root, "clients/lakeside-dental/client.md"), "\uFEFF---\r\nname: CRLF\r\n---\r\nBody\r\n");
    const shared = sharedInputsHash(sharedOf(root));
    for (const slug of ["harbor-finch", "lakeside-dental"]) {
      const loaded = loadClient(root, slug);
      expect(packInputsHash(shared, readClientInputs(root, slug)!, undefined, "2026-11-22"), slug).toBe(packInputsHash(shared, loadedInputs(loaded), undefined, "2026-11-22"));
    }
  });

  it("change with any record's text, any entry of the folder, and nothing else of the client", () => {
    const root = copyExamples();
    const before = hashOf(root, "harbor-finch");
    const other = hashOf(root, "lakeside-dental");
    edit(root, "clients/harbor-finch/docs/wifi-and-printers.md", /$/, "\nOne more line.\n");
    const edited = hashOf(root, "harbor-finch");
    mkdirSync(join(root, "clients/harbor-finch/assets/spare"));
    const added = hashOf(root, "harbor-finch");
    expect(new Set([before, edited, added]).size).toBe(3);
    expect(hashOf(root, "lakeside-dental")).toBe(other);
  });

  it("read the same text the same, whatever its line endings or byte-order mark", () => {
    const root = copyExamples();
    const before = hashOf(root, "harbor-finch");
    edit(root, "clients/harbor-finch/client.md", /\n/g, "\r\n");
    expect(hashOf(root, "harbor-finch")).toBe(before);
  });

  it("change with the playbook, the branding, the build's date, commit, dirty flag and draft tag, and when git says a record changed", () => {
    const root = copyExamples();
    const base = sharedOf(root);
    const shared = sharedInputsHash(base);
    const variants = [
      { ...base, playbook: { ...base.playbook, freshnessDays: 1 } },
      { ...base, branding: { ...base.branding, name: "Another MSP" } },
      { ...base, build: { ...base.build, date: "2026-11-23" } },
      { ...base, build: { ...base.build, commit: "0123456789abcdef0123456789abcdef01234567" } },
      { ...base, build: { ...base.build, dirty: true } },
      { ...base, build: { ...base.build, draft: "handover/harbor-finch/2026-11-22-draft-1" } },
    ];
    const hashes = variants.map((variant) => sharedInputsHash(variant));
    expect(new Set([shared, ...hashes]).size).toBe(variants.length + 1);
    const history: Provenance = { changes: new Map([["clients/harbor-finch/client.md", { date: "2026-10-01", author: "T", commit: "c" }]]), uncommitted: new Set(), releaseTags: new Set() };
    const later: Provenance = { changes: new Map([["clients/harbor-finch/client.md", { date: "2026-10-02", author: "T", commit: "d" }]]), uncommitted: new Set(), releaseTags: new Set() };
    expect(hashOf(root, "harbor-finch", shared, history)).not.toBe(hashOf(root, "harbor-finch", shared, later));
    expect(hashOf(root, "harbor-finch", shared, history)).not.toBe(hashOf(root, "harbor-finch", shared));
  });

  it("cannot be read from a folder whose record is not UTF-8: the build makes that pack and reports why", () => {
    const root = copyExamples();
    writeFileSync(join(root, "clients/harbor-finch/docs/wifi-and-printers.md"), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe]));
    expect(readClientInputs(root, "harbor-finch")).toBeUndefined();
  });
});

describe("the toolkit's version", () => {
  const toolkit = () => {
    const folder = mkdtempSync(join(tmpdir(), "handover-toolkit-"));
    folders.push(folder);
    for (const [path, text] of Object.entries({ "package.json": '{"version":"1.0.0"}', "schemas/c.schema.json": "{}", "scripts/a.ts": "a", "site/src/b.astro": "b", "README.md": "r", "site/.astro/types.d.ts": "t" })) {
      mkdirSync(join(folder, path, ".."), { recursive: true });
      writeFileSync(join(folder, path), text);
    }
    return folder;
  };

  it("changes with the package files and any file of its code, schemas or pages, not with its documentation or Astro's own files", () => {
    const versions = ["package.json", "schemas/c.schema.json", "scripts/a.ts", "site/src/b.astro"].map((file) => {
      const folder = toolkit();
      const before = toolkitVersion(folder);
      writeFileSync(join(folder, file), "changed");
      return [before, toolkitVersion(folder)];
    });
    for (const [before, after] of versions) expect(after).not.toBe(before);
    const folder = toolkit();
    const before = toolkitVersion(folder);
    writeFileSync(join(folder, "README.md"), "changed");
    writeFileSync(join(folder, "site/.astro/types.d.ts"), "changed");
    expect(toolkitVersion(folder)).toBe(before);
    expect(before).toBe(toolkitVersion(toolkit()));
  });
});
