/// <reference lib="dom" />
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, launchChromium, SCREENSHOTS } from "../helpers/chromium.ts";
import { copyExamples, edit, run } from "../helpers/repo.ts";

/** Paper, and the width the pack's print margins (15 mm on each side) leave on it, in CSS pixels (96 per inch). */
const PAPER = [
  { format: "A4", printableWidth: ((210 - 30) / 25.4) * 96 },
  { format: "Letter", printableWidth: ((215.9 - 30) / 25.4) * 96 },
] as const;
const MM = 96 / 25.4;

/** Harbor & Finch's forms all wait for a signature (its risk acknowledgement made unsigned); Lakeside's are all signed. */
const FORMS = {
  unsigned: ["risk-acknowledgement-server-2016-end-of-support", "backup-release-m365-backup", "backup-release-server-backup"].map((page) => `harbor-finch/${page}.html`),
  signed: ["risk-acknowledgement-shared-operatory-logins", "backup-release-imaging-pc-backup"].map((page) => `lakeside-dental/${page}.html`),
};

/** Pages of a PDF: its page objects, not the page tree (`/Type /Pages`). */
const pageCount = (pdf: Buffer) => (pdf.toString("latin1").match(/\/Type\s*\/Page(?![A-Za-z])/g) ?? []).length;

describe.skipIf(!hasChromium)("the forms the client signs, printed", () => {
  let browser: Browser;
  let packs: string;

  beforeAll(async () => {
    const root = copyExamples();
    edit(root, "clients/harbor-finch/issues/server-2016-end-of-support.md", /^acknowledgement:\n(  .*\n)+/m, "");
    packs = join(root, "out");
    expect((await run(["build", "--root", root, "--out", packs, "--date", "2026-11-22"])).code).toBe(0);
    browser = await launchChromium();
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** A form's page laid out for print on the printable width of a paper size. */
  async function printed(name: string, width: number): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: Math.floor(width), height: 1000 } });
    await page.goto(`file://${join(packs, name)}`, { waitUntil: "load" });
    await page.emulateMedia({ media: "print" });
    return page;
  }

  it.each([...FORMS.unsigned, ...FORMS.signed])("%s prints on one sheet of A4 and of Letter, nothing wider than the paper", async (name) => {
    for (const { format, printableWidth } of PAPER) {
      const page = await printed(name, printableWidth);
      // Every box within the printable width: nothing is cut off at the paper's edge.
      const outside = await page.evaluate((width) => {
        const boxes = Array.from(document.querySelectorAll("body *")).map((node) => ({ node, box: node.getBoundingClientRect() }));
        return boxes.filter(({ box }) => box.width > 0 && (box.left < -0.5 || box.right > width + 0.5)).map(({ node, box }) => `${node.tagName.toLowerCase()}.${node.className} ${Math.round(box.left)}–${Math.round(box.right)}`);
      }, Math.floor(printableWidth));
      expect(outside, `${name} on ${format}`).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `${name} on ${format}`).toBeLessThanOrEqual(0);
      const pdf = await page.pdf({ format });
      expect(pageCount(pdf), `${name} on ${format}`).toBe(1);
      writeFileSync(join(SCREENSHOTS, `form-${name.replace(/[/.]/g, "-")}-${format}.pdf`), pdf);
      await page.screenshot({ path: join(SCREENSHOTS, `form-${name.replace(/[/.]/g, "-")}-${format}.png`), fullPage: true });
      await page.close();
    }
  }, 60_000);

  it.each(FORMS.unsigned)("%s prints lines to sign on: name, role, date and a taller one for the signature", async (name) => {
    const page = await printed(name, PAPER[0].printableWidth);
    const lines = await page.$$eval(".signing-form tbody tr", (rows) =>
      rows.map((row) => {
        const [label, cell] = Array.from(row.children) as HTMLElement[];
        const style = getComputedStyle(cell!);
        return { label: label?.textContent, empty: cell?.textContent === "", line: `${style.borderBottomStyle} ${style.borderBottomColor}`, width: parseFloat(style.borderBottomWidth), height: cell!.getBoundingClientRect().height };
      }),
    );
    expect(lines.map(({ label, empty, line }) => [label, empty, line])).toEqual(["Name", "Role", "Date", "Signature"].map((label) => [label, true, "solid rgb(27, 31, 36)"]));
    for (const { label, width, height } of lines) {
      expect(width, label ?? "").toBeGreaterThanOrEqual(1);
      expect(height, label ?? "").toBeGreaterThanOrEqual((label === "Signature" ? 13.5 : 7.5) * MM);
    }
    const layout = await page.evaluate(() => ({
      table: getComputedStyle(document.querySelector(".signing-form table")!).breakInside,
      heading: getComputedStyle(Array.from(document.querySelectorAll(".signing-form h2")).at(-1)!).breakAfter,
      hidden: Array.from(document.querySelectorAll(".site-nav, .preview-banner")).map((node) => getComputedStyle(node).display),
    }));
    // The lines never split from each other or from their heading; the pack's navigation and preview notice do not print.
    expect(layout).toEqual({ table: "avoid", heading: "avoid", hidden: ["none", "none"] });
    await page.close();
  });

  it.each(FORMS.signed)("%s prints the recorded signature, with no blank line", async (name) => {
    const page = await printed(name, PAPER[1].printableWidth);
    const rows = await page.$$eval(".signing-form tbody tr", (cells) => cells.map((row) => Array.from(row.children).map((cell) => cell.textContent?.trim())));
    expect(rows.map(([label]) => label)).toEqual(["Signed by", "Date", "Signed copy kept"]);
    expect(rows.every(([, filled]) => Boolean(filled))).toBe(true);
    expect(await page.$eval(".signing-form", (form) => form.className)).toBe("signing-form signed");
    await page.close();
  });

  it("prints each form of the complete pack on a page of its own", async () => {
    const page = await printed("lakeside-dental/complete.html", PAPER[0].printableWidth);
    const breaks = await page.$$eval(".form-chapter", (chapters) => chapters.map((chapter) => getComputedStyle(chapter).breakBefore));
    expect(breaks).toEqual(["auto", "page"]);
    expect(await page.$eval(".form-chapter", (chapter) => getComputedStyle(chapter.closest(".chapter")!).breakBefore)).toBe("page");
    await page.close();
  });
});
