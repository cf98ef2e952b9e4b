import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadClient } from "../../scripts/load/load-client.ts";
import { MAX_RECORD_BYTES } from "../../scripts/load/source.ts";
import { CLIENT_MD, makeRepo, record } from "../helpers/repo.ts";

describe("loadClient", () => {
  it("reads each kind folder into records of that kind, in name order", () => {
    const root = makeRepo({
      "clients/t/client.md": CLIENT_MD,
      "clients/t/assets/b.md": record("name: B"),
      "clients/t/assets/a.md": record("name: A"),
      "clients/t/docs/net.md": record("title: Net"),
    });
    const client = loadClient(root, "t");
    expect(client.records.map((r) => [r.kind, r.id, r.source.path])).toEqual([
      ["asset", "a", "clients/t/assets/a.md"],
      ["asset", "b", "clients/t/assets/b.md"],
      ["client", "client", "clients/t/client.md"],
      ["doc", "net", "clients/t/docs/net.md"],
    ]);
    expect(client.problems).toEqual([]);
  });

  it("never follows a symlink, to a file or a folder outside the repository", () => {
    const outside = makeRepo({ "secret.md": record("name: Outside secret") });
    const root = makeRepo({ "clients/t/client.md": CLIENT_MD });
    mkdirSync(join(root, "clients/t/docs"));
    symlinkSync(join(outside, "secret.md"), join(root, "clients/t/docs/leak.md"));
    symlinkSync(outside, join(root, "clients/t/assets"));
    const client = loadClient(root, "t");
    expect(client.records.map((r) => r.id)).toEqual(["client"]);
    expect(client.entries.filter((e) => e.type === "symlink").map((e) => e.path)).toEqual(["clients/t/assets", "clients/t/docs/leak.md"]);
  });

  it("reports a file over the size limit without reading it into a record", () => {
    const root = makeRepo({ "clients/t/client.md": CLIENT_MD, "clients/t/docs/huge.md": record("title: x", "a".repeat(MAX_RECORD_BYTES)) });
    const client = loadClient(root, "t");
    expect(client.records.map((r) => r.id)).toEqual(["client"]);
    expect(client.problems).toEqual([expect.objectContaining({ file: "clients/t/docs/huge.md", rule: "file-encoding", message: expect.stringMatching(/over the 262144-byte limit/) })]);
  });

  it("turns unsafe frontmatter into a positioned problem and keeps the record for other rules", () => {
    const root = makeRepo({ "clients/t/client.md": "---\nname: a\nname: b\n---\n" });
    const client = loadClient(root, "t");
    expect(client.records[0]?.frontmatter).toBeUndefined();
    expect(client.problems).toEqual([expect.objectContaining({ line: 3, column: 1, rule: "frontmatter" })]);
  });

  it("parses the body only when asked", () => {
    const root = makeRepo({ "clients/t/client.md": CLIENT_MD });
    writeFileSync(join(root, "clients/t/client.md"), `${CLIENT_MD}\n## Internal\nSecret plans\n`);
    const [client] = loadClient(root, "t").records;
    expect(client?.body.sections).toEqual([expect.objectContaining({ heading: "Internal", internal: true })]);
  });
});
