/// <reference lib="dom" />
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join, normalize } from "node:path";
import axe from "axe-core";
import { unzipSync } from "fflate";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, launchChromium, SCREENSHOTS } from "../helpers/chromium.ts";
import { copyExamples, makeRepo, run } from "../helpers/repo.ts";

const SUB_PATH = "/deliveries/2026/";
const SLUGS = ["harbor-finch", "lakeside-dental"];

interface Visit {
  problems: string[];
  page: Page;
}

describe.skipIf(!hasChromium)("the handover pack in a real browser", () => {
  let browser: Browser;
  let server: Server;
  let origin: string;
  let packs: string;
  let unzipped: string;

  beforeAll(async () => {
    const root = copyExamples();
    packs = join(root, "out");
    const built = await run(["build", "--root", root, "--out", packs, "--date", "2026-11-22"]);
    expect(built.code).toBe(0);
    // Open the zips as a client would: unpacked somewhere else entirely.
    unzipped = makeRepo({});
    for (const slug of SLUGS) {
      for (const [path, bytes] of Object.entries(unzipSync(readFileSync(join(packs, `${slug}.zip`))))) {
        mkdirSync(dirname(join(unzipped, path)), { recursive: true });
        writeFileSync(join(unzipped, path), bytes);
      }
    }
    // The packs served under a sub-path, as from any web server.
    server = createServer((request, response) => {
      const url = new URL(request.url ?? "/", "http://x");
      const relative = normalize(decodeURIComponent(url.pathname)).replace(/^\/+/, "/");
      const file = relative.startsWith(SUB_PATH) ? join(packs, relative.slice(SUB_PATH.length)) : "";
      if (!file || !existsSync(file)) return void response.writeHead(404).end();
      response.writeHead(200, { "content-type": file.endsWith(".html") ? "text/html; charset=utf-8" : "application/octet-stream" }).end(readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  /** Opens a page and records every console error, failed request and request to anything but the pack itself. */
  async function visit(url: string, allowed: string, viewport = { width: 1280, height: 900 }): Promise<Visit> {
    const page = await browser.newPage({ viewport });
    const problems: string[] = [];
    page.on("console", (message) => message.type() === "error" && problems.push(`console: ${message.text()}`));
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("requestfailed", (request) => problems.push(`failed: ${request.url()}`));
    page.on("request", (request) => !request.url().startsWith(allowed) && !request.url().startsWith("data:") && problems.push(`external: ${request.url()}`));
    const response = await page.goto(url, { waitUntil: "load" });
    if (response && !response.ok()) problems.push(`status ${response.status()}: ${url}`);
    return { problems, page };
  }

  async function seriousViolations(page: Page): Promise<string[]> {
    await page.evaluate(axe.source);
    const results = (await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ["violations"] }))) as axe.AxeResults;
    return results.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join("; ")})`);
  }

  /**
   * Words split over two lines ("Workroo" / "m") in the tables of documentation pages and in the
   * contact cards: such a word has two boxes. Breaking at a hyphen, a space or a `<wbr>` is fine.
   */
  async function splitWords(page: Page): Promise<string[]> {
    return page.$$eval(".prose td, .prose th, .card p", (boxes) =>
      boxes.flatMap((box) => {
        const words: string[] = [];
        const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (const match of (node.textContent ?? "").matchAll(/[^\s-]+/g)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            if (range.getClientRects().length > 1) words.push(match[0]);
          }
        }
        return words;
      }),
    );
  }

  function pagesOf(slug: string): string[] {
    const manifest = JSON.parse(readFileSync(join(packs, slug, "manifest.json"), "utf8")) as { files: { path: string }[] };
    return manifest.files.map((file) => file.path).filter((path) => path.endsWith(".html"));
  }

  it.each(SLUGS)("%s: every page opens from the unzipped pack on disk, with working links and no outside request", async (slug) => {
    for (const name of pagesOf(slug)) {
      const { problems, page } = await visit(`file://${join(unzipped, slug, name)}`, "file://");
      const links = await page.$$eval("a[href]", (anchors) => anchors.map((anchor) => anchor.getAttribute("href") ?? ""));
      for (const href of links.filter((link) => link.startsWith("./"))) {
        if (!existsSync(join(unzipped, slug, href.slice(2)))) problems.push(`broken link ${href}`);
      }
      expect(problems, `${slug}/${name}`).toEqual([]);
      await page.close();
    }
  }, 120_000);

  it.each(SLUGS)("%s: every page works served from a sub-path and has no serious accessibility violation or word split in two", async (slug) => {
    for (const name of pagesOf(slug)) {
      const { problems, page } = await visit(`${origin}${SUB_PATH}${slug}/${name}`, origin);
      expect(problems, `${slug}/${name}`).toEqual([]);
      expect(await seriousViolations(page), `${slug}/${name}`).toEqual([]);
      expect(await splitWords(page), `${slug}/${name}`).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOTS, `${slug}-${name.replace(".html", "")}.png`), fullPage: true });
      await page.close();
    }
  }, 180_000);

  it("reads on a phone without sideways scrolling of the page or words split in two", async () => {
    for (const name of ["index.html", "assets.html", "issues.html", "checklist.html", "doc-wifi-and-printers.html", "doc-network-overview.html", "backup-release-server-backup.html"]) {
      const { problems, page } = await visit(`${origin}${SUB_PATH}harbor-finch/${name}`, origin, { width: 390, height: 844 });
      expect(problems).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, name).toBeLessThanOrEqual(0);
      expect(await splitWords(page), name).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOTS, `phone-harbor-finch-${name.replace(".html", "")}.png`), fullPage: true });
      await page.close();
    }
  }, 60_000);

  it.each([360, 1280])("draws the timeline legibly at %i pixels wide: text inside the picture, days apart, today marked", async (width) => {
    const { problems, page } = await visit(`${origin}${SUB_PATH}harbor-finch/index.html`, origin, { width, height: 900 });
    expect(problems).toEqual([]);
    const drawn = await page.$eval(".timeline-svg", (svg) => {
      const frame = svg.getBoundingClientRect();
      const texts = Array.from(svg.querySelectorAll("text")).map((text) => ({ text: text.textContent ?? "", rect: text.getBoundingClientRect() }));
      const groups = Array.from(svg.querySelectorAll("g")).map((group) => group.getBoundingClientRect());
      const outside = texts.filter(({ rect }) => rect.left < frame.left - 0.5 || rect.right > frame.right + 0.5).map(({ text }) => text);
      const overlaps = groups.slice(1).flatMap((rect, index) => (rect.top < (groups[index] as DOMRect).bottom ? [index] : []));
      const event = texts.find(({ text }) => text === "Office firewall: collected by us") as { rect: DOMRect };
      return { width: frame.width, outside, overlaps, eventHeight: event.rect.height, today: texts.filter(({ text }) => text.startsWith("Today")).map(({ text }) => text) };
    });
    expect(drawn.outside).toEqual([]);
    expect(drawn.overlaps).toEqual([]);
    expect(drawn.today).toEqual(["Today, 2026-11-22"]);
    // 15-unit text drawn 340 wide: on a phone's 320 px it is about 14 px tall, never below 13 nor above 20 on a screen.
    expect(drawn.width).toBeLessThanOrEqual(width === 360 ? 320 : 384);
    expect(drawn.eventHeight).toBeGreaterThanOrEqual(13);
    expect(drawn.eventHeight).toBeLessThanOrEqual(24);
    await page.locator(".timeline-figure").screenshot({ path: join(SCREENSHOTS, `timeline-harbor-finch-${width}.png`) });
    await page.close();
  });

  it("keeps the timeline a picture of its own: well-formed SVG that opens alone, printed whole", async () => {
    const html = readFileSync(join(packs, "lakeside-dental/index.html"), "utf8");
    const file = join(unzipped, "timeline.svg");
    writeFileSync(file, /<svg [\s\S]*?<\/svg>/.exec(html)?.[0] ?? "");
    const { problems, page } = await visit(`file://${file}`, "file://");
    expect(problems).toEqual([]);
    // A parse error would give a <parsererror> document instead.
    expect(await page.evaluate(() => [document.documentElement.localName, document.querySelectorAll("parsererror, script").length])).toEqual(["svg", 0]);
    await page.screenshot({ path: join(SCREENSHOTS, "timeline-lakeside-dental.png") });
    await page.close();
    const { page: printed } = await visit(`${origin}${SUB_PATH}lakeside-dental/complete.html`, origin);
    await printed.emulateMedia({ media: "print" });
    expect(await printed.$$eval(".timeline-figure", (figures) => figures.map((figure) => getComputedStyle(figure).breakInside))).toEqual(["avoid", "avoid"]);
    await printed.close();
  });

  it("can be used with the keyboard: the first Tab reaches the skip link, which moves to the content", async () => {
    const { page } = await visit(`${origin}${SUB_PATH}harbor-finch/index.html`, origin);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to content");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
    await page.close();
  });

  it("prints the complete pack without navigation, one chapter per page", async () => {
    const { page } = await visit(`${origin}${SUB_PATH}lakeside-dental/complete.html`, origin);
    await page.emulateMedia({ media: "print" });
    expect(await page.$$eval(".site-nav, .screen-only", (nodes) => nodes.filter((node) => getComputedStyle(node).display !== "none").length)).toBe(0);
    expect(await page.$$eval(".chapter", (nodes) => nodes.slice(1).every((node) => getComputedStyle(node).breakBefore === "page"))).toBe(true);
    // The memo's signature never stands alone on a page: its closing (the thanks, the greeting and
    // the name) is one block that does not split and does not break from the lines above it.
    const closing = await page.$eval(".memo .memo-closing", (node) => ({
      last: node === node.parentElement?.lastElementChild,
      breakInside: getComputedStyle(node).breakInside,
      breakBefore: getComputedStyle(node).breakBefore,
      paragraphs: Array.from(node.children).map((child) => child.textContent?.trim()),
    }));
    expect(closing).toEqual({
      last: true,
      breakInside: "avoid",
      breakBefore: "avoid",
      paragraphs: ["Thank you for working with us. If you ever need us again, we will be glad to hear from you.", "Kind regards,", "Raj Patel\nAccount Manager"],
    });
    const pdf = await page.pdf({ format: "A4" });
    writeFileSync(join(SCREENSHOTS, "lakeside-dental-complete.pdf"), pdf);
    expect(pdf.byteLength).toBeGreaterThan(20_000);
    await page.close();
  }, 60_000);
});
