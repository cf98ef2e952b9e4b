import type { Problem } from "../lib/problems.ts";
import type { ClientModel } from "../model/types.ts";
import { problemAtOffset } from "../lib/problem-at.ts";

export const RULE = "backup-restore-section";

const RESTORE_HEADING = /\brestor(e|ing)\b/i;

/**
 * Every backup narrative tells the client how to get data back: a client-facing section
 * whose heading mentions restoring, with text under it.
 */
export function checkBackupRestoreSection(model: ClientModel): Problem[] {
  const problems: Problem[] = [];
  // A narrative too malformed to read has its own error; a missing section here would mislead.
  for (const backup of model.backups.filter((record) => !record.bodyRefused)) {
    const { sections } = backup;
    const restore = sections.find((section) => !section.internal && RESTORE_HEADING.test(section.heading));
    if (!restore) {
      problems.push(
        problemAtOffset(
          backup,
          backup.bodyOffset,
          RULE,
          "the backup narrative has no restore section; add a heading such as `## How to restore` and explain, step by step, how the client gets a file or a whole system back",
        ),
      );
      continue;
    }
    const content = backup.source.text.slice(restore.start, restore.end).split("\n").slice(1).join("\n").trim();
    if (content === "") {
      problems.push(problemAtOffset(backup, restore.start, RULE, `the section \`${restore.heading}\` is empty; explain how the client restores their data`));
    }
  }
  return problems;
}
