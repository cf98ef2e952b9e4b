/** The command line was wrong or the tool cannot run: exit code 2, never a stack trace. */
export class UsageError extends Error {
  override name = "UsageError";
}
