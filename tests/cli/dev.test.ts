import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { describe, expect, it, onTestFinished } from "vitest";
import { failureError, problemsError } from "../../scripts/report/preview-error.ts";
import { formatText } from "../../scripts/report/text.ts";
import { copyExamples, edit, record, run, validateFiles } from "../helpers/repo.ts";

const SECRET = "Hunter2-Correct-Horse-77";
const CLI = fileURLToPath(new URL("../../scripts/handover.ts", import.meta.url));

/** A port nothing listens on now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Fetches `url` until it answers 200 with a text `accept` likes (the server is up, a save is picked up), or fails after `ms`. */
async function fetchUntil(url: string, accept: (text: string) => boolean, ms: number): Promise<string> {
  const deadline = Date.now() + ms;
  let last = "";
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      last = await response.text();
      if (response.ok && accept(last)) return last;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} never gave the expected page; last response began: ${last.slice(0, 300)}`);
}

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

  it("serves the client's pack, with Vite's reload client, and shows a saved change on the next load", async () => {
    const root = copyExamples();
    const port = await freePort();
    // Astro's dev server serves no page when it sees Vitest's variables.
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("VITEST")));
    const child = spawn(process.execPath, [CLI, "dev", "harbor-finch", "--root", root, "--port", String(port)], { stdio: ["ignore", "pipe", "pipe"], env });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += String(chunk)));
    child.stderr.on("data", (chunk: Buffer) => (output += String(chunk)));
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    // Even when the test times out, the server must not outlive it.
    onTestFinished(() => void child.kill("SIGKILL"));
    const url = `http://127.0.0.1:${port}/harbor-finch/index.html`;
    try {
      const page = await fetchUntil(url, (text) => text.includes("<title>"), 60_000);
      expect(page).toContain("<title>Handover pack: Harbor &amp; Finch LLP</title>");
      // The script that reloads the page when a watched record changes.
      expect(page).toContain("/@vite/client");
      expect(output).toContain(`Previewing harbor-finch at ${url}`);
      edit(root, "clients/harbor-finch/client.md", /^name: Harbor & Finch LLP$/m, "name: Harbor & Finch Partners");
      await fetchUntil(url, (text) => text.includes("<title>Handover pack: Harbor &amp; Finch Partners</title>"), 20_000);
    } finally {
      child.kill("SIGTERM");
    }
    // Stopped by a job runner: Vite closes the server and exits as a process stopped by SIGTERM does.
    expect([0, 143]).toContain(await exited);
    await expect(fetch(url)).rejects.toThrow();
  }, 120_000);

  it("refuses a port that is in use, with the fix, instead of hanging or moving to another port", async () => {
    const root = copyExamples();
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    onTestFinished(() => void busy.close());
    const { port } = busy.address() as { port: number };
    const result = await run(["dev", "harbor-finch", "--root", root, "--port", String(port)]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`port ${port} is in use (another preview?); stop it, or pass --port with another number`);
    expect(result.stdout).toBe("");
  });
});
