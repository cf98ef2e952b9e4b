import type { Problem } from "../lib/problems.ts";

/** GitHub workflow-command escaping: record text and file names can never start a command of their own. */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** One `::error file=…,line=…,col=…,title=…::message` annotation per problem. */
export function formatGithub(problems: readonly Problem[]): string {
  return problems
    .map((problem) => {
      const properties = [
        `file=${escapeProperty(problem.file)}`,
        `line=${problem.line}`,
        `col=${problem.column}`,
        `title=${escapeProperty(`handover ${problem.rule}`)}`,
      ].join(",");
      return `::${problem.severity} ${properties}::${escapeData(problem.message)}\n`;
    })
    .join("");
}
