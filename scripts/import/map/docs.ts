import { TO_DECIDE } from "../../model/to-decide.ts";
import type { DocumentFields, Imported, SourceSystem } from "../export-data.ts";
import { screenFields } from "../firewall.ts";
import { htmlToMarkdown } from "../html-to-markdown.ts";
import { provenanceOf, type PlannedRecord } from "../planned-record.ts";
import { oneLine } from "./text.ts";

/**
 * A documentation page from a document or article, its HTML sanitised into Markdown. Nobody has
 * checked it against the real systems yet, so `lastVerified` is `to-decide`. A document whose HTML
 * holds a secret is not copied at all: its page is left empty, and `imported.withheld` says why.
 */
export function mapDocument(item: Imported<DocumentFields>, system: SourceSystem): PlannedRecord {
  const { fields, withheld } = screenFields(item.fields);
  const title = oneLine(fields.title);
  return {
    kind: "doc",
    provenance: provenanceOf(item.origin),
    name: title,
    fallbackId: "document",
    fields: [
      ["title", title ?? TO_DECIDE],
      ["lastVerified", TO_DECIDE],
    ],
    body: [{ key: "body", text: fields.html === undefined ? "" : htmlToMarkdown(fields.html) }],
    withheld,
  };
}
