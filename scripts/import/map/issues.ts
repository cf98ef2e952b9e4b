import type { BlockContent } from "mdast";
import { heading } from "../../render/document-tree.ts";
import { TO_DECIDE } from "../../model/to-decide.ts";
import type { Imported, SourceSystem, TicketFields } from "../export-data.ts";
import { screenFields } from "../firewall.ts";
import { provenanceOf, type PlannedRecord } from "../planned-record.ts";
import { facts, joined, markdown, oneLine, SYSTEM_NAMES } from "./text.ts";

/**
 * An issue record from an open ticket. How serious it is for the client, the risk in plain words,
 * whether the ending contract covers it and what happens to it are for a person to decide: the
 * source's priority is the MSP's queue order, not the client's risk, and stays in the body.
 */
export function mapTicket(item: Imported<TicketFields>, system: SourceSystem): PlannedRecord {
  const { fields, withheld } = screenFields(item.fields);
  const subject = oneLine(fields.subject);
  const number = oneLine(fields.number);
  const blocks: BlockContent[] = [
    heading(1, subject ?? "Imported ticket"),
    ...facts([
      ["Opened", fields.openedOn],
      [`Priority in ${SYSTEM_NAMES[system]}`, fields.priority],
      [`Status in ${SYSTEM_NAMES[system]}`, fields.status],
    ]),
  ];
  return {
    kind: "issue",
    provenance: provenanceOf(item.origin),
    name: joined([number, subject]),
    fallbackId: "ticket",
    fields: [
      ["ticket", number ?? TO_DECIDE],
      ["title", subject ?? TO_DECIDE],
      ["severity", TO_DECIDE],
      ["disposition", TO_DECIDE],
      ["coverage", TO_DECIDE],
      ["risk", TO_DECIDE],
    ],
    body: [{ key: "body", text: markdown(blocks) }],
    withheld,
  };
}
