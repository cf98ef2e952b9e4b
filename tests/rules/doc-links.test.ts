import { describe, expect, it } from "vitest";
import { record, validateFiles } from "../helpers/repo.ts";

const DOC = (title: string, extra = "") => record(`title: ${title}\nlastVerified: 2026-11-01${extra}`, "");

const warnings = async (body: string) =>
  (
    await validateFiles({
      "docs/wifi.md": DOC("Wi-Fi"),
      "docs/runbook.md": DOC("Runbook", "\naudience: internal"),
      "docs/network.md": record("title: Network\nlastVerified: 2026-11-01", body),
    })
  ).problems
    .filter((problem) => problem.rule === "doc-links")
    .map((problem) => `${problem.file}:${problem.line}:${problem.column} ${problem.severity} ${problem.message}`);

describe("doc-links rule", () => {
  it("warns of a link to a page that does not exist, with a did-you-mean, at the link", async () => {
    expect(await warnings("See [the Wi-Fi page](./wfi.md).\n")).toEqual([
      "clients/t/docs/network.md:5:5 warning this links to `wfi.md`, which is no documentation page of this client — did you mean `wifi.md`?: the client's pack shows the link's text only",
    ]);
  });

  it("warns of a link to an internal page, written inline or as a reference", async () => {
    expect(await warnings("See [ours][r].\n\n[r]: docs/runbook.md#restore\n")).toEqual([
      "clients/t/docs/network.md:7:1 warning this links to `runbook.md`, a page marked `audience: internal`: the client's pack shows the link's text only; link to a client page, or drop the link",
    ]);
  });

  it("accepts links to the pack's pages and to the web, and links inside an Internal section", async () => {
    expect(await warnings("[Wi-Fi](./wifi.md#guests), [site](https://example.com/a.md)\n\n## Internal\n[ours](./runbook.md)\n")).toEqual([]);
  });
});
