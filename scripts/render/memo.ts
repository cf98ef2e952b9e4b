import type { ClientModel, ValidRecord } from "../model/types.ts";
import { escapeMarkdown as md } from "./checklist-markdown.ts";
import { LABELS } from "./labels.ts";

/** Only records the client may see; the memo reads no property the schemas mark internal. */
function forClient<R extends ValidRecord>(records: readonly R[]): R[] {
  return records.filter((record) => (record.data as { audience?: string }).audience !== "internal");
}

/** A label from LABELS inside a sentence. */
const lower = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);

const HISTORY = {
  "handed-over": "they are handed over to you",
  retained: "we keep them",
  destroyed: "they are destroyed",
  negotiating: "still being agreed with you",
} as const;

/**
 * The What's-Next memo: what happens from the notice to the end of service, tailored from the
 * records, in words a client can act on. Markdown, ready to send.
 */
export function renderMemo(model: ClientModel): string {
  const { letter, closing } = memoParts(model);
  return `${letter}\n${closing}`;
}

/**
 * The memo in two parts: the letter, and its closing (the thanks and the signature), which the
 * printed pack keeps together on one page.
 */
export function memoParts(model: ClientModel): { letter: string; closing: string } {
  const clientCase = model.case;
  if (!clientCase) throw new Error("the memo needs a valid client.md");
  const c = clientCase.data;
  const successor = c.successor ? md(c.successor.company) : "your new IT support";
  const inHouse = c.successor?.type === "in-house";
  const stop = c.servicesStop ?? "the date we agree";
  const lines: string[] = [`# What happens next: ${md(c.name)}`, ""];
  const greeting = c.primaryContact ? `Dear ${md(c.primaryContact.name)},` : "Hello,";
  lines.push(
    greeting,
    "",
    `${c.notice ? `Following the notice of ${c.notice.date}, our managed services are coming to an end. ` : ""}We want ${md(c.name)}'s move to ${inHouse ? "in-house IT" : successor} to be smooth, and this memo explains what happens until our service ends and what we need from you.`,
    "",
    "## Key dates",
    "",
  );
  if (c.notice) lines.push(`- **Notice received:** ${c.notice.date} (notice period: ${c.notice.periodDays} days)`);
  lines.push(`- **Our managed services stop:** ${stop}`);
  if (c.transition?.successorTakesOverOn) lines.push(`- **${inHouse ? "Your own team" : successor} takes over support:** ${c.transition.successorTakesOverOn}`);
  if (c.transition) lines.push(`- **Until then, your support calls are answered by** ${lower(LABELS.supportedBy[c.transition.supportedBy])}.`);

  lines.push(
    "",
    "## The work to move you",
    "",
    "All work to remove your systems from our managed services is billable: moving a client out is an add/move/change, not part of the managed-services agreement. This work is paid in advance from a prepaid block of hours; when everything is complete, we refund any unused part.",
  );
  if (c.offboarding?.removalTicket) lines.push("", `We log all of it against ticket ${md(c.offboarding.removalTicket)}, so you can see every hour.`);

  lines.push(...contractSection(model));
  lines.push(...agentSection(model));
  lines.push(...issueSection(model, successor));
  lines.push(...backupSection(model, successor));

  lines.push(
    "",
    "## Helping your new IT support",
    "",
    `We will help ${inHouse ? "your own team" : successor} take over. Transition assistance is billable.${c.transition?.assistance ? ` ${md(c.transition.assistance)}` : ""}`,
    "",
    "## Our agreement",
    "",
    "- Our agreement does not allow hiring our employees without compensating us; that clause stays in force after our service ends.",
    "- We have kept your information confidential under our non-disclosure agreement, and we will continue to do so.",
    "",
    "## Whom to call",
    "",
    `- **Us, until ${stop}:** ${contact(c.accountLead)}`,
  );
  if (c.successor?.contact) lines.push(`- **${successor}:** ${contact(c.successor.contact)}`);
  if (c.primaryContact) lines.push(`- **Your contact for the transition:** ${contact(c.primaryContact)}`);
  const closing = [
    "Thank you for working with us. If you ever need us again, we will be glad to hear from you.",
    "",
    "Kind regards,",
    "",
    md(c.accountLead.name) + (c.accountLead.role ? `  \n${md(c.accountLead.role)}` : ""),
  ];
  return { letter: `${lines.join("\n")}\n`, closing: `${closing.join("\n")}\n` };
}

function contact(person: { name: string; role?: string; phone?: string; email?: string }): string {
  return [md(person.name) + (person.role ? ` (${md(person.role)})` : ""), person.phone ? md(person.phone) : "", person.email ? md(person.email) : ""]
    .filter(Boolean)
    .join(", ");
}

function contractSection(model: ClientModel): string[] {
  const contracts = forClient(model.contracts);
  if (contracts.length === 0) return [];
  const ending = contracts.filter((contract) => contract.data.disposition === "ends");
  const continuing = contracts.filter((contract) => contract.data.disposition !== "ends");
  const lines = ["", "## Services that end and services that continue", ""];
  if (ending.length > 0) {
    lines.push("**Ending:**", "");
    for (const { data } of ending) lines.push(`- ${md(data.title)}${data.endDate ? `: ends ${data.endDate}` : ""}`);
    lines.push("");
  }
  if (continuing.length > 0) {
    lines.push("**Continuing:** these agreements stay in place.", "");
    for (const { data } of continuing) {
      const how = data.disposition === "continues-unbundled" ? ": continues, now billed on its own instead of as part of the managed-services fee" : ": continues as it is";
      lines.push(`- ${md(data.title)}${how}`);
    }
  }
  return lines;
}

function agentSection(model: ClientModel): string[] {
  const withAgent = (type: string) =>
    forClient(model.assets)
      .filter((asset) => (asset.data.agents ?? []).some((agent) => agent.type === type))
      .map((asset) => md(asset.data.name));
  const rmm = withAgent("rmm");
  const antivirus = withAgent("antivirus");
  if (rmm.length === 0 && antivirus.length === 0) return [];
  const lines = ["", "## Your computers after our agents are removed", "", "Before our service ends we remove only our own agents. This can leave machines unprotected:", ""];
  if (rmm.length > 0) {
    lines.push(`- **No more critical updates** once our management agent is removed, unless you ask for a billable ticket to set up automatic updates: ${rmm.join(", ")}.`);
  }
  if (antivirus.length > 0) {
    lines.push(`- **No antivirus** once ours is removed, unless you ask for a billable ticket to install another product: ${antivirus.join(", ")}.`);
  }
  return lines;
}

function issueSection(model: ClientModel, successor: string): string[] {
  const issues = forClient(model.issues);
  const docs = forClient(model.docs);
  const lines = [
    "",
    "## Your documentation and outstanding issues",
    "",
    `We will give you all your documentation${docs.length > 0 ? ` (${docs.map((doc) => md(doc.data.title)).join(", ")})` : ""} and a summary of every outstanding issue with your systems.`,
  ];
  if (issues.length > 0) {
    lines.push("");
    for (const { data } of issues) {
      const plan = lower(LABELS.issueDisposition[data.disposition]).replace("your new provider", successor);
      lines.push(`- **${md(data.title)}** (${data.severity}): ${plan}. ${md(data.risk)}`);
    }
    if (issues.some(({ data }) => (data.severity === "high" || data.severity === "critical") && data.disposition !== "work-before-end")) {
      lines.push("", "For the serious risks that stay with you, we will ask you to sign that you are aware of them.");
    }
  }
  return lines;
}

function backupSection(model: ClientModel, successor: string): string[] {
  const backups = forClient(model.backups);
  if (backups.length === 0) return [];
  const lines = [
    "",
    "## Your backups",
    "",
    `Our backups keep running until ${successor} has a successful backup of its own that has been verified, or until you sign a release telling us we may stop earlier. We will not stop them before one of these.`,
    "",
  ];
  for (const { data } of backups) {
    const { transition } = data;
    const state = transition.successorFirstVerifiedBackup
      ? `${successor}'s first backup was verified on ${transition.successorFirstVerifiedBackup.date}`
      : transition.clientRelease
        ? `you signed a release on ${transition.clientRelease.signedOn}`
        : "still running with us";
    const stop = transition.ourBackupsStopOn ? `; our backups stop on ${transition.ourBackupsStopOn}` : "";
    const held = transition.historicalBackups;
    const until = held?.disposition === "retained" && held.until ? ` until ${held.until}` : "";
    const history = held ? `; the backups we already hold: ${HISTORY[held.disposition]}${until}` : "";
    lines.push(`- **${md(data.title)}:** ${state}${stop}${history}.`);
  }
  return lines;
}
