import { describe, expect, it } from "vitest";
import { NAME_PATTERN } from "../../scripts/model/kinds.ts";
import { newRecordId, slugOf } from "../../scripts/import/record-id.ts";

describe("record ids of imported records", () => {
  it.each([
    ["Front-office Firewall", "front-office-firewall"],
    ["HF-DC01", "hf-dc01"],
    ["Café Müller", "cafe-muller"],
    ["../../etc/passwd", "etc-passwd"],
    ["..\\..\\Windows\\System32", "windows-system32"],
    ["name/with/slashes.md", "name-with-slashes-md"],
    ["\u202Egnp.exe", "gnp-exe"],
    ["tab\tand\nnew line\u0000nul", "tab-and-new-line-nul"],
    ["CON", "con-1"],
    ["nul", "nul-1"],
    ["   --leading and trailing--   ", "leading-and-trailing"],
  ])("makes %j the safe name %j", (name, slug) => {
    expect(slugOf(name)).toBe(slug);
    expect(NAME_PATTERN.test(slug)).toBe(true);
  });

  it.each(["", "..", "/", "🔥🔥", "日本語", "\u200B\u200D"])("gives no name for %j, which has nothing to keep", (name) => {
    expect(slugOf(name)).toBeUndefined();
  });

  it("cuts a long name after a whole word, within 48 characters", () => {
    const slug = slugOf("Microsoft 365 global admin admin@harborfinch.onmicrosoft.example") as string;
    expect(slug).toBe("microsoft-365-global-admin-admin-harborfinch");
    expect(slugOf("x".repeat(300))).toBe("x".repeat(48));
  });

  it("falls back to the kind of item, and tells same names apart by the source id, the same way every time", () => {
    const taken = new Set(["laptop"]);
    const first = newRecordId("Laptop", "asset", "row-7", taken);
    const second = newRecordId("Laptop", "asset", "row-8", taken);
    expect(first).toMatch(/^laptop-[0-9a-f]{6}$/);
    expect(second).toMatch(/^laptop-[0-9a-f]{6}$/);
    expect(first).not.toBe(second);
    expect(newRecordId("Laptop", "asset", "row-7", new Set(["laptop"]))).toBe(first);
    expect(newRecordId("🔥", "asset", "1", taken)).toBe("asset");
    expect(taken).toEqual(new Set(["laptop", first, second, "asset"]));
  });
});
