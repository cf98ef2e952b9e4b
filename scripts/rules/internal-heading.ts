import { problemAtOffset } from "../lib/problem-at.ts";
import type { Problem } from "../lib/problems.ts";
import { mayHoldNestedHeading } from "../load/body.ts";
import type { LoadedClient } from "../model/types.ts";

export const RULE = "internal-heading";

/**
 * An `Internal` heading hides the section under it from the client's pack only at the top level
 * of a page; inside a list or a quote it would hide nothing, so it is an error.
 */
export function checkInternalHeadings(client: LoadedClient): Problem[] {
  return client.records
    // Parsing Markdown is the costly part of validation: only bodies with a line that could hold a
    // nested Internal heading are parsed.
    .filter((record) => record.frontmatter && mayHoldNestedHeading(record.source.text.slice(record.bodyOffset)))
    .flatMap((record) =>
      record.body.nestedInternal.map((offset) =>
        problemAtOffset(record, offset, RULE, "this Internal heading is inside a list or quote, so it would not keep its text out of the client's pack; move it to the start of a line, outside the list or quote"),
      ),
    );
}
