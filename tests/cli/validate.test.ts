import { symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_MD, makeRepo, record, run } from "../helpers/repo.ts";

const TOKEN = "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";

describe("handover validate", () => {
  it("exits 0 and says so on clean records", async () => {
    const root = makeRepo({ "clients/a/client.md": CLIENT_MD, "clients/b/client.md": CLIENT_MD });
    expect(await run(["validate", "--root", root])).toEqual({ code: 0, stdout: "✔ 2 clients, 2 records: no problems\n", stderr: "" });
  });

  it("exits 1 with file:line:column problems", async () => {
    const root = makeRepo({ "clients/a/client.md": CLIENT_MD.replace("status: active", "status: activ") });
    const result = await run(["validate", "--root", root]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^clients\/a\/client\.md:3:9 error `status` must be one of .* — did you mean `active`\? \(schema\)$/m);
  });

  it("validates only the named clients, resolving --root against the working directory", async () => {
    const root = makeRepo({ "clients/a/client.md": CLIENT_MD, "clients/b/client.md": "broken" });
    const result = await run(["validate", "a", "--root", "."], root);
    expect(result).toMatchObject({ code: 0, stdout: "✔ 1 client, 1 record: no problems\n" });
  });

  it("emits JSON with paths relative to the root", async () => {
    const root = makeRepo({ "clients/a/client.md": `${CLIENT_MD}\nToken ${TOKEN}\n` });
    const result = await run(["validate", "--root", root, "--format", "json"]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      ok: false,
      problems: [expect.objectContaining({ client: "a", file: "clients/a/client.md", line: 9, column: 7, rule: "no-secrets", severity: "error" })],
    });
  });

  it("never prints a secret's value, in any format", async () => {
    const root = makeRepo({ "clients/a/client.md": `${CLIENT_MD}\nToken ${TOKEN}\npassword: Hunter22!\n`, "clients/a/docs/x.md": record(`title: X\nlastVerified: 2026-11-01\ntoken: "${TOKEN}"`) });
    for (const format of ["text", "json", "github", "sarif"]) {
      const { stdout, stderr } = await run(["validate", "--root", root, "--format", format]);
      expect(stdout).toContain("no-secrets");
      expect(stdout + stderr).not.toContain(TOKEN.slice(8));
      expect(stdout + stderr).not.toContain("Hunter22");
    }
  });

  it("reports files and symlinks at the top of clients/", async () => {
    const root = makeRepo({ "clients/a/client.md": CLIENT_MD, "clients/notes.txt": "x" });
    symlinkSync(join(root, "clients/a"), join(root, "clients/b"));
    const { code, stdout } = await run(["validate", "--root", root]);
    expect(code).toBe(1);
    expect(stdout).toContain("clients/b:1:1 error symbolic links are refused in `clients/`");
    expect(stdout).toContain("clients/notes.txt:1:1 error `notes.txt` is not a client folder");
  });

  it.each([
    [["validate", "--format", "xml"], /--format must be one of text, json, github, sarif/],
    [["validate", "--rot", "."], /unknown option `--rot` — did you mean `--root`\?/],
    [["validate", "nosuch"], /no client `nosuch` in clients\//],
    [["valdate"], /unknown command `valdate` — did you mean `validate`\?/],
  ])("exits 2 on a usage error: %j", async (args, message) => {
    const root = makeRepo({ "clients/a/client.md": CLIENT_MD });
    const result = await run(args, root);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe("");
  });

  it("exits 2 when there is no clients/ folder", async () => {
    const result = await run(["validate", "--root", join(makeRepo({}), "nowhere")]);
    expect(result).toMatchObject({ code: 2, stderr: expect.stringMatching(/no `clients\/` folder in .*nowhere/) });
  });

  it("suggests the client a tech meant", async () => {
    const root = makeRepo({ "clients/harbor-finch/client.md": CLIENT_MD });
    expect((await run(["validate", "harbor-fnch", "--root", root])).stderr).toMatch(/did you mean `harbor-finch`\?/);
  });
});
