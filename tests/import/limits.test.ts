import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importClient } from "../../scripts/import/import-client.ts";
import { loadClient } from "../../scripts/load/load-client.ts";
import { validateClient } from "../../scripts/rules/index.ts";
import { origin, sampleExport } from "../helpers/export-data.ts";
import { makeRepo } from "../helpers/repo.ts";

describe("an export the records cannot hold as it is", () => {
  it("leaves out the body of a document too large for a record, says where, and still imports the page", async () => {
    const data = sampleExport();
    data.documents.push({ origin: origin("documents", "D-9"), fields: { title: "Huge runbook", html: `<p>${"All work and no play. ".repeat(14_000)}</p>` } });
    const root = makeRepo({});
    const outcome = importClient(data, { root, slug: "acme", dryRun: false });
    expect(outcome.problems).toEqual([
      expect.objectContaining({ file: "clients/acme/docs/huge-runbook.md", severity: "warning", rule: "import-source", message: expect.stringMatching(/^this record would be \d+ KiB, over the 256 KiB a record may hold, so its body was not imported/) }),
    ]);
    const page = readFileSync(join(root, "clients/acme/docs/huge-runbook.md"), "utf8");
    expect(page).toMatch(/^title: Huge runbook$/m);
    expect(page).not.toContain("All work");
    expect((await validateClient(loadClient(root, "acme"))).problems.filter((problem) => problem.severity === "error")).toEqual([]);
  });

  it("imports the first of two items with the same id, and places the second in its export file", () => {
    const data = sampleExport();
    data.assets.push({ origin: { ...origin("assets", "FW-01", 9) }, fields: { name: "Another firewall", category: "hardware" } });
    const outcome = importClient(data, { root: makeRepo({}), slug: "acme", dryRun: true });
    expect(outcome.problems).toEqual([
      expect.objectContaining({ file: "Acme Dental-assets.csv", line: 9, severity: "warning", message: "this assets item has the same id as the one on line 2 of Acme Dental-assets.csv; only the first is imported" }),
    ]);
    expect(outcome.plan?.files.map((file) => file.path)).not.toContain("assets/another-firewall.md");
  });
});
