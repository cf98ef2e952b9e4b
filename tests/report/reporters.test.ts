import { describe, expect, it } from "vitest";
import { escapeData, escapeProperty, formatGithub } from "../../scripts/report/github.ts";
import { formatJson } from "../../scripts/report/json.ts";
import { formatText } from "../../scripts/report/text.ts";
import { problem } from "../helpers/problem.ts";

describe("text report", () => {
  it("prints path:line:column severity message (rule), a blank line between files, and a summary", () => {
    const text = formatText([problem(), problem({ file: "clients/t/docs/a.md", severity: "warning", message: "old" })], { clients: 1, records: 4 });
    expect(text).toBe(
      "clients/t/client.md:3:5 error unknown key `ownr` — did you mean `owner`? (schema)\n\nclients/t/docs/a.md:3:5 warning old (schema)\n\n✖ 1 error, 1 warning in 2 files (1 client, 4 records)\n",
    );
  });

  it("shows control characters in file names instead of obeying them", () => {
    expect(formatText([problem({ file: "clients/t/docs/a\nb.md" })], { clients: 1, records: 1 })).toContain("clients/t/docs/a\\u000ab.md:3:5");
  });

  it("says so when there is nothing to report", () => {
    expect(formatText([], { clients: 2, records: 30 })).toBe("✔ 2 clients, 30 records: no problems\n");
  });
});

describe("json report", () => {
  it("has ok and the problems with a fixed key order", () => {
    expect(JSON.parse(formatJson([problem({ severity: "warning" })]))).toEqual({
      ok: true,
      problems: [{ client: "t", file: "clients/t/client.md", line: 3, column: 5, severity: "warning", rule: "schema", message: problem().message }],
    });
    expect(JSON.parse(formatJson([problem()])).ok).toBe(false);
  });
});

describe("github report", () => {
  it("writes one annotation per problem", () => {
    expect(formatGithub([problem()])).toBe("::error file=clients/t/client.md,line=3,col=5,title=handover schema::unknown key `ownr` — did you mean `owner`?\n");
  });

  it("escapes file names and messages so they cannot inject a workflow command", () => {
    const output = formatGithub([problem({ file: "clients/t/docs/a,line=1:%0A::x.md", message: "bad\n::add-mask::x\r%" })]);
    expect(output.split("\n").filter(Boolean)).toHaveLength(1);
    expect(output).toBe("::error file=clients/t/docs/a%2Cline=1%3A%250A%3A%3Ax.md,line=3,col=5,title=handover schema::bad%0A::add-mask::x%0D%25\n");
    expect(escapeProperty(",:%\n")).toBe("%2C%3A%25%0A");
    expect(escapeData(",:")).toBe(",:");
  });
});
