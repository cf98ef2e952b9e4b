import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { copyExamples, edit, run } from "../helpers/repo.ts";

const SLOW = 240_000;
const DATE = "2026-11-22";

/** Every file under `dir` by its path, with its bytes: zips, manifests and pages alike. */
function everyFile(dir: string): Map<string, Buffer> {
  const files = (readdirSync(dir, { recursive: true }) as string[]).filter((path) => statSync(join(dir, path)).isFile()).sort();
  return new Map(files.map((path) => [path, readFileSync(join(dir, path))]));
}

function expectSameBytes(actual: string, expected: string): void {
  const [ours, theirs] = [everyFile(actual), everyFile(expected)];
  expect([...ours.keys()]).toEqual([...theirs.keys()]);
  for (const [path, bytes] of theirs) expect(ours.get(path)?.equals(bytes), path).toBe(true);
}

/** The line a build prints for a pack, with the file count its manifest gives. */
function line(out: string, verb: "built" | "reused", slug: string): string {
  const manifest = JSON.parse(readFileSync(join(out, slug, "manifest.json"), "utf8")) as { complete: boolean; files: unknown[] };
  const state = `${manifest.complete ? "complete" : "in progress"}${verb === "reused" ? ", unchanged" : ""}`;
  return `${verb} ${slug} (${state}): ${manifest.files.length} files, ${slug}.zip\n`;
}

const build = (root: string, out: string, ...slugs: string[]) => run(["build", ...slugs, "--root", root, "--out", out, "--date", DATE]);

describe("an incremental build", () => {
  let root: string;
  let out: string;
  let first: Awaited<ReturnType<typeof run>>;
  let unchanged: Awaited<ReturnType<typeof run>>;
  let again: Awaited<ReturnType<typeof run>>;
  const mtimes = new Map<string, number>();

  beforeAll(async () => {
    root = copyExamples();
    out = join(root, "out");
    first = await build(root, out);
    for (const path of everyFile(out).keys()) mtimes.set(path, statSync(join(out, path)).mtimeMs);
    unchanged = await build(root, out);
    edit(root, "clients/lakeside-dental/docs/vendor-contacts.md", /\n---\n/, "\n---\n\nA line added after the first build.\n");
    again = await build(root, out);
  }, SLOW);

  it("reuses every pack, its zip and its manifest as they are when nothing changed, and says so", () => {
    expect(first).toMatchObject({ code: 0, stderr: "" });
    expect(unchanged).toMatchObject({ code: 0, stderr: "" });
    expect(unchanged.stdout).toBe(
      `${line(out, "reused", "harbor-finch")}${line(out, "reused", "lakeside-dental")}the packs are in ${out}\n`,
    );
  });

  it("rebuilds only the pack whose records changed, and the result is byte for byte a clean build's", async () => {
    expect(again.stdout).toBe(`${line(out, "reused", "harbor-finch")}${line(out, "built", "lakeside-dental")}the packs are in ${out}\n`);
    // The reused pack was not written again; the rebuilt one was.
    expect(statSync(join(out, "harbor-finch/index.html")).mtimeMs).toBe(mtimes.get("harbor-finch/index.html"));
    expect(statSync(join(out, "harbor-finch.zip")).mtimeMs).toBe(mtimes.get("harbor-finch.zip"));
    expect(readFileSync(join(out, "lakeside-dental/documentation.html"), "utf8")).not.toBe("");
    expect(readFileSync(join(out, "lakeside-dental/doc-vendor-contacts.html"), "utf8")).toContain("A line added after the first build.");
    const clean = join(root, "out-clean");
    expect((await build(root, clean)).code).toBe(0);
    expectSameBytes(out, clean);
  }, SLOW);

  it("records the inputs' hash in the manifest, the same in a clean build", () => {
    const manifest = JSON.parse(readFileSync(join(out, "lakeside-dental/manifest.json"), "utf8"));
    expect(manifest.inputs).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.inputs).not.toBe(JSON.parse(readFileSync(join(out, "harbor-finch/manifest.json"), "utf8")).inputs);
  });
});

describe("a build into a folder with packs of clients that are gone", () => {
  it("removes the packs it wrote for them, and nothing it did not write", async () => {
    const root = copyExamples();
    const out = join(root, "out");
    expect((await build(root, out)).code).toBe(0);
    // Two clients gone: one pack as the tool wrote it, one that a tech added a file to.
    cpSync(join(out, "lakeside-dental"), join(out, "old-client"), { recursive: true });
    const manifest = readFileSync(join(out, "lakeside-dental/manifest.json"), "utf8").replaceAll('"lakeside-dental"', '"old-client"');
    writeFileSync(join(out, "old-client/manifest.json"), manifest);
    cpSync(join(out, "old-client"), join(out, "kept-client"), { recursive: true });
    writeFileSync(join(out, "kept-client/manifest.json"), manifest.replaceAll('"old-client"', '"kept-client"'));
    writeFileSync(join(out, "kept-client/notes.txt"), "mine");
    // A zip that is not the removed pack's stays; folders and files that are no pack at all stay.
    writeFileSync(join(out, "old-client.zip"), "not that pack's zip");
    mkdirSync(join(out, "reports"));
    writeFileSync(join(out, "reports/manifest.json"), '{"name":"my-app"}');
    writeFileSync(join(out, "README.txt"), "mine");
    rmSync(join(root, "clients/lakeside-dental"), { recursive: true });

    const result = await build(root, out);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      `${line(out, "reused", "harbor-finch")}removed lakeside-dental: its client folder is gone\nremoved old-client: its client folder is gone\n` +
        `left kept-client as it is: its client folder is gone, but it holds files this tool did not write\nthe packs are in ${out}\n`,
    );
    expect(readdirSync(out).sort()).toEqual(["README.txt", "harbor-finch", "harbor-finch.zip", "kept-client", "old-client.zip", "reports"]);
    expect(readFileSync(join(out, "kept-client/notes.txt"), "utf8")).toBe("mine");
  }, SLOW);

  it("leaves the packs of other clients alone when it builds only some", async () => {
    const root = copyExamples();
    const out = join(root, "out");
    expect((await build(root, out)).code).toBe(0);
    const result = await build(root, out, "harbor-finch");
    expect(result.stdout).toBe(`${line(out, "reused", "harbor-finch")}the packs are in ${out}\n`);
    expect(existsSync(join(out, "lakeside-dental/index.html"))).toBe(true);
  }, SLOW);
});

describe("a build into a folder whose pack was changed by hand", () => {
  it("makes that pack again, and reports every client's problems when one has an error, as validate does", async () => {
    const root = copyExamples();
    const out = join(root, "out");
    edit(root, "clients/harbor-finch/docs/wifi-and-printers.md", /\n---\n/, "\n---\n\nTODO: check the printer list.\n");
    expect((await build(root, out)).code).toBe(0);
    rmSync(join(out, "lakeside-dental/memo.html"));
    const rebuilt = await build(root, out);
    expect(rebuilt.stdout).toContain("built lakeside-dental (complete)");
    expect(existsSync(join(out, "lakeside-dental/memo.html"))).toBe(true);

    edit(root, "clients/lakeside-dental/client.md", /^status: .*$/m, "status: handed-ovr");
    const broken = await build(root, out);
    const validate = await run(["validate", "--root", root]);
    expect(broken.code).toBe(1);
    // The reused client's warning is there too.
    expect(broken.stdout).toContain("scaffold-todo");
    expect(broken.stdout).toBe(validate.stdout);
    expect(readFileSync(join(out, "lakeside-dental/manifest.json"), "utf8")).toContain('"status": "handed-over"');
  }, SLOW);
});

describe("a build of more clients than may wait to be rendered", () => {
  it("renders each client's pages together, calendar included, so every pack is written as it goes, the build ends, and its profile counts every stage", async () => {
    const root = copyExamples();
    for (const copy of ["harbor-finch-2", "harbor-finch-3", "harbor-finch-4"]) cpSync(join(root, "clients/harbor-finch"), join(root, "clients", copy), { recursive: true });
    const before = { workers: process.env.HANDOVER_WORKERS, profile: process.env.HANDOVER_BUILD_PROFILE };
    // No worker thread: at most two packs may wait, fewer than the clients.
    process.env.HANDOVER_WORKERS = "0";
    process.env.HANDOVER_BUILD_PROFILE = join(root, "profile.json");
    try {
      const out = join(root, "out");
      const result = await build(root, out);
      expect(result.code).toBe(0);
      expect(readdirSync(out).filter((name) => name.endsWith(".zip"))).toHaveLength(5);
      expect(existsSync(join(out, "harbor-finch-4/harbor-finch-4.ics"))).toBe(true);
      // The build's stages, each client's counted once in each, Astro's from its own process.
      const profile = JSON.parse(readFileSync(join(root, "profile.json"), "utf8")) as Record<string, { cpuMs: number; wallMs: number; calls: number }>;
      for (const stage of ["validate", "parse", "derive", "render", "send", "hash", "zip"]) expect(profile[stage], stage).toMatchObject({ calls: 5 });
      for (const stage of ["astro-bundle", "astro-render"]) expect(profile[stage], stage).toMatchObject({ calls: 1 });
      expect(profile.parse!.cpuMs).toBeGreaterThan(0);
      expect(profile["astro-render"]!.cpuMs).toBeGreaterThan(0);
    } finally {
      for (const [name, value] of [["HANDOVER_WORKERS", before.workers], ["HANDOVER_BUILD_PROFILE", before.profile]] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  }, SLOW);
});

describe("a build of clients whose names are numbers", () => {
  it("makes the packs in the order the site renders them, so the build ends", async () => {
    const root = copyExamples();
    // As text `100` < `101` < `99`; as an object's keys, `99` would come first.
    for (const copy of ["100", "101", "99"]) cpSync(join(root, "clients/harbor-finch"), join(root, "clients", copy), { recursive: true });
    const before = process.env.HANDOVER_WORKERS;
    process.env.HANDOVER_WORKERS = "0";
    try {
      const out = join(root, "out");
      const result = await build(root, out);
      expect(result.code).toBe(0);
      expect(readdirSync(out).filter((name) => name.endsWith(".zip")).sort()).toEqual(["100.zip", "101.zip", "99.zip", "harbor-finch.zip", "lakeside-dental.zip"]);
    } finally {
      if (before === undefined) delete process.env.HANDOVER_WORKERS;
      else process.env.HANDOVER_WORKERS = before;
    }
  }, SLOW);
});
