import { describe, expect, it } from "vitest";
import { clientData, isClientRecord } from "../../scripts/pack/client-view.ts";
import { copyExamples } from "../helpers/repo.ts";
import { validateRepository } from "../../scripts/validate-repository.ts";

describe("clientData", async () => {
  const { clients } = await validateRepository(copyExamples());
  const harbor = clients.find((client) => client.model.slug === "harbor-finch")!.model;

  it("removes every property the schema marks internal, at any depth", () => {
    const data = clientData(harbor.case!);
    expect(Object.keys(data)).not.toEqual(expect.arrayContaining(["money"]));
    expect(data).not.toHaveProperty("ending");
    expect(data).not.toHaveProperty("money");
    expect(data).not.toHaveProperty("internalNotes");
    expect(data.offboarding).not.toHaveProperty("monitoringUpdatedOn");
    expect(data.offboarding?.removalTicket).toBe("T-48190");
    expect(harbor.case!.data).toHaveProperty("money");
  });

  it("keeps internal contract facts out", () => {
    for (const contract of harbor.contracts) {
      const data = clientData(contract);
      for (const key of ["slaEvidence", "psaExpirySetOn", "recurringBillingCancelledOn", "recurringBillingCreatedOn", "internalNotes"]) expect(data).not.toHaveProperty(key);
    }
  });

  it("keeps internal records out", () => {
    expect(harbor.docs.filter((doc) => !isClientRecord(doc)).map((doc) => doc.id)).toEqual(["transition-call-notes"]);
  });
});
