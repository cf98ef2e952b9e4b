import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { plantCanaries } from "../helpers/canaries.ts";
import { parseIcs, rfc5545LineProblems } from "../helpers/ics.ts";
import { packText } from "../helpers/pack-text.ts";
import { copyExamples, edit, makeRepo, run } from "../helpers/repo.ts";

const SLOW = 120_000;

describe("handover build", () => {
  let root: string;
  let out: string;
  let output: Awaited<ReturnType<typeof run>>;

  beforeAll(async () => {
    root = copyExamples();
    plantCanaries(root);
    out = join(root, "out");
    output = await run(["build", "--root", root, "--out", out, "--date", "2026-11-22"]);
  }, SLOW);

  it("builds every pack, the incomplete one marked in progress", () => {
    expect(output).toMatchObject({ code: 0, stderr: "" });
    expect(output.stdout).toBe(`built harbor-finch (in progress): 17 files, harbor-finch.zip\nbuilt lakeside-dental (complete): 16 files, lakeside-dental.zip\nthe packs are in ${out}\n`);
    expect(readFileSync(join(out, "harbor-finch/index.html"), "utf8")).toContain("This pack is a preview and will change");
    expect(readFileSync(join(out, "lakeside-dental/index.html"), "utf8")).not.toContain("This pack is a preview");
  });

  it("leaks nothing internal and nothing of another client", () => {
    // The pages the canaries are looked for in include every form the client signs, and no form
    // for the internal risk.
    expect(readdirSync(join(out, "harbor-finch")).filter((name) => /^(risk-acknowledgement|backup-release)-/.test(name))).toEqual([
      "backup-release-m365-backup.html",
      "backup-release-server-backup.html",
      "risk-acknowledgement-server-2016-end-of-support.html",
    ]);
    const harbor = packText(out, "harbor-finch");
    expect(harbor.match(/CANARY-[\w-]+/g) ?? []).toEqual([]);
    expect(harbor).not.toContain("OTHER-CLIENT-CANARY");
    expect(harbor).not.toMatch(/INV-20931|bookkeeper|<!--/);
    // The internal asset's retrieval step is not listed without its name either.
    const checklist = readFileSync(join(out, "harbor-finch/checklist.html"), "utf8");
    expect(checklist.match(/Equipment owned by us or a leasing company/g)?.length).toBe(2);
    expect(packText(out, "lakeside-dental")).not.toMatch(/Harbor|harborfinch|CANARY-/);
  });

  it("shows the client's own words for each step, and no retrieval of the leased copier that stays, on any page", () => {
    const page = (name: string) => readFileSync(join(out, "harbor-finch", name), "utf8");
    const steps = (html: string) => [...html.matchAll(/<li class="(?:done|open)">([\s\S]*?)<\/li>/g)].map((match) => match[1]!.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim());
    for (const name of ["checklist.html", "complete.html"]) {
      const listed = steps(page(name));
      expect(listed, name).toContain("Done Notice to end our service given in writing");
      expect(listed, name).toContain("To do Open problem fixed, closed with an explanation, or passed to your new IT support Copier scan-to-email stopped working (ticket T-48227)");
      expect(listed.filter((step) => /retriev|Workroom copier/i.test(step)), name).toEqual([]);
      expect(page(name), name).not.toMatch(/Notice received in writing and filed|Account handed over and our access removed/);
    }
    for (const name of ["assets.html", "complete.html"]) {
      const copier = /<tr>\s*<th scope="row">Workroom copier[\s\S]*?<\/tr>/.exec(page(name))?.[0] ?? "";
      expect(copier, name).toContain("Stays with you");
      expect(copier, name).toContain("Tri-County Office Equipment");
      expect(copier, name).not.toMatch(/We collect|Planned|retriev/i);
    }
  });

  it("heads the checklist's phases in the client's words, and says on the overview who collects hardware", () => {
    const page = (name: string) => readFileSync(join(out, "harbor-finch", name), "utf8");
    for (const name of ["checklist.html", "complete.html"]) {
      expect(page(name), name).toMatch(/<h[23]>Step two: moving your IT over<\/h[23]>/);
      expect(page(name), name).not.toMatch(/Step (one|two|three): (administration|technical)/);
    }
    const list = /<ol class="visually-hidden">([\s\S]*?)<\/ol>/.exec(page("index.html"))?.[1] ?? "";
    const picture = /<svg [\s\S]*?<\/svg>/.exec(page("index.html"))?.[0] ?? "";
    expect(list).toContain("<span>Office firewall: collected by us</span>");
    expect(picture).toContain(">Office firewall: collected by us</text>");
    expect(list + picture).not.toMatch(/We collect/);
  });

  it("ships the calendar, its events those of the timeline, linked from the overview; the memo shows the timeline after its key dates", () => {
    for (const slug of ["harbor-finch", "lakeside-dental"]) {
      const page = (name: string) => readFileSync(join(out, slug, name), "utf8");
      const ics = page(`${slug}.ics`);
      expect(rfc5545LineProblems(ics), slug).toEqual([]);
      const timeline = [...(/<ol class="visually-hidden">([\s\S]*?)<\/ol>/.exec(page("index.html"))?.[1] ?? "").matchAll(/<time datetime="([\d-]+)">[^<]*<\/time> <span>([^<]*)<\/span>/g)].map(
        (match) => `${match[1]} ${match[2]!.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&")}`,
      );
      const events = parseIcs(ics).events;
      expect(events.map((event) => `${event.start} ${event.summary}`), slug).toEqual(timeline);
      expect(events.every((event) => event.allDay && event.stamp === "2026-11-22T00:00:00Z" && event.uid.startsWith(`${slug}/`))).toBe(true);
      expect(page("index.html")).toContain(`<a href="./${slug}.ics" download>${slug}.ics</a>`);
      const memo = page("memo.html");
      expect(memo.indexOf("<svg ")).toBeGreaterThan(memo.indexOf("Key dates"));
      expect(memo.indexOf("<svg ")).toBeLessThan(memo.indexOf("The work to move you"));
    }
  });

  it("ships no calendar for a client with no dates yet: an iCalendar file needs an event, so the file and its link are left out", async () => {
    const fresh = copyExamples();
    expect((await run(["new", "no-dates", "--name", "No Dates Inc", "--root", fresh])).code).toBe(0);
    const packs = join(fresh, "out");
    const built = await run(["build", "no-dates", "--root", fresh, "--out", packs, "--date", "2026-11-22"]);
    expect(built).toMatchObject({ code: 0, stderr: "" });
    // The scaffold's `TODO:`s are in the pack as written: the build says so, without failing.
    expect(built.stdout).toMatch(/^clients\/no-dates\/client\.md:\d+:\d+ warning this still holds a `TODO:`/m);
    const files = readdirSync(join(packs, "no-dates"));
    expect(files).toContain("index.html");
    expect(files.filter((name) => !name.endsWith(".html"))).toEqual(["manifest.json"]);
    const manifest = JSON.parse(readFileSync(join(packs, "no-dates/manifest.json"), "utf8"));
    expect(manifest.files.map((file: { path: string }) => file.path)).toEqual(files.filter((name) => name !== "manifest.json").sort());
    const index = readFileSync(join(packs, "no-dates/index.html"), "utf8");
    expect(index).not.toContain(".ics");
    expect(index).not.toContain("Timeline");
  }, SLOW);

  it("keeps the calendar and the timeline free of anything internal", () => {
    const ics = readFileSync(join(out, "harbor-finch/harbor-finch.ics"), "utf8");
    expect(ics).toContain("Office firewall: collected by us");
    expect(ics).not.toMatch(/CANARY|hidden|side-deal|Done:|blocking/);
    for (const name of ["index.html", "memo.html", "complete.html"]) {
      const pictures = readFileSync(join(out, "harbor-finch", name), "utf8").match(/<svg [\s\S]*?<\/svg>/g) ?? [];
      expect(pictures.length, name).toBe(name === "complete.html" ? 2 : 1);
      for (const svg of pictures) {
        expect(svg).toContain("Backup appliance: collected by us");
        expect(svg, name).not.toMatch(/CANARY|2026-12-20|2027-01-15/);
      }
    }
  });

  it("holds a page for each form the client signs, linked from the overview and from the issue or backup it is about", () => {
    const page = (slug: string, name: string) => readFileSync(join(out, slug, name), "utf8");
    const risk = page("harbor-finch", "risk-acknowledgement-server-2016-end-of-support.html");
    expect(risk).toContain("<title>Risk acknowledgement: Office server&#39;s Windows version reaches end of support · Harbor &amp; Finch LLP</title>");
    expect(risk).toMatch(/<article class="signing-form signed">[\s\S]*<strong>Signed\.<\/strong> This acknowledgement was signed on 2026-11-12/);
    expect(risk).toContain("<strong>Affects:</strong> Office server (HF-SRV01)</li>");
    const release = page("harbor-finch", "backup-release-server-backup.html");
    expect(release).toMatch(/<article class="signing-form unsigned">[\s\S]*<strong>Awaiting your signature\.<\/strong>/);
    expect(release).toMatch(/<td>Signature<\/td>\s*<td><\/td>/);
    // A pack's preview notice is not printed on a form: the form says when its facts were read.
    expect(release).toContain('class="form-page"');
    const overview = page("harbor-finch", "index.html");
    for (const form of ["risk-acknowledgement-server-2016-end-of-support", "backup-release-m365-backup", "backup-release-server-backup"]) expect(overview).toContain(`href="./${form}.html"`);
    expect(overview).toMatch(/Backup release: Office server backup \(Datto\)<\/a>\s*<span class="muted"> · awaiting your signature<\/span>/);
    expect(page("harbor-finch", "issues.html")).toContain('(<a href="./risk-acknowledgement-server-2016-end-of-support.html">the acknowledgement</a>)');
    expect(page("harbor-finch", "backups.html")).toContain('sign the <a href="./backup-release-server-backup.html">backup release</a>');
    expect(page("lakeside-dental", "backups.html")).toContain('See <a href="./backup-release-imaging-pc-backup.html">the release you signed</a>');
    // The complete pack holds every form, each on a page of its own.
    expect(page("lakeside-dental", "complete.html").match(/<section class="form-chapter">/g)).toHaveLength(2);
    // No form where nothing is signed for: the server backup the successor verified, a risk we fixed.
    expect(readdirSync(join(out, "lakeside-dental")).filter((name) => /^(risk-acknowledgement|backup-release)-/.test(name))).toEqual([
      "backup-release-imaging-pc-backup.html",
      "risk-acknowledgement-shared-operatory-logins.html",
    ]);
  });

  it("loads nothing from another host and runs no script", () => {
    for (const slug of ["harbor-finch", "lakeside-dental"]) {
      for (const name of readdirSync(join(out, slug)).filter((file) => file.endsWith(".html"))) {
        const html = readFileSync(join(out, slug, name), "utf8");
        expect(html).not.toMatch(/<script|<link[^>]+stylesheet|<iframe|\s(src|srcset)=["']?(https?:)?\/\//i);
        expect(html).not.toMatch(/\s(href|src)="\//);
        expect(html).toContain("Content-Security-Policy");
      }
    }
  });

  it("writes a manifest with every file's SHA-256, the commit and the build date", () => {
    const manifest = JSON.parse(readFileSync(join(out, "harbor-finch/manifest.json"), "utf8"));
    expect(manifest).toMatchObject({ client: "harbor-finch", complete: false, sourceCommit: null, buildDate: "2026-11-22" });
    const names = readdirSync(join(out, "harbor-finch")).filter((name) => name !== "manifest.json").sort();
    expect(manifest.files.map((file: { path: string }) => file.path)).toEqual(names);
    for (const file of manifest.files) {
      const content = readFileSync(join(out, "harbor-finch", file.path));
      expect(createHash("sha256").update(content).digest("hex")).toBe(file.sha256);
    }
  });

  it("gives byte-identical packs and zips for the same records", async () => {
    const again = join(root, "out-again");
    expect((await run(["build", "--root", root, "--out", again, "--date", "2026-11-22"])).code).toBe(0);
    for (const slug of ["harbor-finch", "lakeside-dental"]) {
      expect(readFileSync(join(again, `${slug}.zip`)).equals(readFileSync(join(out, `${slug}.zip`)))).toBe(true);
      expect(readFileSync(join(again, slug, `${slug}.ics`)).equals(readFileSync(join(out, slug, `${slug}.ics`)))).toBe(true);
    }
  }, SLOW);

  it("stops on validation errors with the same messages as validate", async () => {
    const broken = copyExamples();
    edit(broken, "clients/harbor-finch/assets/fw-01.md", /^owner: /m, "ownr: msp\nowner: ");
    const validate = await run(["validate", "--root", broken]);
    const build = await run(["build", "--root", broken, "--out", join(broken, "out"), "--date", "2026-11-22"]);
    expect(build.code).toBe(1);
    expect(build.stdout).toBe(validate.stdout);
    expect(existsSync(join(broken, "out/harbor-finch"))).toBe(false);
  }, SLOW);

  it("never replaces a folder that is not this client's pack, even with a manifest.json", async () => {
    const target = copyExamples();
    mkdirSync(join(target, "out/lakeside-dental"), { recursive: true });
    writeFileSync(join(target, "out/lakeside-dental/notes.txt"), "mine");
    writeFileSync(join(target, "out/lakeside-dental/manifest.json"), '{"name":"my-app"}');
    mkdirSync(join(target, "out/harbor-finch"), { recursive: true });
    writeFileSync(join(target, "out/harbor-finch/manifest.json"), '{"client":"harbor-finch","files":[],"note":"an earlier pack"}');
    const result = await run(["build", "--root", target, "--out", join(target, "out"), "--date", "2026-11-22"]);
    expect(result).toMatchObject({ code: 2, stderr: expect.stringMatching(/lakeside-dental exists and is not this client's handover pack/) });
    expect(readFileSync(join(target, "out/lakeside-dental/notes.txt"), "utf8")).toBe("mine");
    // Refused before anything was built: the client before it keeps its earlier pack too.
    expect(readFileSync(join(target, "out/harbor-finch/manifest.json"), "utf8")).toContain("an earlier pack");
    expect(readdirSync(join(target, "out")).sort()).toEqual(["harbor-finch", "lakeside-dental"]);
  }, SLOW);

  it("takes the commit and its date from git, not the clock", async () => {
    const repo = copyExamples();
    const git = (...args: string[]) =>
      execFileSync("git", args, { cwd: repo, env: { ...process.env, GIT_AUTHOR_DATE: "2026-03-04T10:00:00Z", GIT_COMMITTER_DATE: "2026-03-04T10:00:00Z" } }).toString().trim();
    git("init", "-q");
    git("-c", "user.name=T", "-c", "user.email=t@example.com", "add", "-A");
    git("-c", "user.name=T", "-c", "user.email=t@example.com", "commit", "-qm", "records");
    const packs = join(makeRepo({}), "out");
    expect((await run(["build", "lakeside-dental", "--root", repo, "--out", packs])).code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(packs, "lakeside-dental/manifest.json"), "utf8"));
    expect(manifest).toMatchObject({ sourceCommit: git("rev-parse", "HEAD"), buildDate: "2026-03-04" });
    expect(readFileSync(join(packs, "lakeside-dental/index.html"), "utf8")).toContain(`Built 2026-03-04 from records at commit <code>${git("rev-parse", "HEAD").slice(0, 12)}</code>`);
    const stamps = parseIcs(readFileSync(join(packs, "lakeside-dental/lakeside-dental.ics"), "utf8")).events.map((event) => event.stamp);
    expect(new Set(stamps)).toEqual(new Set(["2026-03-04T00:00:00Z"]));
  }, SLOW);
});
