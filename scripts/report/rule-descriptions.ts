/**
 * Every rule id a problem can carry, with what it checks in one line: the rule list code scanning
 * shows beside each finding. docs/rules.md has a section per rule under the same id, and a test
 * keeps the three (this list, that page, the rules table of docs/architecture.md) in step.
 */
export const RULE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  "backup-continuity": "Our backups never stop before the successor's verified backup or the client's signed release.",
  "backup-restore-section": "Each backup narrative has a non-empty section on how to restore.",
  branding: "branding.yml matches its schema, its colours are readable on white and its logo is a file beside it.",
  "contract-dates": "A contract ends after it starts.",
  "file-encoding": "A record is within the size limit, valid UTF-8 and free of NUL bytes.",
  freshness: "Documentation was verified or changed within the playbook's freshnessDays of the handover.",
  frontmatter: "Frontmatter is plain YAML between exact --- fences, with no duplicate keys, aliases, tags or directives.",
  "acceptance-tag": "The acceptance names a final release tag of this client that the repository holds.",
  "doc-links": "A link the client sees to a documentation page (`./wifi.md`) points at a page in the pack, not a missing or internal one.",
  "future-date": "A date that records something done is not after today.",
  "import-source": "A platform's export can be read: UTF-8, within the limits, rows that match their header, a safe ZIP, one organization chosen.",
  "internal-heading": "An Internal heading is not inside a list or quote, where it would hide nothing.",
  "markdown-limits": "A record body is not nested or shaped so that it would stall the Markdown parser.",
  "no-secrets": "No password, PIN, key or token is written into a record.",
  "notice-period": "Services stop no earlier than the notice date plus the notice period.",
  playbook: "playbook.yml matches its schema, and its ids, phases, order and fields all exist.",
  readiness: "Every blocking step is done before a release (but those after it), before the handover is called complete, or before services stop.",
  references: "Every record id a record names exists in the same client.",
  "risk-acknowledgement": "A high or critical risk left with the client is signed for.",
  "scaffold-todo": "No TODO: placeholder from handover new is left in a record.",
  schema: "Every record matches the JSON Schema of its kind.",
  structure: "A client folder holds only known files and folders with safe names, client.md and no symbolic links.",
  "to-decide": "No field is left to-decide (as handover import leaves the facts only a person can decide) once the handover must be complete.",
};
