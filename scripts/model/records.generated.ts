// Generated from schemas/*.schema.json by `npm run generate`. Do not edit.

/**
 * The offboarding case of one client: `clients/<slug>/client.md`.
 */
export type ClientCase = {
  /**
   * The client case is always part of the pack; keep internal facts in `internalNotes`, internal properties, or `## Internal` sections.
   */
  audience?: "client";
  /**
   * The client's display name, for example Harbor & Finch LLP.
   */
  name: string;
  /**
   * Where the relationship stands: `active` (no notice), `offboarding` (notice given, handover under way), `handed-over` (handover complete), `archived` (closed and filed).
   */
  status: "active" | "offboarding" | "handed-over" | "archived";
  /**
   * Who ended the relationship and why. Internal: never shown to the client.
   */
  ending?: {
    /**
     * Who ended the relationship: the client quit (`client`), we fired them (`msp`), or both agreed (`mutual`).
     */
    initiatedBy: "client" | "msp" | "mutual";
    /**
     * The main reason the relationship ended.
     */
    reason:
      | "new-provider"
      | "in-house"
      | "acquired-or-merged"
      | "out-of-business"
      | "outgrew-us"
      | "non-payment"
      | "scope-creep"
      | "mistreatment-of-staff"
      | "criminal-activity"
      | "technological-naivete"
      | "poor-fit"
      | "other";
    /**
     * What happened, in a sentence or two.
     */
    detail?: string;
  };
  /**
   * The notice that ended the relationship.
   */
  notice?: {
    /**
     * The date notice was given.
     */
    date: string;
    /**
     * Whether notice was given in writing (`true` or `false`).
     */
    inWriting: boolean;
    /**
     * Where the notice letter is kept.
     */
    letter?: string;
    /**
     * The contractual notice period in days.
     */
    periodDays: number;
  };
  /**
   * The date our managed services stop.
   */
  servicesStop?: string;
  /**
   * Our primary contact at the client during the transition.
   */
  primaryContact?: {
    /**
     * Full name.
     */
    name: string;
    /**
     * Job title or role, for example Office Manager.
     */
    role?: string;
    /**
     * Phone number, quoted, for example "+1 555 0100".
     */
    phone?: string;
    /**
     * E-mail address.
     */
    email?: string;
  };
  /**
   * Who takes over the client's IT.
   */
  successor?: {
    /**
     * `msp` for a new provider, `in-house` for the client's own team.
     */
    type: "msp" | "in-house";
    /**
     * The new provider's name, or the client's own team for in-house.
     */
    company: string;
    /**
     * The person we coordinate the transition with.
     */
    contact?: {
      /**
       * Full name.
       */
      name: string;
      /**
       * Job title or role, for example Office Manager.
       */
      role?: string;
      /**
       * Phone number, quoted, for example "+1 555 0100".
       */
      phone?: string;
      /**
       * E-mail address.
       */
      email?: string;
    };
  };
  /**
   * Who supports the client while the handover runs.
   */
  transition?: {
    /**
     * Who answers the client's support calls during the transition.
     */
    supportedBy: "msp" | "successor" | "shared";
    /**
     * The date the successor takes over support.
     */
    successorTakesOverOn?: string;
    /**
     * What transition assistance we give the successor (billable).
     */
    assistance?: string;
  };
  /**
   * Our account lead for this client.
   */
  accountLead: {
    /**
     * Full name.
     */
    name: string;
    /**
     * Job title or role, for example Office Manager.
     */
    role?: string;
    /**
     * Phone number, quoted, for example "+1 555 0100".
     */
    phone?: string;
    /**
     * E-mail address.
     */
    email?: string;
  };
  /**
   * Money facts of the offboarding. Internal: never shown to the client.
   */
  money?: {
    /**
     * ISO 4217 currency code, for example USD.
     */
    currency?: string;
    /**
     * What the client owes us.
     */
    receivables?: {
      /**
       * Amount outstanding when notice was given.
       */
      outstanding: number;
      /**
       * The payment arrangement made.
       */
      arrangement?: string;
      /**
       * The date all receivables were paid.
       */
      settledOn?: string;
    };
    /**
     * The prepaid block of offboarding labour (all offboarding work is billable and paid in advance).
     */
    prepaidLabour?: {
      /**
       * Amount of the prepayment.
       */
      amount: number;
      /**
       * Hours of labour it buys.
       */
      hours: number;
      /**
       * The date the prepayment was collected.
       */
      collectedOn?: string;
      /**
       * The date the unused part was rebated.
       */
      unusedRebatedOn?: string;
    };
    /**
     * The date automated recurring billing was cancelled at the merchant service.
     */
    recurringBillingCancelledOn?: string;
    /**
     * The date the expiry of the managed-services recurring contract was set in the PSA.
     */
    psaExpirySetOn?: string;
    /**
     * Whether the client's terms in the accounting system must change.
     */
    accountingTermsChange?: "needed" | "not-needed";
    /**
     * The date the client's terms were changed in the accounting system.
     */
    accountingTermsChangedOn?: string;
    /**
     * Whether the client keeps receiving our newsletter.
     */
    newsletter?: "keep" | "remove";
    /**
     * The date the client was removed from the newsletter list.
     */
    newsletterRemovedOn?: string;
  };
  /**
   * The date the What's-Next memo was sent to the client.
   */
  whatsNextMemoSentOn?: string;
  /**
   * Client-level offboarding actions, recorded as they are done.
   */
  offboarding?: {
    /**
     * The billable service request that all offboarding labour is logged against, for example T-48190.
     */
    removalTicket?: string;
    /**
     * The date the service manager e-mailed the client the summary of all outstanding issues and open tickets.
     */
    issuesSummarySentOn?: string;
    /**
     * The date all documentation was verified up to date.
     */
    documentationVerifiedOn?: string;
    /**
     * The date the client received a copy of their documentation.
     */
    documentationDeliveredOn?: string;
    /**
     * How the documentation was delivered.
     */
    documentationFormat?: "electronic" | "paper" | "both";
    /**
     * The date the daily monitoring documentation was updated so the client's machines are not reported missing.
     */
    monitoringUpdatedOn?: string;
    /**
     * The date the managed-services grid was updated.
     */
    servicesGridUpdatedOn?: string;
    /**
     * The date all paperwork, the paper contracts and the completed checklist were filed in the client folder.
     */
    paperworkFiledOn?: string;
  };
  /**
   * Where `handover import` took this record from, and what it last wrote. The import keeps it up to date: leave it as it is. Internal: the MSP's own platforms and their ids mean nothing in the client's pack.
   */
  imported?: {
    /**
     * The platform the export came from: `itflow`, `itglue` or `hudu`.
     */
    system: "itflow" | "itglue" | "hudu";
    /**
     * The export's module or endpoint the record came from, for example `assets`, `passwords` or `asset_passwords`.
     */
    entity: string;
    /**
     * The item's id in the platform; for ITFlow's CSV exports, which carry none, a key made from the row's identity. A newer import finds the record by system, entity and id, whatever its file is called.
     */
    id: string;
    /**
     * Fields of the source item whose value held a secret and was not copied, by their names in the export: look them up in the platform by system, entity and id. The value itself is never written anywhere.
     *
     * Items: One line of text.
     */
    withheld?: string[];
    /**
     * A short SHA-256 (eight letters) of every field the import wrote (and of `body`, the Markdown body, or `body:<section>` for an imported section of it), as it last wrote it. A value that no longer matches was changed by hand: a newer import keeps it.
     */
    written: {
      /**
       * Eight letters a–p, as the import writes them.
       */
      [k: string]: string | undefined;
    };
  };
  /**
   * Notes for the MSP only. Never shown to the client.
   */
  internalNotes?: string;
};

/**
 * One contract with the client: `clients/<slug>/contracts/<id>.md`. The body may describe scope and terms.
 */
export type Contract = {
  /**
   * Who may read this record. `internal` keeps the whole record out of the client's handover pack.
   */
  audience?: "client" | "internal";
  /**
   * The contract's name as the client knows it, for example Managed Services Agreement.
   */
  title: string;
  /**
   * What the contract covers: `managed-services`, `time-and-materials`, `bdr` (backup and disaster recovery), `haas` (hardware as a service), `telephone`, `email-filtering`, `antivirus` or `other`.
   */
  type:
    | "managed-services"
    | "time-and-materials"
    | "bdr"
    | "haas"
    | "telephone"
    | "email-filtering"
    | "antivirus"
    | "other";
  /**
   * Whether the service is bundled into the managed-services fee (`true` or `false`).
   */
  bundled: boolean;
  /**
   * What happens to the contract: it `ends`, it `continues` as it is, or it `continues-unbundled` as a separately billed service.
   */
  disposition: "ends" | "continues" | "continues-unbundled";
  /**
   * The date the contract started.
   */
  startDate?: string;
  /**
   * The date the contract ends.
   */
  endDate?: string;
  /**
   * The contract's notice period in days.
   */
  noticePeriodDays?: number;
  /**
   * The date recurring billing for this contract was cancelled.
   */
  recurringBillingCancelledOn?: string;
  /**
   * The date separate recurring billing was created for an unbundled service that continues.
   */
  recurringBillingCreatedOn?: string;
  /**
   * The date the contract's expiry date was set in the PSA.
   */
  psaExpirySetOn?: string;
  /**
   * Where the evidence that we met the SLA is kept (PSA reports, RMM logs).
   */
  slaEvidence?: string;
  /**
   * For an e-mail filtering contract that ends: where mail goes next and proof that it flows.
   */
  mailRouting?: {
    /**
     * The billable ticket for removing the client from the filtering service.
     */
    removalTicket?: string;
    /**
     * Where the MX records point after the change, for example Microsoft 365 Exchange Online Protection.
     */
    pointsTo?: string;
    /**
     * The date the MX records and other DNS were updated.
     */
    dnsUpdatedOn?: string;
    /**
     * The date inbound and outbound mail was tested and seen flowing.
     */
    mailFlowTestedOn?: string;
  };
  /**
   * Notes for the MSP only. Never shown to the client.
   */
  internalNotes?: string;
};

/**
 * One piece of hardware, software licence, subscription, domain, certificate or cloud tenant: `clients/<slug>/assets/<id>.md`.
 */
export type Asset = {
  /**
   * Who may read this record. `internal` keeps the whole record out of the client's handover pack.
   */
  audience?: "client" | "internal";
  /**
   * What the client calls it, for example Front-office firewall.
   */
  name: string;
  /**
   * `hardware`, `software-licence`, `subscription`, `domain`, `certificate` (a TLS certificate) or `cloud-tenant`.
   */
  type: "hardware" | "software-licence" | "subscription" | "domain" | "certificate" | "cloud-tenant";
  /**
   * Make and model, or product and edition.
   */
  model?: string;
  /**
   * Serial number, licence number (not a licence key) or tenant name.
   */
  serial?: string;
  /**
   * Where it is, for example Server closet, 2nd floor.
   */
  location?: string;
  /**
   * Who owns it: the `client`, us (`msp`), or a leasing company or vendor (`leased`). `to-decide` until someone knows.
   */
  owner: "client" | "msp" | "leased" | "to-decide";
  /**
   * The contract it belongs to, for example a HaaS contract (file name in contracts/).
   */
  contract?: string;
  /**
   * What happens to it: it `stays` with the client, we `retrieve` it, we `transfer-ownership` to the client, or it is `decommission`ed. `to-decide` until it is agreed.
   */
  disposition: "stays" | "retrieve" | "transfer-ownership" | "decommission" | "to-decide";
  /**
   * The date the disposition is planned for, for example when our hardware can be collected.
   */
  dispositionDueOn?: string;
  /**
   * The date the disposition was done.
   */
  dispositionDoneOn?: string;
  /**
   * Our agents installed on it. Removed only once its tickets are settled. `to-decide` until someone has looked (`handover import` cannot know which are installed).
   */
  agents?:
    | {
        /**
         * `rmm`, `antivirus`, `backup` or `monitoring`.
         */
        type: "rmm" | "antivirus" | "backup" | "monitoring";
        /**
         * The product, for example NinjaOne.
         */
        product: string;
        /**
         * The date the agent was removed.
         */
        removedOn?: string;
      }[]
    | "to-decide";
  /**
   * Who sells or registers it, for example Microsoft or Cloudflare Registrar. `to-decide` when nobody has looked it up yet.
   */
  vendor?: string;
  /**
   * The next renewal or expiry date, or `to-decide` when nobody has looked it up yet.
   */
  renewsOn?: string | "to-decide";
  /**
   * How a subscription, licence, domain or tenant moves on: `transfer-to-client`, `transfer-to-successor`, `client-keeps` (already theirs), `cancel`, or `continues-with-msp`. `to-decide` until it is agreed.
   */
  transition?:
    "transfer-to-client" | "transfer-to-successor" | "client-keeps" | "cancel" | "continues-with-msp" | "to-decide";
  /**
   * The date the transfer or cancellation was completed.
   */
  transitionDoneOn?: string;
  /**
   * Who holds the admin rights after the handover, for example Harbor & Finch LLP (client) or Northpoint IT (successor). `to-decide` until it is agreed.
   */
  adminRightsHeldBy?: string;
  /**
   * Where `handover import` took this record from, and what it last wrote. The import keeps it up to date: leave it as it is. Internal: the MSP's own platforms and their ids mean nothing in the client's pack.
   */
  imported?: {
    /**
     * The platform the export came from: `itflow`, `itglue` or `hudu`.
     */
    system: "itflow" | "itglue" | "hudu";
    /**
     * The export's module or endpoint the record came from, for example `assets`, `passwords` or `asset_passwords`.
     */
    entity: string;
    /**
     * The item's id in the platform; for ITFlow's CSV exports, which carry none, a key made from the row's identity. A newer import finds the record by system, entity and id, whatever its file is called.
     */
    id: string;
    /**
     * Fields of the source item whose value held a secret and was not copied, by their names in the export: look them up in the platform by system, entity and id. The value itself is never written anywhere.
     *
     * Items: One line of text.
     */
    withheld?: string[];
    /**
     * A short SHA-256 (eight letters) of every field the import wrote (and of `body`, the Markdown body, or `body:<section>` for an imported section of it), as it last wrote it. A value that no longer matches was changed by hand: a newer import keeps it.
     */
    written: {
      /**
       * Eight letters a–p, as the import writes them.
       */
      [k: string]: string | undefined;
    };
  };
  /**
   * Notes for the MSP only. Never shown to the client.
   */
  internalNotes?: string;
};

/**
 * One known problem or open ticket: `clients/<slug>/issues/<id>.md`. The body explains it for the client.
 */
export type Issue = {
  /**
   * Who may read this record. `internal` keeps the whole record out of the client's handover pack.
   */
  audience?: "client" | "internal";
  /**
   * The PSA ticket reference, for example T-48213.
   */
  ticket: string;
  /**
   * A short title the client understands.
   */
  title: string;
  /**
   * How serious the risk to the client is: `low`, `medium`, `high` or `critical`. `to-decide` until someone has judged it.
   */
  severity: "low" | "medium" | "high" | "critical" | "to-decide";
  /**
   * What we do with it: `work-before-end` (fix it before services stop), `close-with-note` (close it unworked with a note that service ended), or `hand-over` (pass it to the successor). `to-decide` until it is agreed.
   */
  disposition: "work-before-end" | "close-with-note" | "hand-over" | "to-decide";
  /**
   * Whether the work is covered by the contract that is ending (`ending-contract`) or is `billable`. `to-decide` until it is agreed.
   */
  coverage: "ending-contract" | "billable" | "to-decide";
  /**
   * The risk to the client in plain words, for example: if the old server fails, the billing database cannot be restored. `to-decide` until someone has judged it.
   */
  risk: string;
  /**
   * Assets it affects (file names in assets/).
   *
   * Items: The file name of another record of the same client, without `.md`, for example `fw-01`.
   */
  assets?: string[];
  /**
   * The date the work was completed.
   */
  resolvedOn?: string;
  /**
   * The date the ticket was closed.
   */
  closedOn?: string;
  /**
   * The note added when closing, for example: closed without completing service due to end of contract.
   */
  closingNote?: string;
  /**
   * The client's signed acknowledgement of the risk. Required for high and critical risks that stay with the client.
   */
  acknowledgement?: {
    /**
     * Who at the client signed, with their role.
     */
    signedBy: string;
    /**
     * The date it was signed.
     */
    signedOn: string;
    /**
     * Where the signed document is kept, for example a DMS reference or file path.
     */
    document: string;
  };
  /**
   * Where `handover import` took this record from, and what it last wrote. The import keeps it up to date: leave it as it is. Internal: the MSP's own platforms and their ids mean nothing in the client's pack.
   */
  imported?: {
    /**
     * The platform the export came from: `itflow`, `itglue` or `hudu`.
     */
    system: "itflow" | "itglue" | "hudu";
    /**
     * The export's module or endpoint the record came from, for example `assets`, `passwords` or `asset_passwords`.
     */
    entity: string;
    /**
     * The item's id in the platform; for ITFlow's CSV exports, which carry none, a key made from the row's identity. A newer import finds the record by system, entity and id, whatever its file is called.
     */
    id: string;
    /**
     * Fields of the source item whose value held a secret and was not copied, by their names in the export: look them up in the platform by system, entity and id. The value itself is never written anywhere.
     *
     * Items: One line of text.
     */
    withheld?: string[];
    /**
     * A short SHA-256 (eight letters) of every field the import wrote (and of `body`, the Markdown body, or `body:<section>` for an imported section of it), as it last wrote it. A value that no longer matches was changed by hand: a newer import keeps it.
     */
    written: {
      /**
       * Eight letters a–p, as the import writes them.
       */
      [k: string]: string | undefined;
    };
  };
  /**
   * Notes for the MSP only. Never shown to the client.
   */
  internalNotes?: string;
};

/**
 * One backup system and its transition: `clients/<slug>/backups/<id>.md`. The body is the narrative a client can follow and must have a restore section.
 */
export interface Backup {
  /**
   * Who may read this record. `internal` keeps the whole record out of the client's handover pack.
   */
  audience?: "client" | "internal";
  /**
   * A name the client understands, for example Nightly server backup.
   */
  title: string;
  /**
   * What is backed up, in plain words.
   */
  covers: string;
  /**
   * The assets it backs up (file names in assets/).
   *
   * Items: The file name of another record of the same client, without `.md`, for example `fw-01`.
   */
  assets?: string[];
  /**
   * The contract it runs under, for example the BDR contract (file name in contracts/).
   */
  contract?: string;
  /**
   * The backup product, for example Veeam Backup & Replication 12.
   */
  product: string;
  /**
   * When it runs, for example every night at 22:00.
   */
  schedule: string;
  /**
   * How long copies are kept, for example 30 daily, 12 monthly.
   */
  retention: string;
  /**
   * Where the copies are, for example on-site NAS and Wasabi us-east-2.
   */
  location: string;
  /**
   * Who holds the encryption key and where it is stored. Never the key itself.
   */
  encryptionKeyHeldBy: string;
  /**
   * The date of the last successful backup.
   */
  lastSuccessfulBackup?: string;
  /**
   * The date a restore was last tested.
   */
  lastRestoreTest?: string;
  /**
   * How backups move to the successor without a gap. Our backups keep running until the successor's first verified backup, or the client signs a release.
   */
  transition: {
    /**
     * The date our backups stop (planned or done).
     */
    ourBackupsStopOn?: string;
    /**
     * The successor's first successful backup, verified.
     */
    successorFirstVerifiedBackup?: {
      /**
       * The date of the successor's first successful backup.
       */
      date: string;
      /**
       * Who verified it (name and company).
       */
      verifiedBy: string;
      /**
       * The evidence, for example a job report or test restore ticket.
       */
      evidence: string;
    };
    /**
     * The client's signed release saying we may stop backups before the successor has a verified backup.
     */
    clientRelease?: {
      /**
       * Who at the client signed, with their role.
       */
      signedBy: string;
      /**
       * The date it was signed.
       */
      signedOn: string;
      /**
       * Where the signed document is kept, for example a DMS reference or file path.
       */
      document: string;
    };
    /**
     * What happens to the backups we already hold.
     */
    historicalBackups?: {
      /**
       * `handed-over` to the client or successor, `retained` by us until a date, `destroyed`, or still `negotiating`.
       */
      disposition: "handed-over" | "retained" | "destroyed" | "negotiating";
      /**
       * For `retained`: the date we keep them until.
       */
      until?: string;
      /**
       * The date they were handed over or destroyed.
       */
      doneOn?: string;
      /**
       * How, where to, and on what terms.
       */
      detail?: string;
    };
  };
  /**
   * Notes for the MSP only. Never shown to the client.
   */
  internalNotes?: string;
}

/**
 * One entry of the access handover register: `clients/<slug>/access/<id>.md`. It records who received an account and how; it never holds the password, key or token.
 */
export type Access = {
  /**
   * Who may read this record. `internal` keeps the whole record out of the client's handover pack.
   */
  audience?: "client" | "internal";
  /**
   * The system, for example Microsoft 365 tenant harborfinch.onmicrosoft.com.
   */
  system: string;
  /**
   * The account name or user, never its password.
   */
  account: string;
  /**
   * `domain-admin`, `cloud-admin`, `firewall`, `registrar`, `dns`, `vendor-portal`, `wifi`, `line-of-business` or `other`.
   */
  type:
    | "domain-admin"
    | "cloud-admin"
    | "firewall"
    | "registrar"
    | "dns"
    | "vendor-portal"
    | "wifi"
    | "line-of-business"
    | "other";
  /**
   * The asset this account belongs to (file name in assets/).
   */
  asset?: string;
  /**
   * Whether the account signs in with multi-factor authentication (`true` or `false`). An import sets `true` where the platform held a one-time-password secret for it; the secret itself is never copied.
   */
  mfa?: boolean;
  /**
   * Who received it, or `to-decide` until that is agreed.
   */
  handedTo?:
    | {
        /**
         * Full name.
         */
        name: string;
        /**
         * Job title or role, for example Office Manager.
         */
        role?: string;
        /**
         * Phone number, quoted, for example "+1 555 0100".
         */
        phone?: string;
        /**
         * E-mail address.
         */
        email?: string;
      }
    | "to-decide";
  /**
   * How it was passed on: `password-manager-share`, `in-person`, `sealed-envelope`, `phone`, or `client-reset` (the client set a new password themselves). `to-decide` until that is agreed.
   */
  method?: "password-manager-share" | "in-person" | "sealed-envelope" | "phone" | "client-reset" | "to-decide";
  /**
   * The date it was handed over, or `to-decide` until that is agreed.
   */
  handedOn?: string | "to-decide";
  /**
   * Whether multi-factor authentication was moved to the new holder (`true` or `false`).
   */
  mfaTransferred?: boolean;
  /**
   * The date our own access was removed.
   */
  ourAccessRemovedOn?: string;
  /**
   * The date the credentials were changed after the handover.
   */
  credentialsRotatedOn?: string;
  /**
   * Where `handover import` took this record from, and what it last wrote. The import keeps it up to date: leave it as it is. Internal: the MSP's own platforms and their ids mean nothing in the client's pack.
   */
  imported?: {
    /**
     * The platform the export came from: `itflow`, `itglue` or `hudu`.
     */
    system: "itflow" | "itglue" | "hudu";
    /**
     * The export's module or endpoint the record came from, for example `assets`, `passwords` or `asset_passwords`.
     */
    entity: string;
    /**
     * The item's id in the platform; for ITFlow's CSV exports, which carry none, a key made from the row's identity. A newer import finds the record by system, entity and id, whatever its file is called.
     */
    id: string;
    /**
     * Fields of the source item whose value held a secret and was not copied, by their names in the export: look them up in the platform by system, entity and id. The value itself is never written anywhere.
     *
     * Items: One line of text.
     */
    withheld?: string[];
    /**
     * A short SHA-256 (eight letters) of every field the import wrote (and of `body`, the Markdown body, or `body:<section>` for an imported section of it), as it last wrote it. A value that no longer matches was changed by hand: a newer import keeps it.
     */
    written: {
      /**
       * Eight letters a–p, as the import writes them.
       */
      [k: string]: string | undefined;
    };
  };
  /**
   * Notes for the MSP only. Never shown to the client.
   */
  internalNotes?: string;
};

/**
 * A free documentation page for the handover pack: `clients/<slug>/docs/<id>.md`, for example a network overview or a runbook.
 */
export interface Doc {
  /**
   * Who may read this record. `internal` keeps the whole record out of the client's handover pack.
   */
  audience?: "client" | "internal";
  /**
   * The page title.
   */
  title: string;
  /**
   * The date someone checked the page against the real systems; `to-decide` for a page imported and not checked yet.
   */
  lastVerified: string | "to-decide";
  /**
   * Who verified it.
   */
  verifiedBy?: string;
  /**
   * Position in the pack's documentation list; lower comes first.
   */
  order?: number;
  /**
   * Assets the page describes (file names in assets/).
   *
   * Items: The file name of another record of the same client, without `.md`, for example `fw-01`.
   */
  assets?: string[];
  /**
   * Where `handover import` took this record from, and what it last wrote. The import keeps it up to date: leave it as it is. Internal: the MSP's own platforms and their ids mean nothing in the client's pack.
   */
  imported?: {
    /**
     * The platform the export came from: `itflow`, `itglue` or `hudu`.
     */
    system: "itflow" | "itglue" | "hudu";
    /**
     * The export's module or endpoint the record came from, for example `assets`, `passwords` or `asset_passwords`.
     */
    entity: string;
    /**
     * The item's id in the platform; for ITFlow's CSV exports, which carry none, a key made from the row's identity. A newer import finds the record by system, entity and id, whatever its file is called.
     */
    id: string;
    /**
     * Fields of the source item whose value held a secret and was not copied, by their names in the export: look them up in the platform by system, entity and id. The value itself is never written anywhere.
     *
     * Items: One line of text.
     */
    withheld?: string[];
    /**
     * A short SHA-256 (eight letters) of every field the import wrote (and of `body`, the Markdown body, or `body:<section>` for an imported section of it), as it last wrote it. A value that no longer matches was changed by hand: a newer import keeps it.
     */
    written: {
      /**
       * Eight letters a–p, as the import writes them.
       */
      [k: string]: string | undefined;
    };
  };
  /**
   * Notes for the MSP only. Never shown to the client.
   */
  internalNotes?: string;
}

/**
 * Who at the client accepted the handover pack, and when: `clients/<slug>/acceptance.md`. A completed handover requires it. It never reaches a pack. The body may quote the client's words.
 */
export interface Acceptance {
  /**
   * Who accepted the pack, with their role, for example Dr. Helen Park, Owner.
   */
  acceptedBy: string;
  /**
   * The date the pack was accepted.
   */
  acceptedOn: string;
  /**
   * The release tag of the pack they accepted, as `handover release` made it: handover/<slug>/<YYYY-MM-DD>. A draft's tag (`…-draft.N`, from `handover release --draft`) is an interim pack, never the one accepted.
   */
  tag: string;
  /**
   * Where the signed acceptance (or the e-mail) is kept.
   */
  document?: string;
  /**
   * Anything the client noted as missing or wrong when accepting.
   *
   * Items: Plain text.
   */
  exceptions?: string[];
  /**
   * Notes for the MSP only. Never shown to the client.
   */
  internalNotes?: string;
}
