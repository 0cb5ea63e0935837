import type { IsoDate } from '../definition';
import type { HearingLevel, HearingStage } from './hr.rules';

/** A period copied from the region's rules, in the shape a deadline reads (`DeadlineSpec.contextPeriod`). */
export interface HrPeriod {
  amount: number;
  unit: 'day';
  dayType: 'calendar' | 'working';
}

/** What a panel member declares about their ties to the parties and the case (回避 facts). */
export interface HrRelation {
  kind: string;
  partyId?: string;
  note?: string;
}

export interface HrMember {
  name: string;
  capacity: string;
  relations: HrRelation[];
}

/** One level's hearing as the next level reads it: the record carried up. */
export interface HrCarriedRecord {
  level: HearingLevel;
  caseNo?: string;
  orgName?: string;
  heldOn?: IsoDate;
  statements: { speaker: string; summary: string }[];
  attachments: { name: string; ref?: string }[];
  majorityOpinion?: string;
  minorityOpinions: string[];
  conclusion?: string;
  concludedOn?: IsoDate;
}

/**
 * A hearing (听证/评理会) at one level, a child of the case that asked for it: consent or application, the decision to
 * hold it, the panel, the notice, the record, the deliberation and the conclusion, then publication or escalation.
 * The rules of the region (panel size, periods) are copied in at opening.
 */
export interface HrContext {
  partyIds: string[];
  openedOn: IsoDate;
  /** Undefined when the convening organisation convenes no level under its region's rules: the hearing cannot start. */
  level?: HearingLevel;
  stage: HearingStage;
  orgType?: string;
  rulesRegion?: string;
  panelMin: number;
  panelMax: number;
  applicationPeriod: HrPeriod;
  decisionPeriod: HrPeriod;
  holdPeriod: HrPeriod;
  noticePeriod: HrPeriod;
  matter?: string;
  initiative: 'APPLICATION' | 'ORGAN';

  /** D-HR1 anchor: the day the parties were told of the hearing (or the organ proposed it). */
  proposedOn?: IsoDate;
  /** D-HR2 anchor: the application, or the last consent. */
  requestedOn?: IsoDate;
  applicantPartyIds?: string[];
  /** D-HR3 anchor. */
  decidedOn?: IsoDate;
  declined?: { decidedOn: IsoDate; ground: string; reasons: string };

  presiding?: HrMember;
  members: HrMember[];
  clerk?: string;
  recusals: { name: string; ground: string; decidedOn: IsoDate; applicantPartyId?: string }[];

  /** D-HR4 anchor: the notice; the hearing may be held once the notice period has run. */
  noticedOn?: IsoDate;
  hearingOn?: IsoDate;
  venue?: string;

  record?: {
    heldOn: IsoDate;
    participants: { name: string; role: string; partyId?: string }[];
    statements: { speaker: string; summary: string }[];
    attachments: { name: string; ref?: string }[];
  };
  deliberation?: { on: IsoDate; votesFor: number; votesAgainst: number; majorityOpinion: string; minorityOpinions: string[] };
  conclusion?: { opinion: string; concludedOn: IsoDate };
  publishedOn?: IsoDate;
  escalation?: { on: IsoDate; reason: string };
  nextLevel?: HearingLevel;
  recordsForUpper?: HrCarriedRecord[];
  /** The levels below, carried up on escalation, oldest first. */
  priorRecords: HrCarriedRecord[];
  /** The conclusion the level above reached, when this hearing was escalated. */
  upperConclusion?: { level: string; opinion: string; concludedOn?: IsoDate; sourceCaseNo?: string };
  endedOn?: IsoDate;
  absence?: { partyIds: string[]; recordedOn: IsoDate };
}
