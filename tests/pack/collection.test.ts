import { describe, expect, it } from "vitest";
import { dispositionLabel } from "../../scripts/pack/collection.ts";

describe("dispositionLabel", () => {
  it("says the owner collects leased hardware, and we collect ours", () => {
    expect(dispositionLabel({ owner: "leased", vendor: "Tri-County Office Equipment", disposition: "retrieve" })).toBe("Its owner collects it");
    expect(dispositionLabel({ owner: "msp", disposition: "retrieve" })).toBe("We collect it");
    expect(dispositionLabel({ owner: "leased", disposition: "stays" })).toBe("Stays with you");
  });
});
