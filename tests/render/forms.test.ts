import type { Root } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { loadClient } from "../../scripts/load/load-client.ts";
import { formDocuments, formsMarkdown, type FormDocument } from "../../scripts/render/forms.ts";
import { treeHtml } from "../../scripts/render/markdown-html.ts";
import { validateClient } from "../../scripts/rules/index.ts";
import { copyExamples, edit } from "../helpers/repo.ts";

const CONTEXT = { msp: "Bluestone IT Services", date: "2026-11-22" };

async function documents(root: string, slug: string): Promise<FormDocument[]> {
  return formDocuments((await validateClient(loadClient(root, slug))).model, CONTEXT);
}

const text = (document: FormDocument | undefined) => (document ? toString(document.body) : "");
const byPage = (list: FormDocument[], page: string) => list.find((document) => document.form.page === page);

/** The signature table's rows as text: label and what is filled in. */
function signatureRows(body: Root): string[][] {
  const table = body.children.find((node) => node.type === "table");
  return table?.type === "table" ? table.children.map((row) => row.children.map((cell) => toString(cell))) : [];
}

describe("the risk acknowledgement", () => {
  it("says in plain words what the risk is, what the client takes on and what signing means, with lines to sign on", async () => {
    const root = copyExamples();
    edit(root, "clients/harbor-finch/issues/server-2016-end-of-support.md", /^acknowledgement:\n(  .*\n)+/m, "");
    const form = byPage(await documents(root, "harbor-finch"), "risk-acknowledgement-server-2016-end-of-support")!;
    expect(form.form.title).toBe("Risk acknowledgement: Office server's Windows version reaches end of support");
    const words = text(form);
    for (const fact of [
      "Awaiting your signature. Please read this page, sign it and return it to Dana Okafor (Client Success Manager), +1 555 0110, dana.okafor@bluestone-it.example.",
      "These facts are from our records as of 2026-11-22.",
      "Client: Harbor & Finch LLP",
      "Issue: Office server's Windows version reaches end of support (ticket T-48213)",
      "How serious: High",
      "Affects: Office server (HF-SRV01)",
      "What happens to it: Handed over to Northpoint IT",
      "Our managed services end: 2026-12-15",
      "The risk to you: After 2027-01-12 the office server gets no more security fixes from Microsoft.",
      "We hand it over to Northpoint IT; fixing it is up to you and them.",
      "the risk stays with Harbor & Finch LLP",
      "By signing, you confirm that Bluestone IT Services has told you about this risk",
    ]) {
      expect(words).toContain(fact);
    }
    expect(signatureRows(form.body)).toEqual([["Signed for", "Harbor & Finch LLP"], ["Name", ""], ["Role", ""], ["Date", ""], ["Signature", ""]]);
  });

  it("shows the recorded signature instead of blank lines once signed", async () => {
    const form = byPage(await documents(copyExamples(), "harbor-finch"), "risk-acknowledgement-server-2016-end-of-support")!;
    expect(text(form)).toContain("Signed. This acknowledgement was signed on 2026-11-12 by Eleanor Finch, Managing Partner.");
    expect(text(form)).not.toContain("Awaiting your signature");
    expect(signatureRows(form.body)).toEqual([
      ["Signed for", "Harbor & Finch LLP"],
      ["Signed by", "Eleanor Finch, Managing Partner"],
      ["Date", "2026-11-12"],
      ["Signed copy kept", "Risk acknowledgement RA-HF-2026-01, signed PDF in our PSA on ticket T-48213 and in the firm's DMS as HF-ADM-2026-052"],
    ]);
  });

  it("says a risk closed unworked is worked on by nobody, and an in-house successor is the client's own team", async () => {
    const root = copyExamples();
    edit(root, "clients/lakeside-dental/issues/shared-operatory-logins.md", "disposition: hand-over", "disposition: close-with-note\nclosedOn: 2026-09-30\nclosingNote: Closed at the end of service.");
    const words = text(byPage(await documents(root, "lakeside-dental"), "risk-acknowledgement-shared-operatory-logins"));
    expect(words).toContain("What happens to it: Closed without further work when our service ends; ticket closed on 2026-09-30");
    expect(words).toContain("nobody works on it unless you ask for it");
    const handed = text(byPage(await documents(copyExamples(), "lakeside-dental"), "risk-acknowledgement-shared-operatory-logins"));
    expect(handed).toContain("What happens to it: Handed over to your own IT team");
  });
});

describe("the backup release", () => {
  it("says what stops when, what the client takes on and what signing means, with lines to sign on", async () => {
    const words = text(byPage(await documents(copyExamples(), "harbor-finch"), "backup-release-server-backup"));
    for (const fact of [
      "Awaiting your signature.",
      "Backup: Office server backup (Datto)",
      "What is backed up: The whole office server HF-SRV01",
      "Where the copies are: The Datto appliance in the server closet and the Datto Cloud (US East data centre)",
      "Our last successful backup: 2026-11-21",
      "Our backups stop: 2026-12-31, the end of the Backup and Disaster Recovery Agreement",
      "Northpoint IT's first verified backup: none recorded as of 2026-11-22",
      "The backups we already hold: Being agreed with you. Northpoint IT has asked for the full year",
      "This release lets us stop ours on 2026-12-31 without waiting for it.",
      "From 2026-12-31 until Northpoint IT's first verified backup, nothing backs up what this backup covers",
      "By signing, you allow Bluestone IT Services to stop this backup on 2026-12-31, before Northpoint IT has a verified backup, and Harbor & Finch LLP accepts the risk",
    ]) {
      expect(words).toContain(fact);
    }
  });

  it("shows a recorded release as signed, and a successor's late backup by its date", async () => {
    const root = copyExamples();
    edit(root, "clients/lakeside-dental/backups/imaging-pc-backup.md", "  ourBackupsStopOn: 2026-09-04\n", "  ourBackupsStopOn: 2026-09-04\n  successorFirstVerifiedBackup: { date: 2026-09-20, verifiedBy: Tomás Reyes, evidence: Job 4 }\n");
    const form = byPage(await documents(root, "lakeside-dental"), "backup-release-imaging-pc-backup")!;
    expect(text(form)).toContain("Signed. This release was signed on 2026-09-03 by Dr. Helen Park, DDS, Owner.");
    expect(text(form)).toContain("Your own IT team's first verified backup: 2026-09-20, after ours stop");
    expect(signatureRows(form.body).slice(1)).toEqual([
      ["Signed by", "Dr. Helen Park, DDS, Owner"],
      ["Date", "2026-09-03"],
      ["Signed copy kept", "Backup release BR-LFD-2026-01, signed PDF on ticket T-39145"],
    ]);
  });
});

describe("the forms as Markdown and HTML", () => {
  it("print every form under its title, from the same trees the pack renders", async () => {
    const list = await documents(copyExamples(), "harbor-finch");
    const markdown = formsMarkdown(list);
    expect(markdown.match(/^# .*/gm)).toEqual([
      "# Risk acknowledgement: Office server's Windows version reaches end of support",
      "# Backup release: Microsoft 365 backup (mail, OneDrive, SharePoint, Teams)",
      "# Backup release: Office server backup (Datto)",
    ]);
    expect(markdown.match(/^---$/gm)).toHaveLength(2);
    // Read back, each form's text is its tree's text, and its HTML says the same.
    const parsed = unified().use(remarkParse).use(remarkGfm).parse(markdown);
    const words = (html: string) => html.replace(/<[^>]+>/g, "").replace(/&#x26;/g, "&").replace(/&#x27;/g, "'").replace(/\s+/g, "");
    for (const document of list) expect(words(toString(parsed))).toContain(words(treeHtml(document.body)));
  });

  it("write a record's value as text: Markdown or HTML in it never becomes markup", async () => {
    const hostile = "Evil *Co* <script>alert(1)</script> | [x](javascript:alert(1)) | _y_";
    const root = copyExamples();
    edit(root, "clients/harbor-finch/issues/server-2016-end-of-support.md", /^title: .*$/m, `title: ${JSON.stringify(hostile)}`);
    edit(root, "clients/harbor-finch/issues/server-2016-end-of-support.md", "  signedBy: Eleanor Finch, Managing Partner", `  signedBy: ${JSON.stringify(hostile)}`);
    const list = await documents(root, "harbor-finch");
    const parsed = unified().use(remarkParse).use(remarkGfm).parse(formsMarkdown(list));
    expect(toString(parsed.children[0]!)).toBe(`Risk acknowledgement: ${hostile}`);
    const table = parsed.children.find((node) => node.type === "table");
    expect(table?.type === "table" && table.children.map((row) => row.children.length)).toEqual([2, 2, 2, 2]);
    expect(JSON.stringify(parsed)).not.toMatch(/"type":"(html|emphasis)"|"url":"javascript/);
    const html = treeHtml(list[0]!.body);
    expect(html).not.toMatch(/<script|href="javascript|<em>/);
    expect(html).toContain("Evil *Co* &#x3C;script>alert(1)&#x3C;/script> | [x](javascript:alert(1)) | _y_");
  });

  it("are the same bytes for the same records and date", async () => {
    const root = copyExamples();
    expect(formsMarkdown(await documents(root, "harbor-finch"))).toBe(formsMarkdown(await documents(root, "harbor-finch")));
    const html = async () => (await documents(root, "lakeside-dental")).map((document) => treeHtml(document.body)).join("");
    expect(await html()).toBe(await html());
  });
});
