import type { BlockContent, Html, Table } from "mdast";
import { heading } from "../../render/document-tree.ts";
import type { ClientFields, ContactFields, ExportData, Imported, LocationFields, VendorFields } from "../export-data.ts";
import { screenFields } from "../firewall.ts";
import { provenanceOf, type BodyPart, type PlannedRecord } from "../planned-record.ts";
import { itemTable } from "./tables.ts";
import { facts, joined, markdown, oneLine, SYSTEM_NAMES } from "./text.ts";

/** What `handover new` writes for our account lead: the export cannot know who it is. */
export const ACCOUNT_LEAD_TODO = "TODO: our account lead";

/**
 * The client case: its name (`--name`, else the export's), the start of a case (`active`, as
 * `handover new` writes it), and the client's contacts, locations and vendors as tables in
 * sections of their own, so a tech's introduction and the tables change independently.
 */
export function mapClient(data: ExportData, name: string): PlannedRecord {
  const client: Imported<ClientFields> | undefined = data.client;
  const screened = client ? screenFields(client.fields) : { fields: {} as Partial<ClientFields>, withheld: [] };
  const system = data.system;
  const guidance: Html = {
    type: "html",
    value: `<!-- Imported from ${SYSTEM_NAMES[system]}. Write a short introduction for the handover pack: who the client is and what we looked after. Anything under a heading \`## Internal\` stays out of the client's pack. -->`,
  };
  const intro: BlockContent[] = [heading(1, name), guidance, ...facts([["Industry", screened.fields.industry], ["Website", screened.fields.website]])];
  const contacts = itemTable<ContactFields>(data.contacts, [
    ["Name", (f) => f.name],
    ["Title", (f) => f.title],
    ["Department", (f) => f.department],
    ["E-mail", (f) => f.email],
    ["Phone", (f) => f.phone],
    ["Mobile", (f) => f.mobile],
    ["Location", (f) => f.location],
  ]);
  const locations = itemTable<LocationFields>(data.locations, [
    ["Name", (f) => f.name],
    ["Address", (f) => joined([f.address, f.city, f.state, f.postalCode, f.country], ", ")],
    ["Phone", (f) => f.phone],
    ["Hours", (f) => f.hours],
    ["Description", (f) => f.description],
  ]);
  const vendors = itemTable<VendorFields>(data.vendors, [
    ["Name", (f) => f.name],
    ["Contact", (f) => f.contactName],
    ["Phone", (f) => f.phone],
    ["Website", (f) => f.website],
    ["Account number", (f) => f.accountNumber],
    ["Description", (f) => f.description],
  ]);
  const section = (key: string, title: string, table: Table | undefined): BodyPart => ({ key, heading: title, text: table ? markdown([heading(2, title), table]) : "" });
  return {
    kind: "client",
    provenance: client ? provenanceOf(client.origin) : { system, entity: "client", id: "client" },
    name,
    fallbackId: "client",
    fields: [
      ["name", name],
      ["status", "active"],
      ["accountLead", { name: ACCOUNT_LEAD_TODO }],
      ["internalNotes", screened.fields.notes?.trim() || undefined],
    ],
    body: [
      { key: "body:intro", text: markdown(intro) },
      section("body:contacts", "Contacts", contacts.table),
      section("body:locations", "Locations", locations.table),
      section("body:vendors", "Vendors", vendors.table),
    ],
    withheld: [...screened.withheld, ...contacts.withheld, ...locations.withheld, ...vendors.withheld],
  };
}

/** The client's name from the export, on one line, when it has passed the firewall. */
export function exportedClientName(data: ExportData): string | undefined {
  return data.client ? oneLine(screenFields(data.client.fields).fields.name) : undefined;
}
