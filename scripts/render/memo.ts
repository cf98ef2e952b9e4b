import type { BlockContent, PhrasingContent, Root } from "mdast";
import { decided } from "../model/to-decide.ts";
import type { ClientModel, ValidRecord } from "../model/types.ts";
import { needsAcknowledgement } from "../rules/risk-acknowledgement.ts";
import { contact, heading, list, lower, paragraph, treeMarkdown, value, type Inline } from "./document-tree.ts";
import { LABELS } from "./labels.ts";

/** Only records the client may see; the memo reads no property the schemas mark internal. */
function forClient<R extends ValidRecord>(records: readonly R[]): R[] {
  return records.filter((record) => (record.data as { audience?: string }).audience !== "internal");
}

const HISTORY = {
  "handed-over": "they are handed over to you",
  retained: "we keep them",
  destroyed: "they are destroyed",
  negotiating: "still being agreed with you",
} as const;

/** The What's-Next memo as Markdown, ready to send (document-tree.ts says how). */
export function renderMemo(model: ClientModel): string {
  const { letter, closing } = memoParts(model);
  return treeMarkdown({ type: "root", children: [...letter.children, ...closing.children] });
}

/**
 * The What's-Next memo: what happens from the notice to the end of service, tailored from the
 * records, in words a client can act on. In two parts: the letter, and its closing (the thanks and
 * the signature), which the printed pack keeps together on one page. `afterKeyDates` is where the
 * letter's key dates end, for the pack to show its timeline there.
 */
export function memoParts(model: ClientModel): { letter: Root; closing: Root; afterKeyDates: number } {
  const clientCase = model.case;
  if (!clientCase) throw new Error("the memo needs a valid client.md");
  const c = clientCase.data;
  const successor = c.successor ? value(c.successor.company) : "your new IT support";
  const inHouse = c.successor?.type === "in-house";
  const stop = c.servicesStop ?? "the date we agree";
  const name = value(c.name);

  const keyDates: Inline[][] = [];
  if (c.notice) keyDates.push([{ strong: "Notice received:" }, ` ${c.notice.date} (notice period: ${c.notice.periodDays} days)`]);
  keyDates.push([{ strong: "Our managed services stop:" }, ` ${stop}`]);
  if (c.transition?.successorTakesOverOn) keyDates.push([{ strong: `${inHouse ? "Your own team" : successor} takes over support:` }, ` ${c.transition.successorTakesOverOn}`]);
  if (c.transition) keyDates.push([{ strong: "Until then, your support calls are answered by" }, ` ${lower(LABELS.supportedBy[c.transition.supportedBy])}.`]);

  const whom: Inline[][] = [[{ strong: `Us, until ${stop}:` }, ` ${contact(c.accountLead)}`]];
  if (c.successor?.contact) whom.push([{ strong: `${successor}:` }, ` ${contact(c.successor.contact)}`]);
  if (c.primaryContact) whom.push([{ strong: "Your contact for the transition:" }, ` ${contact(c.primaryContact)}`]);

  const opening: BlockContent[] = [
    heading(1, `What happens next: ${name}`),
    paragraph(c.primaryContact ? `Dear ${value(c.primaryContact.name)},` : "Hello,"),
    paragraph(
      `${c.notice ? `Following the notice of ${c.notice.date}, our managed services are coming to an end. ` : ""}We want ${name}'s move to ${inHouse ? "in-house IT" : successor} to be smooth, and this memo explains what happens until our service ends and what we need from you.`,
    ),
    heading(2, "Key dates"),
    list(keyDates),
  ];
  const letter: BlockContent[] = [
    ...opening,
    heading(2, "The work to move you"),
    paragraph(
      "All work to remove your systems from our managed services is billable: moving a client out is an add/move/change, not part of the managed-services agreement. This work is paid in advance from a prepaid block of hours; when everything is complete, we refund any unused part.",
    ),
    ...(c.offboarding?.removalTicket ? [paragraph(`We log all of it against ticket ${value(c.offboarding.removalTicket)}, so you can see every hour.`)] : []),
    ...contractSection(model),
    ...agentSection(model),
    ...issueSection(model, successor),
    ...backupSection(model, successor),
    heading(2, "Helping your new IT support"),
    paragraph(`We will help ${inHouse ? "your own team" : successor} take over. Transition assistance is billable.${c.transition?.assistance ? ` ${value(c.transition.assistance)}` : ""}`),
    heading(2, "Our agreement"),
    list([
      ["Our agreement does not allow hiring our employees without compensating us; that clause stays in force after our service ends."],
      ["We have kept your information confidential under our non-disclosure agreement, and we will continue to do so."],
    ]),
    heading(2, "Whom to call"),
    list(whom),
  ];
  const signature: PhrasingContent[] = [{ type: "text", value: value(c.accountLead.name) }];
  if (c.accountLead.role) signature.push({ type: "break" }, { type: "text", value: value(c.accountLead.role) });
  const closing: BlockContent[] = [
    paragraph("Thank you for working with us. If you ever need us again, we will be glad to hear from you."),
    paragraph("Kind regards,"),
    { type: "paragraph", children: signature },
  ];
  return { letter: { type: "root", children: letter }, closing: { type: "root", children: closing }, afterKeyDates: opening.length };
}

function contractSection(model: ClientModel): BlockContent[] {
  const contracts = forClient(model.contracts);
  if (contracts.length === 0) return [];
  const ending = contracts.filter((contract) => contract.data.disposition === "ends");
  const continuing = contracts.filter((contract) => contract.data.disposition !== "ends");
  const blocks: BlockContent[] = [heading(2, "Services that end and services that continue")];
  if (ending.length > 0) {
    blocks.push(paragraph({ strong: "Ending:" }), list(ending.map(({ data }) => [`${value(data.title)}${data.endDate ? `: ends ${data.endDate}` : ""}`])));
  }
  if (continuing.length > 0) {
    const how = (disposition: string) =>
      disposition === "continues-unbundled" ? ": continues, now billed on its own instead of as part of the managed-services fee" : ": continues as it is";
    blocks.push(
      paragraph({ strong: "Continuing:" }, " these agreements stay in place."),
      list(continuing.map(({ data }) => [`${value(data.title)}${how(data.disposition)}`])),
    );
  }
  return blocks;
}

function agentSection(model: ClientModel): BlockContent[] {
  const withAgent = (type: string) =>
    forClient(model.assets)
      .filter((asset) => (decided(asset.data.agents) ?? []).some((agent) => agent.type === type))
      .map((asset) => value(asset.data.name));
  const rmm = withAgent("rmm");
  const antivirus = withAgent("antivirus");
  if (rmm.length === 0 && antivirus.length === 0) return [];
  const items: Inline[][] = [];
  if (rmm.length > 0) {
    items.push([{ strong: "No more critical updates" }, ` once our management agent is removed, unless you ask for a billable ticket to set up automatic updates: ${rmm.join(", ")}.`]);
  }
  if (antivirus.length > 0) {
    items.push([{ strong: "No antivirus" }, ` once ours is removed, unless you ask for a billable ticket to install another product: ${antivirus.join(", ")}.`]);
  }
  return [
    heading(2, "Your computers after our agents are removed"),
    paragraph("Before our service ends we remove only our own agents. This can leave machines unprotected:"),
    list(items),
  ];
}

function issueSection(model: ClientModel, successor: string): BlockContent[] {
  const issues = forClient(model.issues);
  const docs = forClient(model.docs);
  const blocks: BlockContent[] = [
    heading(2, "Your documentation and outstanding issues"),
    paragraph(
      `We will give you all your documentation${docs.length > 0 ? ` (${docs.map((doc) => value(doc.data.title)).join(", ")})` : ""} and a summary of every outstanding issue with your systems.`,
    ),
  ];
  if (issues.length > 0) {
    blocks.push(
      list(
        issues.map(({ data }) => {
          const plan = lower(LABELS.issueDisposition[data.disposition]).replace("your new provider", successor);
          // A fact still to decide is said in words, never as the marker.
          const risk = decided(data.risk);
          return [{ strong: value(data.title) }, ` (${lower(LABELS.severity[data.severity])}): ${plan}.${risk ? ` ${value(risk)}` : ""}`];
        }),
      ),
    );
    if (issues.some(({ data }) => needsAcknowledgement(data))) {
      blocks.push(paragraph("For the serious risks that stay with you, we will ask you to sign that you are aware of them."));
    }
  }
  return blocks;
}

function backupSection(model: ClientModel, successor: string): BlockContent[] {
  const backups = forClient(model.backups);
  if (backups.length === 0) return [];
  const items = backups.map(({ data }): Inline[] => {
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
    return [{ strong: `${value(data.title)}:` }, ` ${state}${stop}${history}.`];
  });
  return [
    heading(2, "Your backups"),
    paragraph(
      `Our backups keep running until ${successor} has a successful backup of its own that has been verified, or until you sign a release telling us we may stop earlier. We will not stop them before one of these.`,
    ),
    list(items),
  ];
}
