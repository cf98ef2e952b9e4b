// Generated from schemas/*.schema.json by `npm run generate`. Do not edit.

/**
 * One test of the records. A field test with no operator asks that the field is filled in.
 */
export type Test = AllTest | AnyTest | NotTest | FieldTest;
/**
 * Lowercase letters, digits and hyphens.
 */
export type Id = string;

/**
 * The MSP's offboarding playbook: the steps of a handover, when each applies, and the recorded facts that complete it. Pure data: nothing in it is run as code.
 */
export interface Playbook {
  /**
   * Documentation pages must have been verified (`lastVerified`) or changed in git within this many days of the handover; `handover check` warns, and blocks a completed handover.
   */
  freshnessDays?: number;
  /**
   * The phases a checklist is grouped by, in order; for example admin, then tech, then admin again.
   *
   * @minItems 1
   */
  phases: [
    {
      /**
       * The phase id that steps name in `phase`.
       */
      id: string;
      /**
       * The heading of the phase in the checklist.
       */
      title: string;
      /**
       * The phase's heading in plain words for the client, for example `Step two: moving your IT over`: the handover pack shows it instead of `title`, which stays in the tech's `CHECKLIST.md`. Required of a phase with `audience: client` steps.
       */
      clientTitle?: string;
    },
    ...{
      /**
       * The phase id that steps name in `phase`.
       */
      id: string;
      /**
       * The heading of the phase in the checklist.
       */
      title: string;
      /**
       * The phase's heading in plain words for the client, for example `Step two: moving your IT over`: the handover pack shows it instead of `title`, which stays in the tech's `CHECKLIST.md`. Required of a phase with `audience: client` steps.
       */
      clientTitle?: string;
    }[]
  ];
  /**
   * The steps, in checklist order within each phase.
   *
   * @minItems 1
   */
  steps: [Step, ...Step[]];
}
/**
 * One step of the offboarding.
 */
export interface Step {
  /**
   * A stable id; the checklist and CI name the step by it.
   */
  id: string;
  /**
   * The phase the step belongs to.
   */
  phase: string;
  /**
   * The role that does the step.
   */
  owner: "admin" | "tech" | "service-manager" | "account-lead";
  /**
   * What to do, in a few words.
   */
  title: string;
  /**
   * The step in plain words for the client, for example `What's-Next memo sent to you`: the handover pack shows it instead of `title`, which stays in the tech's `CHECKLIST.md`. Required of `audience: client` steps, and only for them.
   */
  clientTitle?: string;
  /**
   * How to do it, and why it matters.
   */
  guidance?: string;
  /**
   * `client` steps also appear in the client's handover pack; `internal` ones never do.
   */
  audience?: "client" | "internal";
  /**
   * The step applies only when this test holds (tests on the client case, or on the record of `forEach`).
   */
  when?: AllTest | AnyTest | NotTest | FieldTest;
  /**
   * Repeat the step once for every record of this kind that `when` accepts.
   */
  forEach?: "contract" | "asset" | "issue" | "backup" | "access" | "doc";
  /**
   * The recorded facts that complete the step; all must hold. Nobody ticks a step by hand.
   *
   * @minItems 1
   */
  evidence: [Test, ...Test[]];
  /**
   * Steps that must be done first; doing this one earlier is reported.
   */
  after?: Id[];
  /**
   * `true`: a handover cannot be complete while this step is open, and `handover release` refuses while it is open.
   */
  blocking: boolean;
  /**
   * `true` for a blocking step that can only be done once the pack is released, such as the client's acceptance naming the release tag: `handover release` does not wait for it, and a completed handover still needs it. Only for blocking steps; a step ordered `after` one of these is one too.
   */
  afterRelease?: boolean;
}
/**
 * Every test in `all` holds.
 */
export interface AllTest {
  /**
   * Every test holds.
   *
   * @minItems 1
   */
  all: [Test, ...Test[]];
}
/**
 * At least one test in `any` holds.
 */
export interface AnyTest {
  /**
   * At least one test holds.
   *
   * @minItems 1
   */
  any: [Test, ...Test[]];
}
/**
 * The test in `not` does not hold.
 */
export interface NotTest {
  /**
   * One test of the records. A field test with no operator asks that the field is filled in.
   */
  not: AllTest | AnyTest | NotTest | FieldTest;
}
/**
 * A test of one field: filled in (no operator), `equals`, `in`, `present` or `greaterThan`.
 */
export interface FieldTest {
  /**
   * The field tested.
   */
  field: string;
  /**
   * The field has exactly this value.
   */
  equals?: string | number | boolean;
  /**
   * The field has one of these values.
   *
   * @minItems 1
   */
  in?: [string | number | boolean, ...(string | number | boolean)[]];
  /**
   * `true`: the field is filled in (the default test); `false`: it is empty or missing.
   */
  present?: boolean;
  /**
   * The field is a number greater than this.
   */
  greaterThan?: number;
}
