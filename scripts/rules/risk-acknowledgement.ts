import type { Problem } from "../lib/problems.ts";
import type { ClientModel, Issue } from "../model/types.ts";
import { problemAtField } from "../lib/problem-at.ts";
import { isClientRecord } from "../pack/client-view.ts";

export const RULE = "risk-acknowledgement";

/** A high or critical risk that stays with the client (closed unworked or handed over): the client signs for it. */
export function needsAcknowledgement(issue: Pick<Issue, "severity" | "disposition">): boolean {
  return (issue.severity === "high" || issue.severity === "critical") && issue.disposition !== "work-before-end";
}

/**
 * The client's signature is the record that protects the MSP when the risk comes true. Until they
 * have signed it is a warning, not an error: the pack that holds the acknowledgement they sign is
 * only built from records without errors. The playbook's blocking step keeps a release waiting.
 */
export function checkRiskAcknowledgement(model: ClientModel): Problem[] {
  const serious = model.issues.filter(({ data }) => needsAcknowledgement(data));
  // The client signs that they know of the risk, so it cannot be kept from their pack.
  const hidden = serious.filter((issue) => !isClientRecord(issue));
  const unsigned = serious.filter((issue) => isClientRecord(issue) && !issue.data.acknowledgement);
  return [
    ...hidden.map((issue) =>
      problemAtField(
        issue,
        ["audience"],
        RULE,
        `a ${issue.data.severity} risk that stays with the client cannot be internal: they must know of it and sign that they do, and an internal issue never reaches their pack. Remove \`audience: internal\`, or set \`disposition: work-before-end\` if we fix it before our service ends`,
      ),
    ),
    ...unsigned.map((issue) =>
      problemAtField(
        issue,
        ["severity"],
        RULE,
        `a ${issue.data.severity} risk that stays with the client needs their signed acknowledgement: have them sign the risk acknowledgement in the pack (\`handover forms ${model.slug}\` prints it), then add \`acknowledgement\` with \`signedBy\`, \`signedOn\` and \`document\``,
        "warning",
      ),
    ),
  ];
}
