import { isToDecide } from "../model/to-decide.ts";

/** What a client reads for a fact still `to-decide`. */
export const TO_BE_AGREED = "To be agreed";
/** A fact nobody has looked up yet (which of our agents a machine runs), rather than one to agree. */
export const TO_BE_CONFIRMED = "To be confirmed";

/** A name or title as the client reads it: one still `to-decide` (an import found none to copy) in words. */
export function shown(text: string): string {
  return isToDecide(text) ? TO_BE_AGREED : text;
}

/** Words a client reads for the records' closed vocabularies. */
export const LABELS = {
  status: { active: "Active", offboarding: "Handover in progress", "handed-over": "Handed over", archived: "Handed over (archived)" },
  contractType: {
    "managed-services": "Managed services",
    "time-and-materials": "Time and materials",
    bdr: "Backup and disaster recovery",
    haas: "Hardware as a service",
    telephone: "Telephone",
    "email-filtering": "E-mail filtering",
    antivirus: "Antivirus",
    other: "Other service",
  },
  contractDisposition: { ends: "Ends", continues: "Continues", "continues-unbundled": "Continues, billed separately" },
  assetType: { hardware: "Hardware", "software-licence": "Software licence", subscription: "Subscription", domain: "Domain", certificate: "Certificate", "cloud-tenant": "Cloud tenant" },
  owner: { client: "You", msp: "Us", leased: "Leasing company or vendor", "to-decide": TO_BE_AGREED },
  assetDisposition: { stays: "Stays with you", retrieve: "We collect it", "transfer-ownership": "Ownership passes to you", decommission: "Decommissioned", "to-decide": TO_BE_AGREED },
  transition: {
    "transfer-to-client": "Transferred to you",
    "transfer-to-successor": "Transferred to your new provider",
    "client-keeps": "Already yours",
    cancel: "Cancelled",
    "continues-with-msp": "Continues with us",
    "to-decide": TO_BE_AGREED,
  },
  agent: { rmm: "Management (RMM)", antivirus: "Antivirus", backup: "Backup", monitoring: "Monitoring" },
  severity: { low: "Low", medium: "Medium", high: "High", critical: "Critical", "to-decide": "Not yet assessed" },
  issueDisposition: {
    "work-before-end": "We fix it before our service ends",
    "close-with-note": "Closed without further work when our service ends",
    "hand-over": "Handed over to your new provider",
    "to-decide": TO_BE_AGREED,
  },
  coverage: { "ending-contract": "Covered by the ending contract", billable: "Billable", "to-decide": TO_BE_AGREED },
  history: { "handed-over": "Handed over to you", retained: "Kept by us", destroyed: "Destroyed", negotiating: "Being agreed with you" },
  accessType: {
    "domain-admin": "Domain administrator",
    "cloud-admin": "Cloud administrator",
    firewall: "Firewall",
    registrar: "Domain registrar",
    dns: "DNS",
    "vendor-portal": "Vendor portal",
    wifi: "Wi-Fi",
    "line-of-business": "Business application",
    other: "Other",
  },
  method: {
    "password-manager-share": "Password-manager share",
    "in-person": "In person",
    "sealed-envelope": "Sealed envelope",
    phone: "By phone",
    "client-reset": "You set a new password",
    "to-decide": TO_BE_AGREED,
  },
  supportedBy: { msp: "Us", successor: "Your new IT support", shared: "Us and your new IT support together" },
} as const;
