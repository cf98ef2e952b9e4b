import { describe, expect, it } from "vitest";
import { dispositionEvent, dispositionLabel } from "../../scripts/pack/collection.ts";

describe("dispositionLabel", () => {
  it("says the owner collects leased hardware, and we collect ours", () => {
    expect(dispositionLabel({ owner: "leased", vendor: "Tri-County Office Equipment", disposition: "retrieve" })).toBe("Its owner collects it");
    expect(dispositionLabel({ owner: "msp", disposition: "retrieve" })).toBe("We collect it");
    expect(dispositionLabel({ owner: "leased", disposition: "stays" })).toBe("Stays with you");
  });
});

describe("dispositionEvent", () => {
  it("words each change of hand for before and after its date, and leaves out what simply stays", () => {
    expect(dispositionEvent({ name: "Imaging PC", owner: "client", disposition: "decommission" })).toEqual({ present: "Imaging PC: to be decommissioned", past: "Imaging PC: decommissioned" });
    expect(dispositionEvent({ name: "Firewall", owner: "msp", disposition: "transfer-ownership" })).toEqual({ present: "Firewall: ownership passes to you", past: "Firewall: ownership passed to you" });
    expect(dispositionEvent({ name: "Copier", owner: "leased", vendor: "Tri-County", disposition: "retrieve" })).toEqual({ present: "Copier: collected by its owner, Tri-County", past: "Copier: collected by its owner, Tri-County" });
    expect(dispositionEvent({ name: "Laptops", owner: "client", disposition: "stays" })).toBeUndefined();
  });
});
