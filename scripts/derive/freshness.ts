import { daysBetween } from "../lib/dates.ts";
import { problemAtField } from "../lib/problem-at.ts";
import type { Problem } from "../lib/problems.ts";
import { changedOn, type Provenance } from "../git/provenance.ts";
import { decided } from "../model/to-decide.ts";
import type { ClientModel } from "../model/types.ts";
import { isComplete, OFFBOARDING_STATUSES } from "./checklist.ts";

export const RULE = "freshness";

/**
 * Documentation is handed over verified: each page was verified (`lastVerified`) or changed in
 * git within `days` of the handover (the services-stop date once complete, otherwise today).
 * A stale page blocks a completed handover and is a warning before.
 */
export function checkFreshness(model: ClientModel, days: number, today: string, history: Provenance | undefined): Problem[] {
  const clientCase = model.case;
  if (!clientCase || !(OFFBOARDING_STATUSES as readonly string[]).includes(clientCase.data.status)) return [];
  const complete = isComplete(clientCase.data.status);
  const handover = complete && clientCase.data.servicesStop ? clientCase.data.servicesStop : today;
  return model.docs.flatMap((doc) => {
    const path = doc.source.path;
    const changed = changedOn(history, path, today);
    // A page imported and never checked (`lastVerified: to-decide`) counts only its changes in git.
    const latest = [decided(doc.data.lastVerified), changed].filter((date): date is string => Boolean(date)).sort().at(-1);
    if (latest === undefined) return [];
    const age = daysBetween(latest, handover);
    if (age <= days) return [];
    const when = complete ? `at the handover on ${handover}` : "today";
    return [
      problemAtField(
        doc,
        ["lastVerified"],
        RULE,
        `this page was last verified or changed on ${latest}, ${age} days before ${when}; the playbook asks for ${days}. Check it against the real systems and update \`lastVerified\``,
        complete ? "error" : "warning",
      ),
    ];
  });
}
