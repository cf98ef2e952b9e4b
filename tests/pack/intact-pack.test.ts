import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { intactPack, placePack, stagePack, stagingFolder, type ManifestHead } from "../../scripts/pack/write-pack.ts";

const INPUTS = "a".repeat(64);
const HEAD: ManifestHead = {
  client: "acme",
  name: "Acme",
  status: "offboarding",
  complete: false,
  sourceCommit: null,
  uncommittedChanges: false,
  draft: null,
  buildDate: "2026-11-22",
  inputs: INPUTS,
};
const PAGES = [
  { path: "index.html", content: Buffer.from("<h1>Acme</h1>") },
  { path: "docs/wifi.html", content: Buffer.from("<p>Wi-Fi</p>") },
];

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** An output folder holding the pack of `acme` as a build writes it. */
async function written(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), "handover-intact-"));
  folders.push(out);
  const staging = stagingFolder(out);
  await stagePack(HEAD, PAGES, staging);
  placePack(staging, out, "acme");
  rmSync(staging, { recursive: true });
  return out;
}

describe("intactPack", () => {
  it("gives the manifest of a pack exactly as written, made from the inputs asked for", async () => {
    const out = await written();
    expect(intactPack(out, "acme", INPUTS)?.files.map((file) => file.path)).toEqual(["docs/wifi.html", "index.html"]);
    expect(intactPack(out, "acme", "b".repeat(64))).toBeUndefined();
  });

  it.each([
    ["a page edited by hand, its size kept", (out: string) => writeFileSync(join(out, "acme/index.html"), "<h1>Acmf</h1>")],
    ["a file added to the folder", (out: string) => writeFileSync(join(out, "acme/notes.txt"), "mine")],
    ["a page removed", (out: string) => rmSync(join(out, "acme/docs/wifi.html"))],
    ["a zip from another build beside the folder", (out: string) => appendFileSync(join(out, "acme.zip"), "x")],
    ["no zip", (out: string) => rmSync(join(out, "acme.zip"))],
    ["a folder where the zip was", (out: string) => (rmSync(join(out, "acme.zip")), mkdirSync(join(out, "acme.zip")))],
    ["a page replaced by a symlink to the same bytes", (out: string) => {
      const copy = join(out, "copy.html");
      writeFileSync(copy, readFileSync(join(out, "acme/index.html")));
      rmSync(join(out, "acme/index.html"));
      symlinkSync(copy, join(out, "acme/index.html"));
    }],
    ["a manifest reformatted by hand", (out: string) => {
      const manifest = join(out, "acme/manifest.json");
      writeFileSync(manifest, JSON.stringify(JSON.parse(readFileSync(manifest, "utf8"))));
    }],
    ["a manifest entry that is not a file of the pack", (out: string) => {
      const manifest = join(out, "acme/manifest.json");
      const data = JSON.parse(readFileSync(manifest, "utf8"));
      data.files.push(null, { path: "../../etc/passwd", bytes: 1, sha256: "x" });
      writeFileSync(manifest, `${JSON.stringify(data, null, 2)}\n`);
    }],
  ])("refuses %s, so the pack is built again", async (_, tamper) => {
    const out = await written();
    tamper(out);
    expect(intactPack(out, "acme", INPUTS)).toBeUndefined();
  });
});
