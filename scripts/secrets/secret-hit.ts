/** A secret found in a text: where it is, which rule found it, and what the scan calls it. The value itself is the caller's to slice and never goes into `message`. */
export interface SecretHit {
  start: number;
  end: number;
  /** The rule's id: a rule of rules.yaml, or one of the phrase rules (`credential-phrase`, `login-pair`, `password-column`). */
  rule: string;
  /** What was found, for a problem's message: "possible secret (GitHub token, 40 characters, hidden here)". */
  message: string;
}
