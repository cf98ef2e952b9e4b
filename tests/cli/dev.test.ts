import { describe, expect, it } from "vitest";
import { failureError, problemsError } from "../../scripts/report/preview-error.ts";
import { formatText } from "../../scripts/report/text.ts";
import { copyExamples, edit, record, run, validateFiles } from "../helpers/repo.ts";

const SECRET = "Hunter2-Correct-Horse-77";

describe("handover dev", () => {
  it("shows the records' problems on the preview's error page as file:line:column lines, with no stack trace and no secret", async () => {
    const { problems } = await validateFiles({
      "assets/fw.md": record("name: Firewall\ntype: hardware\nownr: client\ndisposition: stays"),
      "access/admin.md": record("system: Firewall\naccount: admin\ntype: firewall", `\npassword: ${SECRET}\n`),
    });
    const error = problemsError(problems, { clients: 1, records: 3 });
    expect(error.message).toBe(formatText(problems, { clients: 1, records: 3 }));
    expect(error.message).toMatch(/^clients\/t\/access\/admin\.md:\d+:\d+ error .*\(no-secrets\)$/m);
    expect(error.message).toMatch(/^clients\/t\/assets\/fw\.md:\d+:\d+ error unknown key `ownr` — did you mean `owner`\? \(schema\)$/m);
    expect(error).toMatchObject({ stack: "", title: "The records have problems", hint: expect.stringMatching(/save/) });
    // With a location, the page would show the whole file.
    expect(error).not.toHaveProperty("loc");
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain(SECRET);
  });

  it("shows a failure to load as one line, without the stack or what the failing code was reading", () => {
    const cause = new Error(`could not parse clients/t/x.md\n  2 | password: ${SECRET}\n    ^`);
    const error = failureError(cause);
    expect(error.message).toBe("could not load the records: could not parse clients/t/x.md");
    expect(error).toMatchObject({ stack: "", title: "The records could not be loaded" });
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain(SECRET);
  });

  it("does not start a preview of records with errors, and says what to fix", async () => {
    const root = copyExamples();
    edit(root, "clients/harbor-finch/assets/fw-01.md", /^owner: /m, "ownr: msp\nowner: ");
    const result = await run(["dev", "harbor-finch", "--root", root, "--port", "4399"]);
    expect(result).toMatchObject({ code: 1, stdout: "" });
    expect(result.stderr).toContain("clients/harbor-finch/assets/fw-01.md:7:1 error unknown key `ownr` — did you mean `owner`? (schema)");
  });
});
