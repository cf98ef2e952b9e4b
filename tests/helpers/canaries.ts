import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { edit } from "./repo.ts";

/** Puts a canary into a record's `internalNotes`, adding the field where the record has none. */
function noteCanary(root: string, path: string, canary: string): void {
  const text = readFileSync(join(root, path), "utf8");
  if (/^internalNotes: /m.test(text)) edit(root, path, /^internalNotes: (>-\n\s+)?/m, `internalNotes: $1${canary} `);
  else edit(root, path, /^---\n/, `---\ninternalNotes: ${canary}\n`);
}

/** Plants a canary in every internal place of harbor-finch, and a public one in lakeside-dental. */
export function plantCanaries(root: string): void {
  const h = "clients/harbor-finch";
  noteCanary(root, `${h}/client.md`, "CANARY-client-notes");
  edit(root, `${h}/client.md`, /detail: >-\n/, "detail: >-\n    CANARY-ending\n");
  edit(root, `${h}/client.md`, /arrangement: >-\n/, "arrangement: >-\n      CANARY-money\n");
  edit(root, `${h}/client.md`, "## Internal: billing dispute\n", "## Internal: billing dispute\n\nCANARY-section\n\n### Nested\n\nCANARY-nested\n");
  edit(root, `${h}/client.md`, "## What this handover pack contains\n", "## What this handover pack contains\n\n<!-- CANARY-comment -->\n\n<script>CANARY-script</script>\n\n");
  edit(root, `${h}/contracts/managed-services.md`, /slaEvidence: [^\n]*/, "slaEvidence: CANARY-sla");
  noteCanary(root, `${h}/contracts/bdr.md`, "CANARY-contract-notes");
  noteCanary(root, `${h}/assets/fw-01.md`, "CANARY-asset-notes");
  noteCanary(root, `${h}/issues/ups-battery.md`, "CANARY-issue-notes");
  noteCanary(root, `${h}/backups/server-backup.md`, "CANARY-backup-notes");
  noteCanary(root, `${h}/access/wifi.md`, "CANARY-access-notes");
  noteCanary(root, `${h}/docs/network-overview.md`, "CANARY-doc-notes");
  edit(root, `${h}/docs/transition-call-notes.md`, /^title: [^\n]*/m, "title: CANARY-internal-record");
  writeFileSync(join(root, `${h}/assets/hidden.md`), "---\naudience: internal\nname: CANARY-internal-asset\ntype: hardware\nowner: msp\ndisposition: retrieve\ndispositionDueOn: 2026-12-20\n---\n");
  // An internal contract with an end date: the calendar and the timeline must not show it.
  writeFileSync(join(root, `${h}/contracts/side-deal.md`), "---\naudience: internal\ntitle: CANARY-internal-contract\ntype: other\nbundled: false\ndisposition: ends\nendDate: 2027-01-15\n---\n");
  edit(root, `${h}/docs/wifi-and-printers.md`, /\n---\n/, "\n---\n\n## Internal notes\n\nCANARY-internal-notes-heading\n\n");
  // What the client's forms read: the issue and backup they are about, an internal asset the issue
  // names, and a serious risk in an internal record (one we fix before the end: left with the
  // client, it could not be internal), which has no form.
  noteCanary(root, `${h}/issues/server-2016-end-of-support.md`, "CANARY-risk-notes");
  edit(root, `${h}/issues/server-2016-end-of-support.md`, "assets:\n  - srv-01\n", "assets:\n  - srv-01\n  - hidden\n");
  writeFileSync(
    join(root, `${h}/issues/hidden-risk.md`),
    "---\naudience: internal\nticket: T-1\ntitle: CANARY-internal-risk\nseverity: critical\ndisposition: work-before-end\ncoverage: billable\nrisk: CANARY-internal-risk-words\n---\n",
  );
  edit(root, "clients/lakeside-dental/client.md", /\n---\n/, "\n---\n\nOTHER-CLIENT-CANARY\n");
}
