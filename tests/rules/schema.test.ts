import { describe, expect, it } from "vitest";
import { record, validateFiles } from "../helpers/repo.ts";

const schemaProblems = async (files: Record<string, string>) =>
  (await validateFiles(files)).problems.filter((p) => p.rule === "schema").map((p) => `${p.line}:${p.column} ${p.message}`);

const ASSET = "name: Firewall\ntype: hardware\nowner: client\ndisposition: stays";

describe("schema rule", () => {
  it("puts valid records into the typed model", async () => {
    const { model, problems } = await validateFiles({ "assets/fw.md": record(ASSET) });
    expect(problems).toEqual([]);
    expect(model.case?.data.name).toBe("Test Client");
    expect(model.assets.map((asset) => asset.data.owner)).toEqual(["client"]);
  });

  it("points at an unknown key and suggests the right one", async () => {
    expect(await schemaProblems({ "assets/fw.md": record(`${ASSET}\nownr: msp`) })).toEqual(["6:1 unknown key `ownr` — did you mean `owner`?"]);
  });

  it("reports a misspelt required key once, as the misspelling, not also as the key missing", async () => {
    const misspelt = ASSET.replace("owner: client", "ownr: client");
    expect(await schemaProblems({ "assets/fw.md": record(misspelt) })).toEqual(["4:1 unknown key `ownr` — did you mean `owner`?"]);
    // Another required key still missing is still reported.
    expect(await schemaProblems({ "assets/fw.md": record(misspelt.replace("type: hardware\n", "")) })).toEqual([
      "2:1 missing `type`: `hardware`, `software-licence`, `subscription`, `domain`, `certificate` (a TLS certificate) or `cloud-tenant`.",
      "3:1 unknown key `ownr` — did you mean `owner`?",
    ]);
  });

  it("lists the allowed keys when no key is close", async () => {
    const [message] = await schemaProblems({ "docs/a.md": record("title: A\nlastVerified: 2026-11-01\nzzzzzz: 1") });
    expect(message).toMatch(/^4:1 unknown key `zzzzzz`; allowed keys: `audience`, `title`, `lastVerified`/);
  });

  it("refuses a secret-looking key with the reason, not a spelling hint", async () => {
    const [message] = await schemaProblems({ "access/a.md": record("system: M365\naccount: admin\ntype: cloud-admin\npassword: x") });
    expect(message).toMatch(/unknown key `password`; records never hold passwords/);
  });

  it("explains a missing key, with the field's description and the condition that requires it", async () => {
    const problems = await schemaProblems({ "contracts/msa.md": record("title: MSA\ntype: managed-services\nbundled: false\ndisposition: ends") });
    expect(problems).toEqual(["2:1 missing `endDate` (required when `disposition` is `ends`): The date the contract ends."]);
  });

  it("points into nested lists", async () => {
    const problems = await schemaProblems({
      "assets/fw.md": record(`${ASSET}\nagents:\n  - type: rmm\n    product: NinjaOne\n    removedOn: 2026-02-30`),
    });
    expect(problems).toEqual(["9:16 `agents[0].removedOn` is not a real calendar date; check the day and month"]);
  });

  it("refuses impossible and badly written dates", async () => {
    const problems = await schemaProblems({ "docs/a.md": record("title: A\nlastVerified: 2026-13-01") });
    const written = await schemaProblems({ "docs/b.md": record("title: A\nlastVerified: 1 Nov 2026") });
    expect(problems).toEqual(["3:15 `lastVerified` is not a real calendar date; check the day and month"]);
    expect(written).toEqual(["3:15 `lastVerified` must be a date written YYYY-MM-DD, for example 2026-11-01"]);
  });

  it("suggests the enum value a tech meant", async () => {
    const problems = await schemaProblems({ "assets/fw.md": record("name: F\ntype: hardwre\nowner: client\ndisposition: stays") });
    expect(problems).toEqual([expect.stringMatching(/^3:7 `type` must be one of `hardware`, .* — did you mean `hardware`\?$/)]);
  });

  it("explains YAML 1.2 booleans and unquoted numbers", async () => {
    const problems = await schemaProblems({
      "contracts/a.md": record("title: A\ntype: bdr\nbundled: no\ndisposition: continues"),
      "access/b.md": record("system: Wi-Fi\naccount: 5551234\ntype: wifi"),
    });
    expect(problems).toEqual([
      "3:10 `account` must be text: put the value in quotes",
      "4:10 `bundled` must be `true` or `false` (YAML 1.2 reads `no` as text)",
    ]);
  });

  it("requires the offboarding facts once notice is given", async () => {
    const problems = await schemaProblems({ "client.md": record("name: T\nstatus: offboarding\naccountLead:\n  name: D") });
    expect(problems).toEqual(
      ["ending", "notice", "primaryContact", "servicesStop", "successor", "transition"].map(
        (key) => expect.stringMatching(new RegExp(`^2:1 missing \`${key}\` \\(required when \`status\` is \`offboarding\` or \`handed-over\`\\)`)),
      ),
    );
  });

  it("keeps the client case in the pack: it cannot be marked internal", async () => {
    const problems = await schemaProblems({ "client.md": record("name: T\nstatus: active\naudience: internal\naccountLead:\n  name: D") });
    expect(problems).toEqual(["4:11 `audience` must be `client`"]);
  });

  it("validates contacts", async () => {
    const problems = await schemaProblems({
      "access/a.md": record("system: S\naccount: a\ntype: dns\nhandedTo:\n  name: Pat\n  email: not-an-email\n  phone: call me"),
    });
    expect(problems).toEqual([
      "7:10 `handedTo.email` must be an e-mail address, for example name@example.com",
      expect.stringMatching(/^8:10 `handedTo.phone` is not in the expected form. Phone number, quoted/),
    ]);
  });
});
