import type { Definition, Link } from "mdast";
import { visit } from "unist-util-visit";
import { problemAtOffset } from "../lib/problem-at.ts";
import type { Problem } from "../lib/problems.ts";
import { didYouMean } from "../lib/suggest.ts";
import { docLinkTarget } from "../model/doc-link.ts";
import type { ClientModel } from "../model/types.ts";
import { handoverRecords, isClientRecord } from "../pack/client-view.ts";

export const RULE = "doc-links";

/** Only a body with `.md` in it can hold a link to a page: the others are not parsed for this rule. */
const MAY_LINK = /\.md\b/;

/**
 * A link the client will see (`[Wi-Fi](./wifi.md)`) points at a documentation page that is in the
 * pack. One to a page that does not exist, or to an internal one, would reach the pack as its
 * text alone: a warning, so the tech fixes the link or meant it.
 */
export function checkDocLinks(model: ClientModel): Problem[] {
  const pages = new Map(model.docs.map((doc) => [doc.id, isClientRecord(doc)]));
  const problems: Problem[] = [];
  for (const record of handoverRecords(model)) {
    if (!isClientRecord(record) || record.bodyRefused || !MAY_LINK.test(record.source.text.slice(record.bodyOffset))) continue;
    const internal = record.sections.filter((section) => section.internal);
    visit(record.body.tree, (node) => {
      if (node.type !== "link" && node.type !== "definition") return;
      const target = docLinkTarget((node as Link | Definition).url);
      const offset = node.position?.start.offset ?? record.bodyOffset;
      if (!target || internal.some((section) => section.start <= offset && offset < section.end)) return;
      const shown = pages.get(target.id);
      if (shown) return;
      const message =
        shown === false
          ? `this links to \`${target.id}.md\`, a page marked \`audience: internal\`: the client's pack shows the link's text only; link to a client page, or drop the link`
          : `this links to \`${target.id}.md\`, which is no documentation page of this client${hint(target.id, [...pages.keys()])}: the client's pack shows the link's text only`;
      problems.push(problemAtOffset(record, offset, RULE, message, "warning"));
    });
  }
  return problems;
}

function hint(id: string, pages: string[]): string {
  const suggestion = didYouMean(id, pages);
  return suggestion ? ` — did you mean \`${suggestion}.md\`?` : "";
}
