import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { deriveChecklist } from "../derive/checklist.ts";
import { writeAtomic } from "../lib/write-atomic.ts";
import { CHECKLIST_FILE } from "../model/kinds.ts";
import type { Playbook } from "../model/playbook.generated.ts";
import type { ClientModel } from "../model/types.ts";
import { checklistFileState, renderChecklist } from "./checklist-markdown.ts";

export type ChecklistFileResult = "up-to-date" | "missing" | "stale" | "written" | "edited";

/**
 * Compares a client's `CHECKLIST.md` with what the records give, and with `write` brings it up to
 * date, unless a tech edited it by hand: that file is never overwritten.
 */
export function syncChecklistFile(root: string, model: ClientModel, playbook: Playbook, write: boolean): { file: string; result: ChecklistFileResult; text: string } {
  const text = renderChecklist(model, deriveChecklist(model, playbook));
  const file = `${model.dir}/${CHECKLIST_FILE}`;
  const path = join(root, file);
  // A checkout with CRLF line endings holds the same checklist.
  const existing = existsSync(path) ? readFileSync(path, "utf8").replace(/\r\n/g, "\n") : undefined;
  if (existing === text) return { file, result: "up-to-date", text };
  if (!write) return { file, result: existing === undefined ? "missing" : "stale", text };
  if (checklistFileState(existing) === "edited") return { file, result: "edited", text };
  writeAtomic(path, text);
  return { file, result: "written", text };
}
