import { describe, expect, it } from "vitest";
import { record, validateFiles } from "../helpers/repo.ts";

const DOC = "title: Wi-Fi\nlastVerified: 2026-11-01";
const GITHUB_TOKEN = `ghp_${"wWPw5k4aXcaT4fNP0UcnZwJUVFk6LO0pINUx"}`;

const secretProblems = async (body: string, fields = DOC) =>
  (await validateFiles({ "docs/wifi.md": record(fields, body) })).problems.filter((p) => p.rule === "no-secrets");

describe("no-secrets rule", () => {
  it("finds a token by its provider's shape and hides its value", async () => {
    const problems = await secretProblems(`Deploy token: ${GITHUB_TOKEN}\n`);
    expect(problems).toEqual([expect.objectContaining({ line: 5, column: 15, message: expect.stringMatching(/possible secret \(GitHub token, 40 characters, hidden here\)/) })]);
    expect(JSON.stringify(problems)).not.toContain(GITHUB_TOKEN.slice(4));
  });

  it("cannot be switched off by a scanner's disable comment in the record", async () => {
    for (const comment of ["<!-- secretlint-disable -->", "<!-- secretlint-disable-next-line -->", "# secretlint-disable"]) {
      expect(await secretProblems(`${comment}\n${GITHUB_TOKEN} <!-- secretlint-disable-line -->\n`)).toHaveLength(1);
    }
  });

  it.each([
    ["password: Hunter22!", "password"],
    ["PIN = 4471", "PIN"],
    ["The Wi-Fi password is Summer2024!", "password"],
    ["Guest passcode: b4kery-guest", "passcode"],
    ["PW: Summer2024!", "pw"],
    ["WPA2 key: correct-horse-battery", "wpa2 key"],
    ["Network key = Lakeside2026", "network key"],
    ["Alarm code: 4821", "alarm code"],
    ["PIN: 12 34", "PIN"],
    ['The Password for the router is "Summer 2024"', "password"],
  ])("finds `%s` and never echoes the value", async (line, keyword) => {
    const problems = await secretProblems(`${line}\n`);
    expect(problems.map((p) => p.message)).toEqual([expect.stringContaining(`looks like a ${keyword} written into the record`)]);
    const value = line.split(/[:=]|\bis\b/).pop()!.trim().replace(/"/g, "");
    expect(JSON.stringify(problems)).not.toContain(value);
  });

  it.each([
    "The password is stored in the client's Bitwarden vault.",
    "Password: see the password manager",
    "Passwords were handed over in person on 2026-11-02.",
    "PIN: (set by the office manager)",
    "Pin the dashboard tab.",
    "Password: ITGlue",
    "Password: 1Password vault",
    "The alarm code is with the office manager.",
  ])("leaves prose about credentials alone: %s", async (line) => {
    expect(await secretProblems(`${line}\n`)).toEqual([]);
  });

  it.each([
    ["Alarm PIN 4821", 11, "4821", "PIN"],
    ["Alarm PIN code: 4821", 17, "4821", "PIN"],
    ["Door PIN number = 4821.", 19, "4821", "PIN"],
    ["Password - Summer2024!", 12, "Summer2024!", "password"],
    ["Password \u2013 Summer2024!", 12, "Summer2024!", "password"],
    ["Password\u2014 Summer2024!", 11, "Summer2024!", "password"],
    ["Username admin, password Hunter2024", 26, "Hunter2024", "password"],
    ["Admin login: admin / Summer2024!", 22, "Summer2024!", "password"],
    ["Admin login: admin:Summer2024!", 20, "Summer2024!", "password"],
    ["Credentials admin/Hunter2024", 19, "Hunter2024", "password"],
    ["| Wi-Fi password | Summer2024! |", 20, "Summer2024!", "password"],
    ["| Alarm PIN | 4821 |", 15, "4821", "PIN"],
    ["Username/password: admin / Summer2024!", 28, "Summer2024!", "password"],
  ])("finds `%s` without a colon after the keyword, at the value, and never echoes it", async (line, column, value, keyword) => {
    const problems = await secretProblems(`Intro.\n${line}\n`);
    expect(problems).toEqual([
      expect.objectContaining({
        rule: "no-secrets",
        line: 6,
        column,
        message: expect.stringContaining(`looks like a ${keyword} written into the record (${value.length} characters, hidden here)`),
      }),
    ]);
    expect(JSON.stringify(problems)).not.toContain(value);
  });

  it.each([
    "Use the password manager for everything.",
    "Password reset is handled by the client.",
    "Customers type it on the PIN pad.",
    "Admin login: see the Keeper vault",
    "login: admin",
    "Admin login: admin / see the vault",
    "Login: https://portal.example.com",
    "Password - stored in 1Password",
    "Password \u2013 ask the office manager",
    "PIN-protected laptops",
    "PIN 2 of the serial header",
    "The password policy is 14 characters.",
    "Password policy 90-day expiry, 14-character minimum",
    "code: see runbook",
    "PIN code: see runbook",
    "Passwords were rotated on 2026-11-01",
    "PIN changed on 2026-11-01",
    "PIN 2026-11-01 (changed)",
    "PIN: 11/01/2026",
    "Password reset ticket 48213 closed",
    "Password reset ticket #48213",
    "Pass the ticket 48213 to tier 2",
    "Pass 4821 to the next shift",
    "Wireless key 802.1x authentication on the office SSID",
    "Network key 802.1x with NPS",
    "security key YubiKey5 NFC for each partner",
    "PSK 2024 rotation is due in March",
    "Alarm PIN 2026 monitoring contract renewed.",
    "Password 12+chars minimum",
    "Credentials: Keeper/Clients2024 folder.",
    "| Password manager | Keeper |",
    "| Password | see the Keeper vault |",
    "| Password policy | 90-day expiry |",
    "| PIN | (set by the office) |",
  ])("leaves prose without a separator alone: %s", async (line) => {
    expect(await secretProblems(`${line}\n`)).toEqual([]);
  });

  it("leaves frontmatter keys about credentials alone", async () => {
    expect(await secretProblems("Body.\n", `${DOC}\ncredentialsRotatedOn: 2026-11-01\nmfaTransferred: yes\npinReset: 2026-11-01`)).toEqual([]);
  });

  it("returns on a long hostile line of keywords", async () => {
    for (const unit of ["password ", "PIN 1 ", "login login: ", "login-", "password (", "password: password-", "PIN 1 1 1 1 1 "]) {
      const line = unit.repeat(Math.ceil(250_000 / unit.length));
      expect(Array.isArray(await secretProblems(`${line}\n`))).toBe(true);
    }
  });

  it("scans frontmatter as well as the body", async () => {
    const problems = await secretProblems("", `${DOC}\ninternalNotes: "admin token ${GITHUB_TOKEN}"`);
    expect(problems.map((p) => p.line)).toEqual([4]);
  });

  it.each([
    ["a frontmatter key", `${DOC}\n${GITHUB_TOKEN}: true`, "Body.\n", 4],
    ["a nested list in frontmatter", `${DOC}\ncontacts:\n  - name: Dana\n    notes:\n      - rotate ${GITHUB_TOKEN}`, "Body.\n", 7],
    ["a folded multi-line scalar", `${DOC}\ninternalNotes: >\n  The deploy token\n  is ${GITHUB_TOKEN}`, "Body.\n", 6],
    ["an HTML comment", DOC, `Intro.\n\n<!-- old token ${GITHUB_TOKEN} -->\n`, 7],
    ["a fenced code block", DOC, `Intro.\n\n\`\`\`sh\nexport GH_TOKEN=${GITHUB_TOKEN}\n\`\`\`\n`, 8],
    ["a table cell", DOC, `| Service | Token |\n| --- | --- |\n| CI | ${GITHUB_TOKEN} |\n`, 7],
    ["a link URL", DOC, `See [the NAS](https://admin:Gr33nF1eld2026@nas01.harbor.local/) for shares.\n`, 5],
  ])("finds a secret in %s", async (_, fields, body, line) => {
    const problems = await secretProblems(body, fields);
    expect(problems.map((p) => p.line)).toEqual([line]);
  });

  it("points every finding at its own record when several records of a client hold secrets", async () => {
    const { problems } = await validateFiles({
      "docs/a.md": record(DOC, "Clean text.\n"),
      "docs/b.md": record(DOC, `Intro.\n\nToken ${GITHUB_TOKEN}\n`),
      "docs/c.md": record(DOC, "Also clean.\n"),
      // No final newline: the finding must still land in this record, not the next.
      "docs/d.md": record(DOC, `x ${GITHUB_TOKEN}`),
    });
    const found = problems.filter((p) => p.rule === "no-secrets").map((p) => [p.file, p.line, p.column, p.message.match(/\d+ characters/)?.[0]]);
    expect(found).toEqual([
      ["clients/t/docs/b.md", 7, 7, "40 characters"],
      ["clients/t/docs/d.md", 5, 3, "40 characters"],
    ]);
  });

  it("finds in a client's records exactly what scanning each record alone finds, even where one record's end and the next one's start could make a secret", async () => {
    const key = "Zq3Lk9Vx2Rt7Wm4Np8Hs6Jd1Fg5Bc0Ya2Ue7Io4P";
    const files = {
      "docs/a.md": record(DOC, "Keys live in the vault.\naws_secret_access_key ="),
      "docs/b.md": `${key}\n`,
      "docs/c.md": record(DOC, "-----BEGIN RSA PRIVATE KEY-----"),
      "docs/d.md": `MIIEowIBAAKCAQEA1c7+9z5Pad7OejecsQ0bu3aozN3tihPmljnnudb9G3HecCXj\n-----END RSA PRIVATE KEY-----\n`,
      "docs/e.md": record(DOC, `token ${GITHUB_TOKEN}`),
    };
    const together = (await validateFiles(files)).problems.filter((p) => p.rule === "no-secrets");
    const alone = [];
    for (const [path, content] of Object.entries(files)) {
      alone.push(...(await validateFiles({ [path]: content })).problems.filter((p) => p.rule === "no-secrets"));
    }
    expect(together).toEqual(alone);
    expect(together.map((p) => p.file)).toContain("clients/t/docs/e.md");
  });
});
