import type { Problem } from "../lib/problems.ts";
import { printable } from "../lib/printable.ts";
import { formatText } from "./text.ts";

/**
 * An error for `handover dev` to throw instead of a pack, shaped for the preview's error page.
 * The page shows `message`, `title` and `hint`; it shows `stack` as a stack trace, which points
 * into the toolkit's code, not at the line to fix, so it is empty. No `loc` is set either: with
 * one, the page would show the whole file, secret and all.
 */
export class PreviewError extends Error {
  override name = "handover";
  readonly title: string;
  readonly hint: string;

  constructor(title: string, message: string, hint: string) {
    super(message);
    this.title = title;
    this.hint = hint;
    this.stack = "";
  }
}

/**
 * The records' problems as `handover validate` prints them, `path:line:column severity message
 * (rule)`: a problem's message never quotes a secret's value (the no-secrets rule hides it).
 */
export function problemsError(problems: readonly Problem[], checked: { clients: number; records: number }): PreviewError {
  return new PreviewError("The records have problems", formatText(problems, checked), "Fix each line above and save: the preview reloads by itself.");
}

/**
 * Loading failed outright (git, the file system, a bug): only the first line of the message, as
 * the terminal would show it, since an exception's later lines may quote what it was reading.
 */
export function failureError(error: unknown): PreviewError {
  const message = printable((error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "");
  return new PreviewError("The records could not be loaded", `could not load the records: ${message}`, "Run `handover validate` in a terminal for details; the preview reloads when you save.");
}
