import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ExportData } from "../../scripts/import/export-data.ts";
import { HIDDEN, holdingSecrets, screenFields, shown } from "../../scripts/import/firewall.ts";
import { importClient, secretsInPlan } from "../../scripts/import/import-client.ts";
import type { PlannedFile } from "../../scripts/import/plan.ts";
import { origin, sampleExport } from "../helpers/export-data.ts";
import { makeRepo, run } from "../helpers/repo.ts";
import { trueNegatives, truePositives, type CorpusLine } from "../helpers/secret-corpus.ts";

/** Every file under a folder, as text: where no secret may be. */
function allText(dir: string): string {
  return (readdirSync(dir, { recursive: true }) as string[])
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => `${path}\n${readFileSync(path, "utf8")}`)
    .join("\n");
}

/** The secret parts of a corpus line: what must never appear anywhere. */
const secretsOf = (line: CorpusLine) => line.secrets.map(({ start, end }) => line.text.slice(start, end));

/** Shapes from the corpus: provider tokens, a key, a phrase a tech writes, a URL with a password. */
const FAMILIES = ["aws-access-key-id", "github-token", "private-key", "azure-ad-client-secret", "credential-phrase", "url-password", "stripe-key", "slack-webhook-url", "connection-string-password", "wifi-qr-code", "bitlocker-recovery-key", "login-pair"];

describe("the secret firewall", () => {
  const positives = truePositives();

  it("finds every true positive of the corpus among the values it is scanned with, and only its value", () => {
    for (const line of positives) {
      expect([...holdingSecrets(["Dell OptiPlex 7090", line.text, "Server closet, 2nd floor"])], line.family).toEqual([1]);
    }
  });

  it("withholds none of the corpus's true negatives", () => {
    expect([...holdingSecrets(trueNegatives())]).toEqual([]);
  });

  it("withholds a whole field, and the fields of a list, when one of their values holds a secret", () => {
    const [key] = positives.filter((line) => line.family === "aws-access-key-id");
    const screened = screenFields({ name: "Backup NAS", notes: `Cloud sync: ${key!.text}`, dns: ["10.0.0.2", key!.text], description: "Synology" });
    expect(screened).toEqual({ fields: { name: "Backup NAS", description: "Synology" }, withheld: ["dns", "notes"] });
  });

  it("lets no planted secret of any shape reach a record, a report, a temporary file or an error, from any field of any item", async () => {
    const lines = FAMILIES.map((family) => positives.find((line) => line.family === family) as CorpusLine);
    expect(lines.every(Boolean)).toBe(true);
    let next = 0;
    const plant = () => (lines[next++ % lines.length] as CorpusLine).text;
    const data: ExportData = sampleExport();
    // Every string of every item holds one, in turn, from the firewall's name to the ticket's subject.
    const items = [data.client!, ...data.contacts, ...data.locations, ...data.vendors, ...data.assets, ...data.credentials, ...data.tickets, ...data.networks];
    for (const item of items) {
      const fields = item.fields as unknown as Record<string, unknown>;
      for (const key of Object.keys(fields)) {
        if (typeof fields[key] === "string" && key !== "category") fields[key] = `${fields[key] as string} ${plant()}`;
        if (Array.isArray(fields[key])) fields[key] = [...(fields[key] as string[]), plant()];
      }
    }
    data.documents.push({ origin: origin("documents", "D-1"), fields: { title: "Runbook", html: `<p>Steps.</p><pre>${plant()}</pre>` } });
    data.assets.push({ origin: origin("assets", "NAS-01"), fields: { name: "NAS", category: "hardware", notes: plant() } });

    const root = makeRepo({});
    const outcome = importClient(structuredClone(data), { root, slug: "acme", dryRun: false, name: "Acme Dental" });
    expect(outcome.written).toBe(true);
    const planted = lines.flatMap(secretsOf);
    const written = allText(join(root, "clients"));
    const report = JSON.stringify(outcome);
    for (const secret of planted) {
      expect(written.includes(secret), secret.slice(0, 4)).toBe(false);
      expect(report.includes(secret), secret.slice(0, 4)).toBe(false);
    }
    // Every item says what was withheld from it; the NAS's name is kept, its notes are not.
    const nas = readFileSync(join(root, "clients/acme/assets/nas.md"), "utf8");
    expect(nas).toMatch(/^name: NAS$/m);
    expect(nas).toMatch(/withheld:\n\s+- notes\n/);
    expect(readFileSync(join(root, "clients/acme/client.md"), "utf8")).toMatch(/withheld:\n(?:\s+- .+\n)*\s+- contacts Jane Doe email\n/);
    // Nothing was left behind beside the client folder.
    expect(readdirSync(join(root, "clients"))).toEqual(["acme"]);

    // The same through the command, from a real ITFlow export: nothing on stdout or stderr either.
    const exported = makeRepo({});
    const csv = (rows: string[][]) => rows.map((row) => row.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(",")).join("\r\n");
    writeFileSync(
      join(exported, "Acme Dental-Assets-2026-11-01_09-00-00.csv"),
      csv([
        ["Name", "Description", "Type", "Make", "Model", "Serial Number", "Operating System", "Purchase Date", "Warranty Expire", "Install Date", "Assigned To", "Location", "Physical Location", "Notes"],
        ...lines.map((line, index) => [`PC-${index}`, line.text, "Desktop", "Dell", "OptiPlex", `SN${index}`, "Windows 11", "", "", "", line.text, "Main office", "", `Keep: ${line.text}`]),
      ]),
    );
    writeFileSync(
      join(exported, "Acme Dental-Credentials-2026-11-01_09-00-00.csv"),
      csv([["Name", "Description", "Username", "Password", "TOTP", "URI"], ...lines.map((line, index) => [`Account ${index}`, line.text, `user${index}`, line.text, "JBSWY3DPEHPK3PXP", `https://portal.example/${index}`])]),
    );
    for (const format of ["text", "json"]) {
      const again = makeRepo({});
      const result = await run(["import", "itflow", exported, "--client", "acme", "--name", "Acme Dental", "--root", again, "--format", format]);
      expect(result.code, result.stderr).toBe(0);
      for (const secret of [...planted, "JBSWY3DPEHPK3PXP"]) expect(`${result.stdout}${result.stderr}${allText(join(again, "clients"))}`.includes(secret), secret.slice(0, 4)).toBe(false);
      if (format === "json") expect(JSON.parse(result.stdout).withheld).toHaveLength(2 * lines.length);
      expect(readdirSync(join(again, "clients"))).toEqual(["acme"]);
    }
  });

  it("withholds a document or note whose markup splits a secret that a reader sees whole", () => {
    const token = `ghp_${"aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5"}`;
    const key = `MIIEpAIBAAKCAQEA${"q7Lm2Np4Rs6Tv8Wx0Yz1Ab3Cd5Ef7Gh9Ij2Kl4Mn6"}`;
    const hostile: [string, string, string][] = [
      ["an empty tag inside a token", `<p>GitHub: ${token.slice(0, 4)}<b></b>${token.slice(4)}</p>`, token.slice(4)],
      ["an entity for its underscore", `<p>GitHub: ghp&#95;${token.slice(4)}</p>`, token.slice(4)],
      ["a bold keyword", "<p><strong>Password:</strong> Xk9!mmQ2w</p>", "Xk9!mmQ2w"],
      ["an emphasised keyword", "<p><em>Password</em>: Xk9!mmQ2w</p>", "Xk9!mmQ2w"],
      ["a link as the value", "<p>Password: <a href='https://portal.example'>Xk9!mmQ2w</a></p>", "Xk9!mmQ2w"],
      ["keyword and value in two paragraphs", "<p>Password</p><p>Xk9!mmQ2w</p>", "Xk9!mmQ2w"],
      ["a definition list", "<dl><dt>Password</dt><dd>Xk9!mmQ2w</dd></dl>", "Xk9!mmQ2w"],
      ["a table of two rows", "<table><tr><th>Password</th></tr><tr><td>Xk9!mmQ2w</td></tr></table>", "Xk9!mmQ2w"],
      ["a non-breaking space", "<p>Password:&nbsp;Xk9!mmQ2w</p>", "Xk9!mmQ2w"],
      ["a key split by line breaks", `<p>-----BEGIN RSA PRIVATE KEY-----<br>${key}<br>-----END RSA PRIVATE KEY-----</p>`, key],
      ["a soft hyphen inside the keyword", "<p>Pass&shy;word: Zw-Secret#1111</p>", "Zw-Secret#1111"],
      ["a zero-width space inside a token", `<p>${token.slice(0, 12)}&#8203;${token.slice(12)}</p>`, token.slice(12)],
      ["a zero-width space inside a key's header", `<p>-----BEGIN RSA PRIVATE&#8203; KEY-----<br>${key}</p>`, key],
      ["a table with no header cells", "<table><tr><td>Device</td><td>User</td><td>Password</td></tr><tr><td>NAS</td><td>nasadmin</td><td>Tdtable-Doc#4444</td></tr></table>", "Tdtable-Doc#4444"],
      ["an alarm code in the next paragraph", "<p>Alarm code:</p><p>#4821*</p>", "4821"],
      ["a user and password after a label", "<p>iDRAC: root / Idrac-Csv#3</p>", "Idrac-Csv#3"],
    ];
    const data: ExportData = sampleExport();
    hostile.forEach(([title, html], index) => data.documents.push({ origin: origin("documents", `H-${index}`), fields: { title: `Page ${index}`, html } }));
    data.documents.push({ origin: origin("documents", "H-ok"), fields: { title: "Rotation", html: "<p>Passwords</p><p>Rotate them every 90 days in the portal.</p>" } });
    const root = makeRepo({});
    const outcome = importClient(data, { root, slug: "acme", dryRun: false, name: "Acme Dental" });
    expect(outcome.written).toBe(true);
    const written = allText(join(root, "clients"));
    for (const [what, , secret] of hostile) expect(written.includes(secret), what).toBe(false);
    for (const index of hostile.keys()) expect(readFileSync(join(root, `clients/acme/docs/page-${index}.md`), "utf8"), hostile[index]?.[0]).toMatch(/withheld:\n\s+- (?:body|html)\n/);
    expect(readFileSync(join(root, "clients/acme/docs/rotation.md"), "utf8")).toContain("Rotate them every 90 days in the portal.");
  });

  it("shows a name or message with each secret in it hidden, read as words and as a path, and leaves others as they are", () => {
    const token = `ghp_${"aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5"}`;
    expect(shown(`notes-${token}.csv`)).toBe(`notes-${HIDDEN}.csv`);
    expect(shown(`the entry \`Documents/${token}/a.html\` leaves the export`)).toBe(`the entry \`Documents/${HIDDEN}/a.html\` leaves the export`);
    expect(shown("Password: Xk9!mmQ2w and pw Gr33nF!eld#9")).toBe(`Password: ${HIDDEN} and pw ${HIDDEN}`);
    expect(shown("ghp\\_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5")).toBe(HIDDEN);
    expect(shown("Harbor Finch Legal-Assets-2025-06-02_14-05-33.csv")).toBe("Harbor Finch Legal-Assets-2025-06-02_14-05-33.csv");
    expect(shown("Pass\u200bword: LabelSecret#31")).toBe(`Pass\u200bword: ${HIDDEN}`);
  });

  it("checks the files it would write once more, and names a secret there at its place without its value", () => {
    const file = (path: string, status: PlannedFile["status"], text: string) => ({ path, status, text }) as PlannedFile;
    const problems = secretsInPlan({
      files: [
        file("clients/acme/assets/nas.md", "created", "---\nname: NAS\n---\n\nLocal admin on the NAS: nasadmin / Gr33nF!eld#9\n"),
        file("clients/acme/assets/old.md", "unchanged", "Password: Xk9!mmQ2w\n"),
        file("clients/acme/docs/ok.md", "changed", "---\ntitle: Rotation\n---\n\nPasswords rotate every 90 days.\n"),
      ],
    });
    expect(problems.map((problem) => `${problem.file}:${problem.line}:${problem.column} ${problem.severity} ${problem.rule}`)).toEqual(["clients/acme/assets/nas.md:5:36 error no-secrets"]);
    expect(problems[0]?.message).toContain("nothing was written");
    expect(JSON.stringify(problems)).not.toContain("Gr33nF");
  });
});
