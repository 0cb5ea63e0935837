import type { Category, PartyRole, Source } from './case-vocabulary';
import type { TeamMember } from './case-team';

export interface Party {
  /** Stable within the case (P1, P2, …); events name parties by it. */
  id: string;
  role: PartyRole;
  name: string;
  idNumber?: string;
  phone?: string;
  address?: string;
  sex?: Sex;
  /** One of the 56 民族, by name (汉族, 壮族, …). */
  ethnicity?: string;
  dateOfBirth?: string;
  occupation?: string;
  /** 代理人: who acts for the party. */
  agent?: PartyAgent;
}

export type Sex = 'MALE' | 'FEMALE';

export interface PartyAgent {
  name: string;
  kind: 'LEGAL' | 'ENTRUSTED';
  /** The agent's relation to the party (父亲, 律师, …). */
  relation?: string;
  phone?: string;
  idNumber?: string;
}

/** A case this one was transferred from or to, kept on both sides. */
export interface CaseLink {
  /** The workflow the transfer went to (its manifest names the relation: 司法确认, 诉讼, …). */
  relation: string;
  direction: 'FROM' | 'TO';
  caseId: string;
  caseNo: string;
  workflowId: string;
  orgId: string;
  at: string;
  /** The route (spec appendix (c)) the transfer went by. */
  route?: string;
}

export interface CaseRecord {
  id: string;
  caseNo: string;
  workflowId: string;
  workflowVersion: number;
  state: string;
  context: Record<string, any>;
  version: number;
  /**
   * Moved by deadline changes made outside a case commit (a worker marking one missed, a recomputation); the case
   * update is conditional on it as on the version, so nothing is decided on a copy older than either.
   */
  deadlinesRev: number;
  /** Hash of the last audit entry, written in the same transaction: a chain cut short no longer matches it. */
  headHash: string;
  /** The organisation handling the case. */
  orgId: string;
  /** The organisation that transferred it, which keeps following it. */
  originOrgId: string | null;
  originCaseId: string | null;
  /** The route this case was opened by, when another case sent it. */
  originRoute: string | null;
  /** 一案一码: shared by every case of one dispute across channels. */
  disputeCode: string;
  regionCode: string;
  category: Category;
  summary: string;
  source: Source;
  parties: Party[];
  /** 争议金额: yuan, two decimals, as given when the case was opened; null when none was. */
  amountInDispute?: string | null;
  /** 协议金额: yuan, two decimals, from the event that recorded the agreement (the latest one); null before. */
  agreementAmount?: string | null;
  links: CaseLink[];
  assigneeId: string | null;
  /** Members from other organisations acting on this case only (联合调解); loaded with the case, written as team changes. */
  team?: TeamMember[];
  closed: boolean;
  openedAt: string;
  openedBy: string;
  updatedAt: string;
}

/**
 * A copy of the record, field by field, for the planner to change. Not `{ ...record }`: on Node 20 spreading an object
 * that was itself made by a spread (a case copy kept from the last write is one) takes V8's slow path, tens of
 * microseconds per copy on every transition. The compiler keeps the list complete: a field left out is an error.
 */
export function copyCase(r: CaseRecord): CaseRecord {
  return {
    id: r.id,
    caseNo: r.caseNo,
    workflowId: r.workflowId,
    workflowVersion: r.workflowVersion,
    state: r.state,
    context: r.context,
    version: r.version,
    deadlinesRev: r.deadlinesRev,
    headHash: r.headHash,
    orgId: r.orgId,
    originOrgId: r.originOrgId,
    originCaseId: r.originCaseId,
    originRoute: r.originRoute,
    disputeCode: r.disputeCode,
    regionCode: r.regionCode,
    category: r.category,
    summary: r.summary,
    source: r.source,
    parties: r.parties,
    amountInDispute: r.amountInDispute,
    agreementAmount: r.agreementAmount,
    links: r.links,
    assigneeId: r.assigneeId,
    closed: r.closed,
    openedAt: r.openedAt,
    openedBy: r.openedBy,
    updatedAt: r.updatedAt,
    team: r.team,
  };
}
