import type { AuditEntry } from '@app/audit';
import { chinaDate } from '@app/calendar';
import type { CaseSatisfaction } from '../satisfaction/satisfaction-rates.port';
import type { Tariff } from '../tariffs/tariff';

export type IneligibleCode =
  | 'AUDIT_CHAIN_BROKEN'
  | 'WORKFLOW_NOT_COVERED'
  | 'NOT_SUCCEEDED'
  | 'NOT_PERFORMED'
  | 'NO_FOLLOW_UP'
  | 'DOSSIER_INCOMPLETE'
  | 'NO_MEDIATOR'
  | 'MEDIATOR_NOT_FILED'
  | 'NOT_IN_LEDGER'
  | 'ALREADY_CLAIMED'
  | 'NO_TARIFF'
  | 'SATISFACTION_BELOW_MINIMUM'
  | 'NO_PRESENCE_EVIDENCE';

export interface IneligibleReason {
  code: IneligibleCode;
  message: string;
  messageEn: string;
}

/** What eligibility reads of the claimed case: its row, its whole audit trail and whether that trail verifies. */
export interface ClaimedCase {
  id: string;
  caseNo: string;
  workflowId: string;
  state: string;
  context: Record<string, any>;
  category: string;
  history: AuditEntry[];
  chain: { ok: boolean; firstBroken: number | null; reason: string | null };
}

export interface EligibilityInput {
  claimed: ClaimedCase;
  tariff: Tariff | null;
  /** The mediator's 备案 (filing) date, if filed. */
  filedOn: string | null;
  /** The claim already made for this case (one claim per case, ever), other than the one being checked. */
  claimedBy: string | null;
  satisfaction?: CaseSatisfaction;
  presenceEvidence?: string;
}

export interface Eligibility {
  eligible: boolean;
  reasons: IneligibleReason[];
  outcome: 'AGREED' | 'FAILED' | null;
  agreementForm: 'ORAL' | 'WRITTEN' | null;
  mediatorId: string | null;
  /** The day the agreement was performed (or the mediation ended, for a paid unsuccessful case): the claim's period. */
  performedOn: string | null;
  /** The audit entry that proves success and performance: the one recording performance, whose hash chains over the agreement. */
  auditSeq: number | null;
  auditHash: string | null;
}

const AGREEMENTS = ['RECORD_ORAL_AGREEMENT', 'SIGN_WRITTEN_AGREEMENT'];
const SUCCESS_STATES = ['performed', 'archived'];
const reason = (code: IneligibleCode, message: string, messageEn: string): IneligibleReason => ({ code, message, messageEn });
const last = (entries: AuditEntry[], types: string[]) => [...entries].reverse().find((e) => types.includes(e.type));

/**
 * The eligibility guard of spec A13 and R29, over the claimed case's verified audit trail rather than its current row:
 * the facts a subsidy pays for (agreement, performance, follow-up, archive) are the entries that recorded them, so a
 * trail that does not verify proves nothing and the case is ineligible whatever else holds.
 */
export function checkEligibility(input: EligibilityInput): Eligibility {
  const { claimed, tariff } = input;
  const reasons: IneligibleReason[] = [];
  const h = claimed.history;
  if (!claimed.chain.ok) {
    reasons.push(
      reason(
        'AUDIT_CHAIN_BROKEN',
        `被申报案件的审计链校验未通过（第${claimed.chain.firstBroken ?? '?'}条记录），记录可能被篡改，不能作为补贴依据`,
        `The claimed case's audit chain does not verify (entry ${claimed.chain.firstBroken ?? '?'}${claimed.chain.reason ? `: ${claimed.chain.reason}` : ''})`,
      ),
    );
  }
  if (!tariff) reasons.push(reason('NO_TARIFF', '该地区该年度没有以案定补标准', 'No subsidy tariff covers this region and year'));
  else if (!tariff.rules.workflows.includes(claimed.workflowId)) {
    reasons.push(reason('WORKFLOW_NOT_COVERED', '该类案件不在以案定补范围内（仅限人民调解案件）', 'This kind of case is not covered by the tariff (R29)'));
  }
  const agreement = last(h, AGREEMENTS);
  const failed = last(h, ['TERMINATE_FAILED']);
  const performed = agreement ? h.find((e) => e.type === 'RECORD_PERFORMED' && e.seq > agreement.seq) : undefined;
  const paysFailure = !!tariff?.rules.unsuccessful && !agreement && !!failed && claimed.state === 'terminatedFailed';
  const outcome: Eligibility['outcome'] = agreement ? 'AGREED' : paysFailure ? 'FAILED' : null;
  if (!outcome) reasons.push(reason('NOT_SUCCEEDED', '调解未成功', 'The mediation did not end in an agreement'));
  else if (outcome === 'AGREED' && (!performed || !SUCCESS_STATES.includes(claimed.state))) {
    reasons.push(reason('NOT_PERFORMED', '调解协议尚未履行（调解终结并已履行方可补贴）', 'The agreement has not been performed yet'));
  }
  const conditions = tariff?.rules.conditions;
  if (outcome === 'AGREED' && conditions?.followUp && !h.some((e) => e.type === 'RECORD_FOLLOW_UP')) {
    reasons.push(reason('NO_FOLLOW_UP', '未记录回访', 'No follow-up visit is recorded'));
  }
  if (conditions?.dossier && outcome === 'AGREED' && !h.some((e) => e.type === 'ARCHIVE' && e.data.dossierComplete === true)) {
    reasons.push(reason('DOSSIER_INCOMPLETE', '案件尚未以齐全卷宗结案归档', 'The case is not archived with a complete dossier'));
  }
  const mediatorId = typeof claimed.context.mediatorId === 'string' ? claimed.context.mediatorId : null;
  const decisive = agreement ?? failed;
  const decidedOn = decisive ? String(decisive.data.reachedOn ?? decisive.data.effectiveOn ?? chinaDate(new Date(decisive.at))) : null;
  if (!mediatorId) reasons.push(reason('NO_MEDIATOR', '案件未指定调解员', 'No mediator is assigned to the case'));
  else if (conditions?.filing && (!input.filedOn || (decidedOn && input.filedOn > decidedOn))) {
    reasons.push(reason('MEDIATOR_NOT_FILED', '调解员调解时未在司法行政系统备案', 'The mediator was not filed (备案) when mediating'));
  }
  // The engine's case register is the 排查调处 ledger: a case first registered after its agreement was back-filled.
  const opening = h[0];
  if (conditions?.ledger && (!opening || opening.from !== null || (decidedOn !== null && chinaDate(new Date(opening.at)) > decidedOn))) {
    reasons.push(reason('NOT_IN_LEDGER', '案件未在调解前录入矛盾纠纷排查调处台账', 'The case was not registered in the ledger before its agreement'));
  }
  if (input.claimedBy) reasons.push(reason('ALREADY_CLAIMED', '该案件已申报过补贴（一案一补）', 'A subsidy was already claimed for this case'));
  const min = conditions?.minSatisfaction;
  if (min !== undefined) {
    const s = input.satisfaction;
    if (!s || s.answered === 0 || s.satisfied / s.answered < min) {
      reasons.push(reason('SATISFACTION_BELOW_MINIMUM', `群众满意度未达到${Math.round(min * 100)}%`, `Party satisfaction is below ${Math.round(min * 100)} %`));
    }
  }
  const agreementForm = agreement ? (agreement.type === 'RECORD_ORAL_AGREEMENT' ? 'ORAL' : 'WRITTEN') : null;
  if (agreementForm === 'ORAL' && tariff?.rules.oral?.presenceEvidence && !input.presenceEvidence?.trim()) {
    reasons.push(reason('NO_PRESENCE_EVIDENCE', '口头协议须提供双方当事人到场的证据', 'An oral agreement needs evidence that the parties were present'));
  }
  const proof = outcome === 'FAILED' ? failed : performed;
  return {
    eligible: reasons.length === 0,
    reasons,
    outcome,
    agreementForm,
    mediatorId,
    performedOn: proof ? String(proof.data.performedOn ?? chinaDate(new Date(proof.at))) : null,
    auditSeq: proof?.seq ?? null,
    auditHash: proof?.hash ?? null,
  };
}
