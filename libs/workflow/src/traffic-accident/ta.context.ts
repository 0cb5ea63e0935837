import type { IsoDate } from '../definition';
import type { Compensation } from './ta.calculator';

/** 简易程序 (on the spot, 第二十四条) or 一般程序 (scene investigation, 第六十二条). */
export type TaProcedure = 'SIMPLE' | 'GENERAL';

/** What the accident harmed: property only (快处快赔, 第十九条), injury, or death. */
export type TaHarm = 'PROPERTY_ONLY' | 'INJURY' | 'DEATH';

/** The kinds of loss that must be fixed before police mediation starts (第九十条). */
export type LossKind = 'TREATMENT_ENDED' | 'DISABILITY_RATED' | 'FUNERAL_DONE' | 'PROPERTY_ASSESSED';

/** Who reached the agreement the insurer pays on: the police on the spot or in mediation, a 交调委, or a court. */
export type AgreementSource = 'ON_SPOT' | 'POLICE' | 'PEOPLES_MEDIATION' | 'COURT';

/**
 * A road-traffic accident handled on the 道交一体化 platform (spec §10, A10): the report, quick handling or the
 * responsibility determination with its service and review window, loss fixing and appraisal, the compensation
 * calculation, then people's mediation (a `pm` case at a 交调委), police mediation inside this case or a suit (a `ct`
 * case), and the insurer's payment (一键理赔). Fields a deadline starts from are named in ta.machine.ts.
 */
export interface TaContext {
  partyIds: string[];
  openedOn: IsoDate;
  accidentOn: IsoDate;
  harm: TaHarm;
  /** Parties that are insurers (保险公司): they join the mediation and pay, they are not users (第八十九条). */
  insurerPartyIds: string[];
  officerId?: string;

  // ---------- quick handling (第十九条至第二十六条) ----------
  quickSettlement?: { on: IsoDate; content: string };

  // ---------- the responsibility determination (第二十四条、第六十二条至第六十九条) ----------
  procedure?: TaProcedure;
  /** D-TA1 anchor (simple procedure): the day of the scene. */
  simpleSceneOn?: IsoDate;
  /** D-TA2 anchor (general procedure): the day the scene investigation ended; cleared once a test or appraisal is ordered. */
  generalSceneOn?: IsoDate;
  /** D-TA2A anchor: the day the test or appraisal result for the determination was fixed (five working days). */
  testResultOn?: IsoDate;
  /** D-TA3 anchor: the day the 认定书 (or 事故证明) was made. */
  determinationMadeOn?: IsoDate;
  determination?: { kind: 'DETERMINATION' | 'CERTIFICATE'; liability: { partyId: string; share: string }[] };
  /** D-TA4 anchor: the day the parties received the 认定书. */
  determinationServedOn?: IsoDate;
  /** D-TA7 anchor: receipt of the 认定书, 证明 or 复核 conclusion; cleared when the ten working days have run out. */
  policeMediationWindowFrom?: IsoDate;
  /** 复核 is allowed once (第七十一条). */
  reviewUsed: boolean;
  /** D-TA5 anchor. */
  reviewAcceptedOn?: IsoDate;
  /** D-TA6 anchor: the day the reviewing department ordered a re-investigation. */
  reinvestigationOrderedOn?: IsoDate;

  // ---------- losses and the calculation (第九十条、第九十二条) ----------
  lossesFixed: { kind: LossKind; on: IsoDate }[];
  appraisal?: { resultOn: IsoDate; institution: string; disabilityGrade?: number };
  compensation?: Compensation;

  // ---------- the compensation route (第八十四条至第九十四条) ----------
  peoplesMediation?: { appliedOn: IsoDate; endedOn?: IsoDate };
  /** D-TA12 anchor: the day the people's mediation ended without agreement. */
  pmEndedOn?: IsoDate;
  policeMediationAppliedOn?: IsoDate;
  /** D-TA9 anchor. */
  policeMediationStartedOn?: IsoDate;
  /** D-TA8 anchor: the day the session notice was given; the session is held three working days later at the earliest. */
  sessionNoticeOn?: IsoDate;
  sessionOn?: IsoDate;
  policeMediationEnded?: { on: IsoDate; ground: string };
  suitFiledOn?: IsoDate;

  // ---------- agreement, confirmation, the claim ----------
  agreement?: { source: AgreementSource; on: IsoDate };
  /** D-TA10 anchor: the day the amount was agreed (agreement, 调解书 or effective judgment). */
  agreedOn?: IsoDate;
  /** D-JC1 anchor when the agreement is this case's own (on the spot or police mediation). */
  agreementEffectiveOn?: IsoDate;
  /** This case's own agreement is before a court for 司法确认 (route R22c). */
  confirmationPending?: boolean;
  /** A court confirmed the agreement or gave judgment: the insurer's debt is enforceable. */
  enforceableTitle?: { kind: 'CONFIRMATION' | 'JUDGMENT' | 'MEDIATION_DOC'; ref: string; on: IsoDate };
  /** D-TA10A / D-TA11 anchor: the day the insurer received the claim and its documents. */
  claimedOn?: IsoDate;
  claim?: { insurerPartyId: string; amount: number; partyShares: { partyId: string; amount: number }[] };
  insurerPaidOn?: IsoDate;
  partyPayments: { partyId: string; amount: number; paidOn: IsoDate }[];
  overdueOn?: IsoDate;
  judicialSuggestion?: { requestedOn: IsoDate; courtOrgId?: string; note: string };
  enforcementAdvisedOn?: IsoDate;
  closedOn?: IsoDate;
}
