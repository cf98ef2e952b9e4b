import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { decodeSource, readSourceFile, sourceFromText } from "../../scripts/load/source.ts";

const encode = (text: string) => new TextEncoder().encode(text);

describe("decodeSource", () => {
  it("reads CRLF and a BOM exactly as LF", () => {
    const lf = decodeSource("a.md", encode("---\nname: x\n---\nbody\n"));
    const crlf = decodeSource("a.md", encode("\uFEFF---\r\nname: x\r\n---\r\nbody\r\n"));
    expect(lf.ok && crlf.ok).toBe(true);
    if (lf.ok && crlf.ok) expect(crlf.source.text).toBe(lf.source.text);
  });

  it("refuses invalid UTF-8 and says where", () => {
    const bytes = new Uint8Array([...encode("---\nname: ok\nnote: caf"), 0xe9, ...encode("\n---\n")]);
    const result = decodeSource("a.md", bytes);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toMatch(/not valid UTF-8/);
      expect(result.point).toEqual({ line: 3, column: 10 });
    }
  });

  it("refuses a NUL byte at its position", () => {
    const result = decodeSource("a.md", encode("---\nname: a\0b\n---\n"));
    expect(result).toMatchObject({ ok: false, point: { line: 2, column: 8 } });
  });
});

describe("sourceFromText", () => {
  it("maps offsets to 1-based line and column", () => {
    const source = sourceFromText("a.md", "ab\ncd\n");
    expect(source.toPoint(0)).toEqual({ line: 1, column: 1 });
    expect(source.toPoint(4)).toEqual({ line: 2, column: 2 });
  });
});

describe("readSourceFile", () => {
  const folder = () => {
    const dir = mkdtempSync(join(tmpdir(), "handover-source-"));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
  };

  it("refuses a folder or a named pipe where a record was listed, without waiting for a writer", () => {
    const dir = folder();
    mkdirSync(join(dir, "sub.md"));
    execFileSync("mkfifo", [join(dir, "pipe.md")]);
    for (const name of ["sub.md", "pipe.md"]) {
      expect(readSourceFile(join(dir, name), name)).toMatchObject({ ok: false, message: expect.stringMatching(/not a regular file/) });
    }
  });

  it("never reads through a symlink, even one swapped in after the folder was listed", () => {
    const dir = folder();
    writeFileSync(join(dir, "outside.md"), "---\nsecret: x\n---\n");
    symlinkSync(join(dir, "outside.md"), join(dir, "link.md"));
    expect(() => readSourceFile(join(dir, "link.md"), "link.md")).toThrow(/ELOOP/);
  });
});
