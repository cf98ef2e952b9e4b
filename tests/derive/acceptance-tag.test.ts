import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { copyExamples, edit, run } from "../helpers/repo.ts";

const ENV = { ...process.env, GIT_AUTHOR_NAME: "Tech", GIT_AUTHOR_EMAIL: "tech@example.com", GIT_COMMITTER_NAME: "Tech", GIT_COMMITTER_EMAIL: "tech@example.com" };
const git = (repo: string, ...args: string[]) => execFileSync("git", args, { cwd: repo, env: ENV }).toString().trim();

/** The examples committed, with these release tags (lightweight: the rule reads names only). */
function repository(tags: string[]): string {
  const root = copyExamples();
  git(root, "init", "-q");
  git(root, "add", "-A");
  git(root, "commit", "-qm", "examples");
  for (const tag of tags) git(root, "tag", tag);
  return root;
}

const tagProblems = async (root: string) => {
  const { stdout } = await run(["check", "lakeside-dental", "--root", root, "--today", "2026-11-22", "--format", "json"]);
  return (JSON.parse(stdout).problems as { rule: string; file: string; line: number; severity: string; message: string }[])
    .filter((problem) => problem.rule === "acceptance-tag")
    .map((problem) => `${problem.file}:${problem.line} ${problem.severity} ${problem.message}`);
};

describe("acceptance-tag rule", () => {
  it("accepts an acceptance that names one of the client's final releases", async () => {
    expect(await tagProblems(repository(["handover/lakeside-dental/2026-09-29", "handover/lakeside-dental/2026-09-28-draft.1"]))).toEqual([]);
  });

  it("is an error when the tag is not among the client's releases, and lists them", async () => {
    expect(await tagProblems(repository(["handover/lakeside-dental/2026-09-30", "handover/lakeside-dental/2026-09-29-draft.1"]))).toEqual([
      "clients/lakeside-dental/acceptance.md:4 error `handover/lakeside-dental/2026-09-29` is no release of lakeside-dental in this repository; its releases are `handover/lakeside-dental/2026-09-30`",
    ]);
  });

  it("is an error when the tag is another client's", async () => {
    const root = repository(["handover/harbor-finch/2026-09-29"]);
    edit(root, "clients/lakeside-dental/acceptance.md", "tag: handover/lakeside-dental/2026-09-29", "tag: handover/harbor-finch/2026-09-29");
    expect(await tagProblems(root)).toEqual([
      "clients/lakeside-dental/acceptance.md:4 error `handover/harbor-finch/2026-09-29` is a release of another client; name a release of lakeside-dental, `handover/lakeside-dental/<YYYY-MM-DD>`",
    ]);
  });

  it("is a warning when the repository holds no release of the client at all, and says how to fetch them", async () => {
    expect(await tagProblems(repository([]))).toEqual([
      "clients/lakeside-dental/acceptance.md:4 warning this repository has no release tag of lakeside-dental, so `handover/lakeside-dental/2026-09-29` cannot be checked: fetch the tags (`git fetch --tags`) or release the pack with `handover release lakeside-dental`",
    ]);
  });
});
