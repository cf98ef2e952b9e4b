import { problemAtOffset } from "../lib/problem-at.ts";
import type { Problem } from "../lib/problems.ts";
import type { LoadedClient } from "../model/types.ts";

export const RULE = "scaffold-todo";

const TODO = /\bTODO:/g;

/**
 * `handover new` marks what a tech must fill in with `TODO:`; a record that still says so is not
 * finished, even when it validates. Guidance inside HTML comments is not a TODO.
 */
export function checkScaffoldTodos(client: LoadedClient): Problem[] {
  return client.records.flatMap((record) => {
    if (!record.source.text.includes("TODO:")) return [];
    const text = record.source.text.replace(/<!--[\s\S]*?-->/g, (comment) => " ".repeat(comment.length));
    return [...text.matchAll(TODO)].map((match) =>
      problemAtOffset(record, match.index ?? 0, RULE, "this still holds a `TODO:` from `handover new`; replace it with the real fact", "warning"),
    );
  });
}
