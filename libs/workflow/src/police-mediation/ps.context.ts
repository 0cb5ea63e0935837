import type { IsoDate } from '../definition';

/**
 * The public-order violations the police may mediate when they arise from a civil dispute and are minor
 * (公安机关办理行政案件程序规定 第一百七十八条); anything else is handled without mediation.
 */
export type PsViolation =
  | 'ASSAULT'
  | 'MINOR_INJURY'
  | 'INSULT_DEFAMATION'
  | 'FALSE_ACCUSATION'
  | 'PROPERTY_DAMAGE'
  | 'DISTURBANCE'
  | 'PRIVACY'
  | 'TRESPASS'
  | 'OTHER';

/** How the parties know each other: neighbours, family, colleagues, schoolmates, other acquaintances, or strangers. */
export type PsRelationship = 'NEIGHBOURS' | 'FAMILY' | 'COLLEAGUES' | 'SCHOOLMATES' | 'ACQUAINTANCES' | 'STRANGERS';

/** Which text of 治安管理处罚法 governs the case, chosen by the day the case was accepted (ps.workflow.ts). */
export type PsRegime = 'ZAF2012' | 'ZAF2025';

/**
 * A public-order case the police mediate (治安调解): acceptance, the eligibility review, one session or two, a written
 * agreement and its performance, and otherwise a penalty with the civil part's route notice; or the parties' own
 * people's mediation or settlement with a joint written application (第一百八十六条). Fields a deadline starts from
 * (`DeadlineSpec.anchor`) are named in ps.machine.ts.
 */
export interface PsContext {
  partyIds: string[];
  openedOn: IsoDate;
  /** The day the station accepted the case (受案). */
  acceptedOn: IsoDate;
  regime: PsRegime;
  violation: PsViolation;
  officerId?: string;

  // ---------- eligibility (第一百七十八条至第一百八十一条) ----------
  relationship?: PsRelationship;
  arisesFromCivilDispute?: boolean;
  minorCircumstances?: boolean;
  minorInvolved?: boolean;
  eligibleOn?: IsoDate;
  ineligibleGround?: string;

  // ---------- sessions (第一百八十二条、第一百八十三条) ----------
  /** D-PS1 anchor: the day of the first session; the second must be completed within 7 working days of it. */
  session1On?: IsoDate;
  session2On?: IsoDate;

  // ---------- the agreement (第一百七十八条、第一百八十四条) ----------
  agreement?: { signedOn: IsoDate; form: 'WRITTEN' | 'ON_THE_SPOT'; content: string; recordingRef?: string };
  /** D-PS3 anchor: the last day to perform the agreement. */
  performanceDueOn?: IsoDate;
  performedOn?: IsoDate;

  // ---------- failure, and the penalty track (第一百八十五条) ----------
  failure?: { on: IsoDate; ground: string };
  /** D-PS2 anchor: the handling period runs from acceptance, or from the failure or the non-performance. */
  handlingFrom?: IsoDate;
  civilRouteNotice?: { routes: string[]; notifiedOn: IsoDate; method: string };
  penalty?: { decisionNo: string; decidedOn: IsoDate; kind: string };

  // ---------- people's mediation or settlement instead (第一百八十六条) ----------
  referral?: { kind: 'PEOPLES_MEDIATION' | 'SELF_SETTLEMENT'; referredOn: IsoDate; returned: boolean };
  /** The people's mediation organisation reported an agreement. */
  pmAgreedOn?: IsoDate;
  jointApplication?: { appliedOn: IsoDate; approvedBy: string };
  closedOn?: IsoDate;
  /** Civil disputes between the parties referred to people's mediation as cases of their own (route R23). */
  civilReferrals?: { matter: string; referredOn: IsoDate }[];
}
