import type { Problem } from "../lib/problems.ts";
import type { ClientModel } from "../model/types.ts";
import { problemAtField } from "../lib/problem-at.ts";

export const RULE = "risk-acknowledgement";

/**
 * A high or critical risk that stays with the client (closed unworked or handed over) needs the
 * client's signature: the record that protects the MSP when the risk comes true.
 */
export function checkRiskAcknowledgement(model: ClientModel): Problem[] {
  return model.issues
    .filter(({ data }) => (data.severity === "high" || data.severity === "critical") && data.disposition !== "work-before-end")
    .filter(({ data }) => !data.acknowledgement)
    .map((issue) =>
      problemAtField(
        issue,
        ["severity"],
        RULE,
        `a ${issue.data.severity} risk that stays with the client needs their signed acknowledgement; add \`acknowledgement\` with \`signedBy\`, \`signedOn\` and \`document\``,
      ),
    );
}
