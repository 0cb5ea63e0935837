import type { HearingHeard } from '../hearing-request';
import type { IsoDate } from '../definition';

/** How the petition came in (信访工作条例 第十七条). */
export type PetitionChannel = 'ONLINE' | 'LETTER' | 'PHONE' | 'VISIT';

/** 第二十九条至第三十一条: the three classes of petition, each with its own handling. */
export type PetitionClass = 'SUGGESTION' | 'COMPLAINT' | 'REQUEST';

/**
 * A petition of the same petitioner on the same matter, as the engine found it (第十九条、第三十六条; see xf.earlier.ts):
 * in handling within its period at a body of the ladder, or closed after 复核.
 */
export interface EarlierPetition {
  /** Absent when the acting organ may not see that case: the organ that has it is named instead. */
  caseNo: string | null;
  orgName: string;
  /** The body handling it now (for 复查 and 复核 the superior body): its kind and division code. */
  orgType: string;
  regionCode: string;
  status: 'HANDLING' | 'FINAL';
  /** The end of the period it is being handled in. */
  dueOn?: IsoDate;
  /** The day the 复核意见 was issued. */
  finalOn?: IsoDate;
  /** How it was found to be the same matter: the dispute code, the matter key, or the same category and summary. */
  matchedBy: 'DISPUTE_CODE' | 'MATTER_KEY' | 'SUMMARY';
}

/**
 * A petition (信访事项) under the 信访工作条例 (2022): registration, classification, routing or acceptance, handling
 * within 60 days, the opinion, and on request 复查 one level up and 复核 above it. Dates are China calendar dates;
 * fields a deadline starts from (`DeadlineSpec.anchor`) are named in the machine.
 */
export interface XfContext {
  partyIds: string[];
  openedOn: IsoDate;
  channel: PetitionChannel;
  /** A group visit chooses at most five representatives (第二十条). */
  groupVisit: boolean;
  representatives: string[];
  /** D-XF1 anchor: the day the petition was registered. */
  registeredOn: IsoDate;
  /** The organ holding the case: its kind and division code, from which the ladder's next levels follow. */
  handlingOrgType?: string;
  handlingRegionCode: string;

  /** Registered by the petitioner's or the information system's number: the same key means the same matter. */
  matterKey?: string;
  classification?: PetitionClass;
  /** What the engine found at classification: the view shows it to the officer. */
  earlierPetitions?: EarlierPetition[];
  /** 第三十六条 bars only the same facts and reasons: new ones, recorded at classification, open the petition again. */
  newFactsAndReasons?: string;
  /** 诉访分离: the legal channel a matter was diverted into (第二十二条、第三十一条). */
  divertedTo?: string;

  // ---------- transfer and assignment (第二十二条、第二十三条) ----------
  transferMode?: 'TRANSFER' | 'ASSIGN';
  /** D-XF2 and D-XF3 anchor: the day the receiving organ got the transferred petition. */
  transferReceivedOn?: IsoDate;

  // ---------- handling (第三十一条第六项、第三十三条、第三十四条) ----------
  /** D-XF4 anchor. */
  acceptedOn?: IsoDate;
  extension?: { days: number; reason: string; approvedBy: string; notifiedOn: IsoDate };
  /** D-XF5 anchor: the last day of the extended period. */
  extendedDueOn?: IsoDate;
  mediationStartedOn?: IsoDate;
  referredOn?: IsoDate;
  settledOn?: IsoDate;

  // ---------- opinion, 复查, 复核 (第三十二条、第三十五条、第三十六条) ----------
  opinion?: { outcomes: string[]; issuedOn: IsoDate };
  /** D-XF6 anchor: the day the petitioner received the written opinion. */
  opinionReceivedOn?: IsoDate;
  reviewBody?: { name: string; regionCode: string };
  /** D-XF7 anchor: the day the reviewing body received the 复查 request. */
  reviewReceivedOn?: IsoDate;
  reviewDecision?: string;
  /** D-XF8 anchor: the day the petitioner received the 复查意见. */
  reviewOpinionReceivedOn?: IsoDate;
  reexamBody?: { name: string; regionCode: string };
  /** D-XF9 anchor: the day the 复核 body received the request. */
  reexamReceivedOn?: IsoDate;
  hearing?: { decidedOn: IsoDate; hearingOn: IsoDate; heldOn?: IsoDate };
  reexamDecision?: string;
  finalOn?: IsoDate;

  /** 第三十七条: 疏导教育、矛盾化解、帮扶救助 after the ladder is exhausted or a repeat petition is refused. */
  aftercare: { on: IsoDate; measure: string; note?: string }[];
  /** The stage a hearing is asked for at (the hearing case reads it when it opens), and what each hearing reported. */
  hearingStage?: 'XF_HANDLING' | 'XF_REVIEW' | 'XF_REEXAM';
  hearings?: HearingHeard[];
}
