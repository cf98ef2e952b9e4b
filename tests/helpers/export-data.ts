import { emptyExport, type ExportData, type Origin, type SourceSystem } from "../../scripts/import/export-data.ts";

/** Where a test item comes from: a row of the module's CSV. */
export function origin(entity: string, id: string, line = 2, system: SourceSystem = "itflow"): Origin {
  return { system, entity, id, file: `Acme Dental-${entity}.csv`, line };
}

/**
 * A small export as a source reads it: one of each kind of item, for the mapping's tests. Each
 * call makes a fresh copy, to change one fact at a time.
 */
export function sampleExport(): ExportData {
  const data = emptyExport("itflow");
  data.client = { origin: origin("clients", "Acme Dental"), fields: { name: "Acme Dental", industry: "Dental", website: "https://acme-dental.example" } };
  data.contacts.push({ origin: origin("contacts", "Jane Doe"), fields: { name: "Jane Doe", title: "Office Manager", email: "jane@acme-dental.example", phone: "+1 555 0100" } });
  data.locations.push({ origin: origin("locations", "Main office"), fields: { name: "Main office", address: "1 Main Street", city: "Springfield", postalCode: "12345" } });
  data.vendors.push({ origin: origin("vendors", "Cascade Fiber"), fields: { name: "Cascade Fiber", phone: "+1 555 0900", accountNumber: "CF-448120" } });
  data.assets.push(
    { origin: origin("assets", "FW-01"), fields: { name: "Front-office firewall", category: "hardware", sourceType: "Firewall", make: "Fortinet", model: "FortiGate 60F", serial: "FGT60F1234", ip: "10.0.0.1", location: "Server closet" } },
    { origin: origin("domains", "acme-dental.example"), fields: { name: "acme-dental.example", category: "domain", vendor: "Cloudflare Registrar", expiresOn: "2027-05-01" } },
  );
  data.credentials.push({
    origin: origin("credentials", "Firewall admin"),
    fields: { name: "Firewall admin", username: "acme-fwadmin", url: "https://10.0.0.1", category: "Firewall", hadOtp: true, description: "The firewall's own administrator account." },
  });
  data.tickets.push(
    { origin: origin("tickets", "TCK-42"), fields: { number: "TCK-42", subject: "Printer offline", priority: "High", status: "Open", openedOn: "2026-10-01", open: true } },
    { origin: origin("tickets", "TCK-40"), fields: { number: "TCK-40", subject: "New laptop", status: "Closed", open: false } },
  );
  data.networks.push({ origin: origin("networks", "LAN"), fields: { name: "LAN", vlan: "10", network: "10.0.0.0/24", gateway: "10.0.0.1", dns: ["10.0.0.2", "1.1.1.1"] } });
  return data;
}
