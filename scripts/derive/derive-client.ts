import type { Problem } from "../lib/problems.ts";
import type { Playbook } from "../model/playbook.generated.ts";
import type { ClientModel } from "../model/types.ts";
import { deriveChecklist, type Checklist } from "./checklist.ts";
import { checkReadiness } from "./readiness.ts";

export interface DerivedClient {
  checklist: Checklist;
  /** Readiness problems only; validation problems come from validation. */
  readiness: Problem[];
}

export function deriveClient(model: ClientModel, playbook: Playbook, today: string): DerivedClient {
  const checklist = deriveChecklist(model, playbook);
  return { checklist, readiness: checkReadiness(model, checklist, today) };
}
