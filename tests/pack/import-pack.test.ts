import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { packText } from "../helpers/pack-text.ts";
import { makeRepo, run } from "../helpers/repo.ts";

const SLOW = 180_000;
const FIXTURES = fileURLToPath(new URL("../fixtures/import/", import.meta.url));

describe("the pack of an imported client", () => {
  let out: string;
  let built: Awaited<ReturnType<typeof run>>;

  beforeAll(async () => {
    const root = makeRepo({});
    for (const [source, slug, extra] of [["itglue", "from-itglue", ["--organization", "Harbor Finch Legal"]], ["itflow", "from-itflow", []], ["hudu", "from-hudu", ["--organization", "Harbor Finch Legal"]]] as const) {
      const imported = await run(["import", source, join(FIXTURES, source), "--client", slug, "--root", root, ...extra]);
      expect(imported.code, imported.stdout).toBe(0);
    }
    out = join(root, "out");
    built = await run(["build", "--root", root, "--out", out, "--date", "2026-11-22"]);
  }, SLOW);

  it("builds", () => {
    expect(built).toMatchObject({ code: 0, stderr: "" });
  });

  it("holds no script, handler or link from the IT Glue document, nothing internal and no import bookkeeping", () => {
    // Each platform's notes for techs (IT Glue's quick notes and alert, ITFlow's asset notes, Hudu's company and website notes) are internal.
    const internal = { "from-itglue": ["After hours: call", "Court deadlines"], "from-itflow": ["COA sticker"], "from-hudu": ["DNS at Gandi", "Court deadlines"] };
    for (const [slug, notes] of Object.entries(internal)) {
      const pack = packText(out, slug);
      expect(pack, slug).not.toMatch(/<script|onerror|javascript:|evil\.example|document\.cookie|pwned/i);
      for (const note of notes) expect(pack, slug).not.toContain(note);
      // The provenance and its digests never reach the pack.
      expect(pack, slug).not.toMatch(/imported|written:|lgakeggo/);
      expect(pack, slug).not.toContain("to-decide");
      expect(pack, slug).toContain("To be agreed");
      // Which of our agents a machine runs no export says: never "None".
      expect(pack, slug).toContain("To be confirmed");
    }
    const firewall = readFileSync(join(out, "from-itglue", readdirSync(join(out, "from-itglue")).find((name) => name.includes("firewall-configuration")) as string), "utf8");
    expect(firewall).toContain("<strong>FortiGate 60F</strong>");
    expect(firewall).toContain("Not verified yet.");
  });
});
