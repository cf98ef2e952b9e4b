import type { BlockContent, Root } from "mdast";
import { signingForms, type BackupRelease, type RiskAcknowledgement, type Signature, type SigningForm } from "../derive/forms.ts";
import type { ClientCase, ClientModel } from "../model/types.ts";
import { clientData } from "../pack/client-view.ts";
import { contact, heading, list, paragraph, table, treeMarkdown, value, type Inline } from "./document-tree.ts";
import { LABELS } from "./labels.ts";

export interface FormContext {
  /** The MSP's name, from the branding. */
  msp: string;
  /** The date the facts are read on: the pack's build date, or `--today`. */
  date: string;
}

/** A form and its document: the body under the title, one tree for the pack's HTML and the CLI's Markdown. */
export interface FormDocument {
  form: SigningForm;
  body: Root;
}

/** What every form says of the client, read once from client.md as the pack sees it. */
interface Parties {
  client: string;
  successor: string;
  msp: string;
  date: string;
  returnTo: string;
  servicesStop: string | undefined;
}

/** The forms the client signs, each as a document. */
export function formDocuments(model: ClientModel, context: FormContext): FormDocument[] {
  if (!model.case) throw new Error("the forms need a valid client.md");
  const parties = partiesOf(clientData(model.case), context);
  return signingForms(model).map((form) => ({ form, body: { type: "root", children: form.kind === "risk-acknowledgement" ? riskBody(form, parties) : releaseBody(form, parties) } }));
}

/** Every form as Markdown, ready to print or send: each under its title, a rule between them. */
export function formsMarkdown(documents: readonly FormDocument[]): string {
  const children = documents.flatMap(({ form, body }, index): BlockContent[] => [...(index > 0 ? [{ type: "thematicBreak" as const }] : []), heading(1, form.title), ...(body.children as BlockContent[])]);
  return treeMarkdown({ type: "root", children });
}

function partiesOf(c: ClientCase, { msp, date }: FormContext): Parties {
  const successor = c.successor?.type === "in-house" ? "your own IT team" : c.successor ? value(c.successor.company) : "your new IT support";
  return { client: value(c.name), successor, msp: value(msp), date, returnTo: contact(c.accountLead), servicesStop: c.servicesStop };
}

const upper = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Where the form stands, first: waiting for the client, or signed (then the page is a record, not
 * a copy to sign); and the date its facts are read on.
 */
function state(signature: Signature | undefined, what: string, { returnTo, date }: Parties): BlockContent {
  const asOf = ` These facts are from our records as of ${date}.`;
  return signature
    ? paragraph({ strong: "Signed." }, ` This ${what} was signed on ${signature.signedOn} by ${value(signature.signedBy)}. This page is a record of it; where the signed copy is kept is noted below.${asOf}`)
    : paragraph({ strong: "Awaiting your signature." }, ` Please read this page, sign it and return it to ${returnTo}.${asOf}`);
}

/** Lines to sign on, or what was signed once it is recorded. */
function signatureBlock(signature: Signature | undefined, { client }: Parties): BlockContent[] {
  const rows = signature
    ? [
        ["Signed by", value(signature.signedBy)],
        ["Date", signature.signedOn],
        ["Signed copy kept", value(signature.document)],
      ]
    : [
        ["Name", ""],
        ["Role", ""],
        ["Date", ""],
        ["Signature", ""],
      ];
  return [heading(2, "Signature"), table([["Signed for", client], ...rows])];
}

function riskBody({ issue, assets, signature }: RiskAcknowledgement, parties: Parties): BlockContent[] {
  const { client, successor, msp, date } = parties;
  const facts: Inline[][] = [
    [{ strong: "Client:" }, ` ${client}`],
    [{ strong: "Issue:" }, ` ${value(issue.title)} (ticket ${value(issue.ticket)})`],
    [{ strong: "How serious:" }, ` ${LABELS.severity[issue.severity]}`],
  ];
  if (assets.length > 0) facts.push([{ strong: "Affects:" }, ` ${assets.map(value).join(", ")}`]);
  const plan = LABELS.issueDisposition[issue.disposition].replace("your new provider", successor);
  facts.push([{ strong: "What happens to it:" }, ` ${plan}${issue.closedOn ? `; ticket closed on ${issue.closedOn}` : ""}`]);
  if (parties.servicesStop) facts.push([{ strong: "Our managed services end:" }, ` ${parties.servicesStop}`]);
  const after =
    issue.disposition === "hand-over"
      ? `We hand it over to ${successor}; fixing it is up to you and them.`
      : "The ticket is closed without further work, and nobody works on it unless you ask for it.";
  return [
    state(signature, "acknowledgement", parties),
    heading(2, "The risk"),
    list(facts),
    paragraph({ strong: "The risk to you:" }, ` ${value(issue.risk)}`),
    heading(2, "What you take on"),
    paragraph(`We do not fix this before our managed services end. ${after}`),
    paragraph(`Until it is fixed, the risk stays with ${client}: if it comes true, the harm and the cost of putting it right are yours.`),
    heading(2, "What signing means"),
    paragraph(
      `By signing, you confirm that ${msp} has told you about this risk, that you understand it, and that ${client} keeps it rather than have it fixed before our managed services end. Signing does not make the risk smaller: you can still have it fixed later.`,
    ),
    ...signatureBlock(signature, parties),
  ];
}

function releaseBody({ backup, stop, stopsWith, signature }: BackupRelease, parties: Parties): BlockContent[] {
  const { client, successor, msp, date } = parties;
  const { transition } = backup;
  const ends =
    stopsWith === undefined ? "" : stopsWith === "service" ? ", the end of our managed services" : stopsWith.contract ? `, the end of the ${value(stopsWith.contract)}` : ", the end of the agreement it runs under";
  const verified = transition.successorFirstVerifiedBackup?.date;
  const facts: Inline[][] = [
    [{ strong: "Client:" }, ` ${client}`],
    [{ strong: "Backup:" }, ` ${value(backup.title)}`],
    [{ strong: "What is backed up:" }, ` ${value(backup.covers)}`],
    [{ strong: "Product:" }, ` ${value(backup.product)}`],
    [{ strong: "Where the copies are:" }, ` ${value(backup.location)}`],
  ];
  if (backup.lastSuccessfulBackup) facts.push([{ strong: "Our last successful backup:" }, ` ${backup.lastSuccessfulBackup}`]);
  facts.push([{ strong: "Our backups stop:" }, ` ${stop}${ends}`]);
  facts.push([{ strong: `${upper(successor)}'s first verified backup:` }, verified ? ` ${verified}, after ours stop` : ` none recorded as of ${date}`]);
  const held = transition.historicalBackups;
  if (held) {
    const until = held.until ? ` until ${held.until}` : "";
    facts.push([{ strong: "The backups we already hold:" }, ` ${LABELS.history[held.disposition]}${until}.${held.detail ? ` ${value(held.detail)}` : ""}`]);
  }
  return [
    state(signature, "release", parties),
    heading(2, "The backup"),
    list(facts),
    heading(2, "What happens"),
    paragraph(`Our backups normally run until ${successor}'s own backup has been verified. This release lets us stop ours on ${stop} without waiting for it.`),
    heading(2, "What you take on"),
    paragraph(
      `From ${stop} until ${successor}'s first verified backup, nothing backs up what this backup covers: anything created, changed, deleted or damaged in that time, by a fault, a mistake or ransomware, cannot be restored from our backups.`,
    ),
    heading(2, "What signing means"),
    paragraph(
      `By signing, you allow ${msp} to stop this backup on ${stop}, before ${successor} has a verified backup, and ${client} accepts the risk of the time without one. Without your signature we keep it running until then.`,
    ),
    ...signatureBlock(signature, parties),
  ];
}
