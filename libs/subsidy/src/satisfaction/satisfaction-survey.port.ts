/** What the survey needs of a case: never a party's name or contact. */
export interface SurveyCase {
  id: string;
  workflowId: string;
  workflowVersion: number;
  orgId: string;
  regionCode: string;
  category: string;
  closed: boolean;
  updatedAt: string;
  parties: { id: string; role: string }[];
}

/** One party's short link to the survey of one case. */
export interface SatisfactionLink {
  token: string;
  caseId: string;
  partyId: string;
  issuedAt: string;
  issuedBy: string;
  expiresAt: string;
  usedAt: string | null;
}

export type AnswerOutcome = 'ANSWERED' | 'LINK_USED' | 'LINK_EXPIRED' | 'ALREADY_ANSWERED' | 'UNKNOWN';

/** Storage of the links and of the answers given through them; answers heard at the follow-up visit are in the audit trail. */
export abstract class SatisfactionSurveyStore {
  abstract surveyCase(caseId: string): Promise<SurveyCase | null>;
  /** Parties of the case who answered, at the follow-up visit or through a link. */
  abstract answeredPartyIds(caseId: string): Promise<string[]>;
  abstract links(caseId: string): Promise<SatisfactionLink[]>;
  abstract link(token: string): Promise<SatisfactionLink | null>;
  abstract issue(links: SatisfactionLink[]): Promise<void>;
  /** Uses the link once and records its party's answer, unless the link is used or expired or the party already answered. */
  abstract answer(token: string, rating: string, at: string): Promise<AnswerOutcome>;
}
