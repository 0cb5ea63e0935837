import { ChainHash, GENESIS_HASH, hashEntry, type ChainHashAlgorithm } from '@app/audit';
import { BUNDLED_HOLIDAYS, LegalCalendar } from '@app/calendar';
import { DeadlinePlanner, type DeadlineRecord } from '@app/deadlines';
import { DEMO_ORGANISATIONS, DEMO_REGIONS, DEMO_USERS, Directory } from '@app/organisations';
import { ValidationError } from '@app/shared';
import { ALL_WORKFLOWS, ROUTES, RouteTable, WorkflowRegistry, eventsHandledIn, type RouteRule } from '@app/workflow';
import type { CommitPlan } from '../ports/case-store.port';
import type { CaseRecord } from './case-record';
import { EventForbiddenError, TransitionNotAllowedError } from './case.errors';
import { LegalPolicy } from './legal-policy';
import type { TransferRecord } from './transfer';
import { assignCaseNumbers, emptyPlan, WritePlanner, type WorkingCase } from './write-planner';

/*
 * The one write pipeline over an in-memory store: every plan is committed the way the SQL store commits it (numbers
 * from the registers, the conditional update, deadlines, transfers, notifications) and outbox messages are delivered
 * at once as engine events. The SQL stores and HTTP are covered by the e2e suites; this tier checks what the pipeline
 * plans, and walks every route of the route table.
 */

const registry = new WorkflowRegistry(ALL_WORKFLOWS);
const routes = new RouteTable(ROUTES, ALL_WORKFLOWS);
const writerFor = (algorithm: ChainHashAlgorithm) => new WritePlanner(registry, routes, new DeadlinePlanner(() => new LegalCalendar(BUNDLED_HOLIDAYS)), new LegalPolicy(), new ChainHash(algorithm));
const users = DEMO_USERS.map((u) => ({ ...u, id: `u-${u.username}`, active: true }));
const directory = new Directory(DEMO_REGIONS, DEMO_ORGANISATIONS, users);
const user = (username: string) => users.find((u) => u.username === username)!;

class MemoryEngine {
  readonly cases = new Map<string, WorkingCase>();
  readonly transfers = new Map<string, TransferRecord>();
  readonly notifications: CommitPlan['notifications'] = [];
  readonly plans: CommitPlan[] = [];
  private readonly registers = new Map<string, number>();
  today = '2025-03-10';

  constructor(private readonly writer = writerFor('sha256')) {}

  private env() {
    return { directory, now: new Date(`${this.today}T02:00:00.000Z`), today: this.today };
  }

  open(workflow: string, username: string, over: Partial<{ category: string; input: Record<string, unknown>; regionCode: string }> = {}): CaseRecord {
    const u = user(username);
    const def = registry.latest(workflow);
    const plan = emptyPlan();
    const org = directory.org(u.orgId)!;
    const env = this.env();
    const opened = this.writer.open(
      plan,
      {
        def,
        org,
        regionCode: over.regionCode ?? org.regionCode,
        category: (over.category ?? 'NEIGHBOUR') as never,
        summary: '测试纠纷',
        source: 'APPLICATION',
        parties: [
          { id: 'P1', role: 'APPLICANT', name: '张三' },
          { id: 'P2', role: 'RESPONDENT', name: '李四' },
        ],
        actor: { id: u.id, role: def.openRoles.find((r) => u.roles.includes(r))! },
        now: env.now,
        today: env.today,
        input: over.input,
      },
      env,
    );
    this.commit(plan);
    return this.cases.get(opened.record.id)!.record;
  }

  apply(caseId: string, username: string | 'system', type: string, data: Record<string, unknown> = {}): CaseRecord {
    const current = this.cases.get(caseId)!;
    const actor = username === 'system' ? { id: 'system', roles: ['SYSTEM'] } : { id: user(username).id, roles: user(username).roles };
    const plan = emptyPlan();
    const history = this.plans.flatMap((p) => p.audit).filter((e) => e.caseId === caseId);
    const next = this.writer.apply(plan, current, { type, data, actor }, { ...this.env(), history });
    plan.update = { expectedVersion: current.record.version, record: next.record };
    this.commit(plan);
    return this.cases.get(caseId)!.record;
  }

  /** What the SQL store does with a plan, then the outbox delivered at once. */
  private commit(plan: CommitPlan): void {
    assignCaseNumbers(
      plan,
      plan.numbering.map(({ orgId, year }) => {
        const key = `${orgId}/${year}`;
        this.registers.set(key, (this.registers.get(key) ?? 0) + 1);
        return this.registers.get(key)!;
      }),
    );
    const records = [...plan.inserts, ...(plan.update ? [plan.update.record] : [])];
    if (plan.update && this.cases.get(plan.update.record.id)!.record.version !== plan.update.expectedVersion) throw new Error('conflict');
    for (const record of records) {
      const before = this.cases.get(record.id)?.deadlines ?? [];
      const closed = new Map(plan.deadlinesClosed.map((c) => [c.id, c]));
      const updated = new Map(plan.deadlinesUpdated.map((u) => [u.id, u]));
      const deadlines: DeadlineRecord[] = [
        ...before.map((d) => ({ ...d, ...(updated.get(d.id) ?? {}), ...(closed.get(d.id) ?? {}) })),
        ...plan.deadlinesOpened.filter((d) => d.caseId === record.id),
      ];
      this.cases.set(record.id, { record, deadlines });
    }
    for (const t of plan.transfersOpened) this.transfers.set(t.toCaseId, t);
    for (const d of plan.transfersDecided) {
      const t = this.transfers.get(d.toCaseId);
      if (t?.status === 'SENT') this.transfers.set(d.toCaseId, { ...t, ...d });
    }
    this.notifications.push(...plan.notifications);
    this.plans.push(plan);
    for (const m of plan.outbox) {
      try {
        this.apply(m.targetCaseId, 'system', m.eventType, m.data);
      } catch (error) {
        if (!(error instanceof TransitionNotAllowedError && typeof m.data.signal === 'string')) throw error;
      }
    }
  }

  child(parentId: string, route: string): CaseRecord {
    const link = this.cases.get(parentId)!.record.links.find((l) => l.direction === 'TO' && l.route === route);
    if (!link) throw new Error(`${parentId} sent nothing by ${route}`);
    return this.cases.get(link.caseId)!.record;
  }
}

/** A 枫源村 mediation case in `mediating`, and the engine holding it. */
function mediating(e: MemoryEngine): CaseRecord {
  const pm = e.open('pm', 'fy_mediator');
  e.apply(pm.id, 'fy_mediator', 'SEEK_CONSENT', {});
  e.apply(pm.id, 'fy_director', 'ASSIGN_MEDIATOR', { mediatorId: 'u-fy_mediator', consentedPartyIds: ['P1', 'P2'], selectedBy: 'COMMITTEE' });
  return e.apply(pm.id, 'fy_mediator', 'START_MEDIATION', { startedOn: e.today, mode: 'ON_SITE' });
}

/** A registered court case whose parties consented to entrusted mediation. */
function consented(e: MemoryEngine): CaseRecord {
  const ct = e.open('ct', 'court_clerk', { input: { receivedOn: e.today } });
  e.apply(ct.id, 'court_clerk', 'REGISTER', { docketNo: '（2025）浙0199民初1号', registeredOn: e.today, procedure: 'SIMPLE' });
  e.apply(ct.id, 'court_clerk', 'SEEK_MEDIATION_CONSENT', {});
  return e.apply(ct.id, 'court_clerk', 'RECORD_MEDIATION_CONSENT', { consentedPartyIds: ['P1', 'P2'], consentedOn: e.today, method: 'WRITTEN' });
}

/** A labour arbitration case, opened at the commission, accepted and heard, its award served on both parties. */
function awarded(e: MemoryEngine, items: { kind: string; amount: number; description: string }[]): CaseRecord {
  const lab = e.open('lab', 'arbitrator', { category: 'LABOUR', input: { receivedOn: e.today, workerPartyIds: ['P1'], knewOn: '2025-02-28', employmentEndedOn: '2025-02-28' } });
  e.apply(lab.id, 'arbitrator', 'ACCEPT', { acceptedOn: e.today });
  e.apply(lab.id, 'arbitrator', 'SERVE_NOTICES', { respondentServedOn: e.today, arbitratorId: 'u-arbitrator', tribunal: 'SOLE', tribunalNotifiedOn: e.today });
  e.apply(lab.id, 'arbitrator', 'NOTICE_HEARING', { hearingOn: '2025-03-20', venue: '第一仲裁庭' });
  e.today = '2025-03-20';
  e.apply(lab.id, 'arbitrator', 'HOLD_HEARING', { summary: '双方到庭' });
  e.apply(lab.id, 'arbitrator', 'MEDIATION_FAILED', { outcome: 'NO_AGREEMENT' });
  e.apply(lab.id, 'arbitrator', 'AWARD', { awardNo: '青劳人仲案字〔2025〕1号', awardedOn: e.today, monthlyMinimumWage: 2000, items });
  return e.apply(lab.id, 'arbitrator', 'SERVE_AWARD', { workerReceivedOn: e.today, employerReceivedOn: e.today });
}

/** A land-lease (流转) dispute at 枫源村's committee: rent unpaid since 2025-01-01 (农村土地承包经营纠纷调解仲裁法 第二条). */
function landMediating(e: MemoryEngine, input: Record<string, unknown> = {}): CaseRecord {
  const land = e.open('land', 'fy_mediator', { category: 'FOREST_LAND', input: { disputeKind: 'TRANSFER', knewOn: '2025-01-01', ...input } });
  return e.apply(land.id, 'fy_mediator', 'START_MEDIATION', { startedOn: e.today });
}

/** A land-contract arbitration from application to the served award, at the district's commission. */
function landAwarded(e: MemoryEngine): CaseRecord {
  const land = e.open('land', 'land_arbitrator', { category: 'FOREST_LAND', input: { disputeKind: 'TRANSFER', landLocationCode: '330199101201', knewOn: '2025-01-01' } });
  const step = (type: string, data: Record<string, unknown> = {}) => e.apply(land.id, 'land_arbitrator', type, data);
  step('RECEIVE_APPLICATION', { receivedOn: e.today });
  step('ACCEPT', { acceptedOn: e.today, otherProceedings: 'NONE' });
  step('SERVE_RESPONDENT', { respondentServedOn: e.today });
  step('FORM_TRIBUNAL', { formedOn: e.today, composition: 'THREE' });
  step('NOTIFY_COMPOSITION', { notifiedOn: e.today });
  // Noticed on Monday 2025-03-10: five working days later is Monday 2025-03-17 (第三十一条).
  step('NOTICE_HEARING', { hearingOn: '2025-03-17', place: 'VILLAGE', bothPartiesAskedLocal: true });
  e.today = '2025-03-17';
  step('HOLD_HEARING');
  step('MEDIATION_FAILED');
  step('AWARD', { awardNo: '青农仲裁字〔2025〕1号', awardedOn: e.today, amount: 16000 });
  return step('SERVE_AWARD', { receivedOn: e.today });
}

/** A neighbours' scuffle the 枫桥派出所 has decided to mediate (公安机关办理行政案件程序规定 第一百七十八条). */
function policeMediating(e: MemoryEngine): CaseRecord {
  const ps = e.open('ps', 'police_officer', { input: { violation: 'MINOR_INJURY' } });
  e.apply(ps.id, 'police_officer', 'REVIEW_ELIGIBILITY', { relationship: 'NEIGHBOURS', arisesFromCivilDispute: true, minorCircumstances: true, minorInvolved: false });
  return e.apply(ps.id, 'police_officer', 'FIND_ELIGIBLE', { decidedOn: e.today, consentedPartyIds: ['P1', 'P2'], exclusions: [] });
}

/**
 * How each route of the table is set off, from a freshly opened case. A route added without a walk here fails the
 * test below: every row is exercised.
 */
/** A road-traffic accident whose 认定书 was served and whose review window has closed: the parties choose a route. */
function trafficRouteChoice(e: MemoryEngine): CaseRecord {
  const ta = e.open('ta', 'tp_officer', { category: 'ROAD_TRAFFIC', input: { accidentOn: e.today, harm: 'INJURY', insurerPartyIds: ['P2'] } });
  e.apply(ta.id, 'tp_officer', 'START_INVESTIGATION', { procedure: 'SIMPLE', sceneOn: e.today });
  e.apply(ta.id, 'tp_officer', 'ISSUE_DETERMINATION', { madeOn: e.today, kind: 'DETERMINATION', liability: [{ partyId: 'P2', share: 'FULL' }] });
  e.apply(ta.id, 'tp_officer', 'SERVE_DETERMINATION', { servedOn: e.today, servedPartyIds: ['P1', 'P2'], rights: ['REVIEW', 'MEDIATION', 'LITIGATION'] });
  return e.apply(ta.id, 'system', 'REVIEW_WINDOW_ENDED', {});
}

/** A petition registered at the district 信访局 and classified as a request (信访工作条例 第三十一条). */
function petitionClassified(e: MemoryEngine): CaseRecord {
  const xf = e.open('xf', 'petition_officer', { input: { channel: 'ONLINE' } });
  e.apply(xf.id, 'petition_officer', 'CLASSIFY', { classification: 'REQUEST' });
  return xf;
}

/** A 综治中心 case triaged as a civil matter and dispatched along one of the R1 routes. */
function zzDispatched(e: MemoryEngine, dispatch: Record<string, unknown>, receiver: string, triage: Record<string, unknown> = { classification: 'CIVIL' }) {
  const zz = e.open('zz', 'fq_dispatcher', { input: { intakeChannel: 'COUNTER' } });
  e.apply(zz.id, 'fq_dispatcher', 'TRIAGE', { riskLevel: 'BLUE', assessment: '一般民事纠纷', ...triage });
  e.apply(zz.id, 'fq_dispatcher', 'DISPATCH', dispatch);
  return { senderId: zz.id, receiver };
}

/** A township petition accepted at 枫桥镇, taken up the ladder to `stage` (信访工作条例 第三十四条至第三十六条). */
function petitionAt(e: MemoryEngine, stage: 'handling' | 'review' | 'reexam'): CaseRecord {
  const xf = e.open('xf', 'fq_petition', { input: { channel: 'VISIT' } });
  const step = (type: string, data: Record<string, unknown>) => e.apply(xf.id, 'fq_petition', type, data);
  step('CLASSIFY', { classification: 'REQUEST' });
  let at = step('ACCEPT', { acceptedOn: e.today, notifiedOn: e.today });
  if (stage === 'handling') return at;
  step('ISSUE_OPINION', { outcomes: ['EXPLAIN'], issuedOn: e.today, receivedOn: e.today });
  at = step('REQUEST_REVIEW', { requestedOn: e.today, receivedOn: e.today, reviewBody: '青溪区人民政府', reviewRegionCode: '330199' });
  if (stage === 'review') return at;
  step('ISSUE_REVIEW_OPINION', { decision: 'UPHOLD', issuedOn: e.today, receivedOn: e.today });
  return step('REQUEST_REEXAM', { requestedOn: e.today, receivedOn: e.today, reexamBody: '青州市人民政府', reexamRegionCode: '330100' });
}

/** A village hearing asked for by a mediation, held and concluded at 枫源村 (三级听证, R21a). */
function villageHearingConcluded(e: MemoryEngine): CaseRecord {
  const pm = mediating(e);
  e.apply(pm.id, 'fy_mediator', 'REQUEST_HEARING', { hearingOrgId: 'org-fengyuan', matter: '围墙堵塞排水沟', initiative: 'APPLICATION' });
  const hr = e.child(pm.id, 'R21a');
  const step = (type: string, data: Record<string, unknown> = {}) => e.apply(hr.id, 'fy_director', type, data);
  step('SIGN_FOR');
  step('APPLY', { applicantPartyIds: ['P1'], appliedOn: e.today });
  step('DECIDE_TO_HOLD', { decidedOn: e.today });
  const member = (name: string) => ({ name, capacity: 'VILLAGER_REPRESENTATIVE', relations: [] });
  step('APPOINT_PANEL', { presiding: member('李主任'), members: [member('周'), member('钱')] });
  step('SERVE_NOTICE', { noticedOn: e.today, hearingOn: '2025-03-14', venue: '村礼堂', notifiedPartyIds: ['P1', 'P2'] });
  e.today = '2025-03-14';
  step('RECORD_HEARING', { heldOn: e.today, participants: [{ name: '张三', role: 'PARTY' }], statements: [{ speaker: '张三', summary: '围墙堵沟' }], attachments: [] });
  return step('CONCLUDE', { deliberatedOn: e.today, votesFor: 3, votesAgainst: 0, majorityOpinion: '开沟', minorityOpinions: [], opinion: '开沟' });
}

const WALKS: Record<string, (e: MemoryEngine) => { senderId: string; receiver: string }> = {
  R4: (e) => {
    const pm = mediating(e);
    e.apply(pm.id, 'fy_mediator', 'SIGN_WRITTEN_AGREEMENT', { content: '李四拆除越界围墙', signedPartyIds: ['P1', 'P2'], mediatorSigned: true, committeeSealed: true, effectiveOn: e.today });
    e.apply(pm.id, 'fy_mediator', 'APPLY_JUDICIAL_CONFIRMATION', { courtOrgId: 'org-court', applicantPartyIds: ['P1', 'P2'], form: 'WRITTEN' });
    return { senderId: pm.id, receiver: 'court_clerk' };
  },
  R7: (e) => {
    const pm = mediating(e);
    e.apply(pm.id, 'fy_mediator', 'TRANSFER', { to: 'COURT', receivingOrgId: 'org-court', reason: '一方坚持起诉' });
    return { senderId: pm.id, receiver: 'court_clerk' };
  },
  R8: (e) => {
    const ct = consented(e);
    e.apply(ct.id, 'court_clerk', 'ENTRUST_MEDIATION', { mediationOrgId: 'org-district-centre', entrustedOn: e.today });
    return { senderId: ct.id, receiver: 'qx_mediator' };
  },
  R8L: (e) => {
    e.today = '2024-10-08';
    const ct = e.open('ct', 'court_clerk', { input: { receivedOn: e.today } });
    e.apply(ct.id, 'court_clerk', 'DELEGATE_PRE_FILING', { mediationOrgId: 'org-district-centre', consentedPartyIds: ['P1', 'P2'], delegatedOn: e.today });
    return { senderId: ct.id, receiver: 'qx_mediator' };
  },
  R10: (e) => {
    const lab = awarded(e, [{ kind: 'SEVERANCE', amount: 42000, description: '经济补偿' }]);
    e.apply(lab.id, 'arbitrator', 'FILE_SUIT', { courtOrgId: 'org-court', plaintiffPartyIds: ['P2'] });
    return { senderId: lab.id, receiver: 'court_clerk' };
  },
  R11: (e) => {
    const lab = awarded(e, [{ kind: 'WAGES', amount: 18000, description: '工资' }]);
    e.apply(lab.id, 'arbitrator', 'FILE_SUIT', { courtOrgId: 'org-court', plaintiffPartyIds: ['P1'] });
    return { senderId: lab.id, receiver: 'court_clerk' };
  },
  R12: (e) => {
    const lm = e.open('lm', 'fq_mediator', { category: 'LABOUR', input: { receivedOn: e.today, workerPartyIds: ['P1'], knewOn: '2025-02-28', employmentEndedOn: '2025-02-28', wageArrears: false } });
    e.apply(lm.id, 'fq_director', 'ACCEPT_APPLICATION', { mediatorId: 'u-fq_mediator', workerPartyIds: ['P1'] });
    e.apply(lm.id, 'fq_mediator', 'FAIL', { reason: 'NO_AGREEMENT', explanation: '分歧较大' });
    e.apply(lm.id, 'fq_mediator', 'APPLY_ARBITRATION', { commissionOrgId: 'org-labour-arbitration', applicantPartyIds: ['P1'] });
    return { senderId: lm.id, receiver: 'arbitrator' };
  },
  R13: (e) => {
    const land = landMediating(e);
    e.apply(land.id, 'fy_mediator', 'FAIL_MEDIATION', { endedOn: e.today });
    e.apply(land.id, 'fy_mediator', 'FILE_SUIT', { courtOrgId: 'org-court', plaintiffPartyIds: ['P1'] });
    return { senderId: land.id, receiver: 'court_clerk' };
  },
  R13a: (e) => {
    const land = landMediating(e);
    e.apply(land.id, 'fy_mediator', 'FAIL_MEDIATION', { endedOn: e.today });
    e.apply(land.id, 'fy_mediator', 'APPLY_ARBITRATION', { commissionOrgId: 'org-land-arbitration' });
    return { senderId: land.id, receiver: 'land_arbitrator' };
  },
  R13c: (e) => {
    const land = e.open('land', 'fy_mediator', { category: 'LAND_EXPROPRIATION_DEMOLITION', input: { disputeKind: 'EXPROPRIATION_COMPENSATION' } });
    e.apply(land.id, 'fy_mediator', 'CLOSE_AS_EXPROPRIATION', {
      notifiedOn: e.today,
      reconsiderationOrgId: 'org-reconsideration',
      actType: 'EXPROPRIATION_COMPENSATION',
      respondentAgency: '青溪区人民政府',
      actOn: e.today,
      knewOn: e.today,
      channel: 'ORGAN_WRITTEN',
      requests: '撤销征收补偿决定',
    });
    return { senderId: land.id, receiver: 'rx_officer' };
  },
  R13b: (e) => {
    const land = landAwarded(e);
    e.apply(land.id, 'land_arbitrator', 'FILE_SUIT', { courtOrgId: 'org-court', plaintiffPartyIds: ['P2'] });
    return { senderId: land.id, receiver: 'court_clerk' };
  },
  R14: (e) => {
    const land = e.open('land', 'fy_mediator', { category: 'HOUSING_HOMESTEAD', input: { disputeKind: 'LAND_RIGHTS' } });
    e.apply(land.id, 'fy_mediator', 'APPLY_RIGHTS_DETERMINATION', { between: 'INDIVIDUALS', governmentLevel: 'TOWNSHIP', governmentName: '枫桥镇人民政府', appliedOn: e.today });
    e.apply(land.id, 'fy_mediator', 'RECORD_RIGHTS_DECISION', { decisionNo: '枫政处〔2025〕3号', decidedOn: e.today, receivedOn: e.today });
    e.apply(land.id, 'fy_mediator', 'FILE_SUIT', { courtOrgId: 'org-court', plaintiffPartyIds: ['P2'] });
    return { senderId: land.id, receiver: 'court_clerk' };
  },
  R18a: (e) => {
    const xf = petitionClassified(e);
    e.apply(xf.id, 'petition_officer', 'DIVERT', { legalChannel: 'LITIGATION', receivingOrgId: 'org-court', notifiedOn: e.today, explanation: '民事纠纷应当依法起诉' });
    return { senderId: xf.id, receiver: 'court_clerk' };
  },
  R18b: (e) => {
    const xf = petitionClassified(e);
    e.apply(xf.id, 'petition_officer', 'DIVERT', { legalChannel: 'LABOUR_ARBITRATION', receivingOrgId: 'org-labour-arbitration', notifiedOn: e.today, explanation: '劳动争议申请仲裁', knewOn: e.today });
    return { senderId: xf.id, receiver: 'arbitrator' };
  },
  R18c: (e) => {
    const xf = petitionClassified(e);
    e.apply(xf.id, 'petition_officer', 'DIVERT', {
      legalChannel: 'RECONSIDERATION',
      receivingOrgId: 'org-reconsideration',
      notifiedOn: e.today,
      explanation: '对行政处罚不服申请行政复议',
      actType: 'PENALTY',
      respondentAgency: '青溪区城市管理局',
      knewOn: e.today,
      applicationChannel: 'ORGAN_WRITTEN',
      requests: '撤销罚款决定',
    });
    return { senderId: xf.id, receiver: 'rx_officer' };
  },
  R18f: (e) => {
    const xf = petitionClassified(e);
    e.apply(xf.id, 'petition_officer', 'TRANSFER', { mode: 'TRANSFER', receivingOrgId: 'org-housing' });
    return { senderId: xf.id, receiver: 'housing_officer' };
  },
  R19: (e) => {
    const xf = e.open('xf', 'fq_petition', { input: { channel: 'VISIT' } });
    e.apply(xf.id, 'fq_petition', 'CLASSIFY', { classification: 'REQUEST' });
    e.apply(xf.id, 'fq_petition', 'ACCEPT', { acceptedOn: e.today, notifiedOn: e.today });
    e.apply(xf.id, 'fq_petition', 'REFER_MEDIATION', { mediationOrgId: 'org-fengqiao', consentedPartyIds: ['P1', 'P2'], civilContent: true });
    return { senderId: xf.id, receiver: 'fq_mediator' };
  },
  R1a: (e) => zzDispatched(e, { channel: 'pm', receivingOrgId: 'org-fengqiao', reason: '邻里纠纷适宜人民调解' }, 'fq_mediator'),
  R1b: (e) => zzDispatched(e, { channel: 'lab', matter: 'LABOUR', receivingOrgId: 'org-labour-arbitration', reason: '欠薪争议，仲裁前置' }, 'arbitrator'),
  R1c: (e) => zzDispatched(e, { channel: 'ct', receivingOrgId: 'org-court', reason: '当事人坚持起诉' }, 'court_clerk'),
  R1d: (e) => zzDispatched(e, { channel: 'ps', matter: 'PUBLIC_ORDER', receivingOrgId: 'org-fengqiao-police', reason: '邻里推搡，涉嫌违反治安管理' }, 'police_officer'),
  R1e: (e) =>
    zzDispatched(e, { channel: 'xf', receivingOrgId: 'org-fengqiao-petition', reason: '无法定途径的申诉求决事项' }, 'fq_petition', {
      classification: 'PETITION_ONLY',
      legalChannel: 'xf',
      petition: { channel: 'VISIT', petitionClass: 'REQUEST' },
    }),
  R1f: (e) =>
    zzDispatched(e, { channel: 'rx', receivingOrgId: 'org-reconsideration', reason: '对罚款决定不服' }, 'rx_officer', {
      classification: 'ADMINISTRATIVE',
      legalChannel: 'rx',
      reconsideration: { actType: 'PENALTY', respondentAgency: '青溪区市场监督管理局', knewOn: e.today, applicationChannel: 'ORGAN_WRITTEN', requests: '撤销罚款决定' },
    }),
  R1g: (e) =>
    zzDispatched(e, { channel: 'land', receivingOrgId: 'org-land-arbitration', reason: '土地流转租金纠纷' }, 'land_arbitrator', {
      classification: 'LAND_CONTRACT',
      legalChannel: 'land',
      landContract: { disputeKind: 'TRANSFER', landLocationCode: '330199101201', knewOn: e.today },
    }),
  R23: (e) => {
    const ps = policeMediating(e);
    e.apply(ps.id, 'police_officer', 'REFER_CIVIL_PART', { mediationOrgId: 'org-fengqiao-police-room', matter: '车位分配纠纷', referredOn: e.today });
    return { senderId: ps.id, receiver: 'ps_mediator' };
  },
  R23a: (e) => {
    const ps = policeMediating(e);
    e.apply(ps.id, 'police_officer', 'REFER_TO_PEOPLES_MEDIATION', { mediationOrgId: 'org-fengqiao-police-room', referredOn: e.today, requestedPartyIds: ['P1', 'P2'] });
    return { senderId: ps.id, receiver: 'ps_mediator' };
  },
  R23b: (e) => {
    const pm = mediating(e);
    e.apply(pm.id, 'fy_mediator', 'TRANSFER', { to: 'POLICE', receivingOrgId: 'org-fengqiao-police', reason: '一方扬言报复，可能激化' });
    return { senderId: pm.id, receiver: 'police_officer' };
  },
  R22a: (e) => {
    const ta = trafficRouteChoice(e);
    e.apply(ta.id, 'tp_officer', 'APPLY_PEOPLES_MEDIATION', { mediationOrgId: 'org-traffic-mediation', appliedOn: e.today });
    return { senderId: ta.id, receiver: 'jtw_mediator' };
  },
  R22b: (e) => {
    const ta = trafficRouteChoice(e);
    e.apply(ta.id, 'tp_officer', 'FILE_SUIT', { courtOrgId: 'org-court', filedOn: e.today });
    return { senderId: ta.id, receiver: 'court_clerk' };
  },
  R22c: (e) => {
    const ta = e.open('ta', 'tp_officer', { category: 'ROAD_TRAFFIC', input: { accidentOn: e.today, harm: 'INJURY', insurerPartyIds: ['P2'] } });
    e.apply(ta.id, 'tp_officer', 'MEDIATE_ON_SPOT', { requestedPartyIds: ['P1', 'P2'], sceneOn: e.today });
    e.apply(ta.id, 'tp_officer', 'SIGN_ON_SPOT_AGREEMENT', { signedOn: e.today, signedPartyIds: ['P1', 'P2'], content: '保险公司赔付8000元' });
    e.apply(ta.id, 'tp_officer', 'APPLY_JUDICIAL_CONFIRMATION', { courtOrgId: 'org-court', applicantPartyIds: ['P1', 'P2'], form: 'WRITTEN' });
    return { senderId: ta.id, receiver: 'court_clerk' };
  },
  R25: (e) => {
    e.today = '2026-05-11';
    const cm = e.open('cm', 'cm_mediator', { category: 'CONTRACT', input: { appliedOn: e.today } });
    e.apply(cm.id, 'cm_mediator', 'ACCEPT', { mediatorId: 'u-cm_mediator', matterType: 'CONTRACT' });
    e.apply(cm.id, 'cm_mediator', 'SIGN_AGREEMENT', { content: '买方于2026年6月30日前支付货款30万元', signedPartyIds: ['P1', 'P2'], effectiveOn: e.today });
    e.apply(cm.id, 'cm_mediator', 'APPLY_JUDICIAL_CONFIRMATION', { courtOrgId: 'org-court', applicantPartyIds: ['P1', 'P2'], form: 'WRITTEN' });
    return { senderId: cm.id, receiver: 'court_clerk' };
  },
  R21a: (e) => {
    const pm = mediating(e);
    e.apply(pm.id, 'fy_mediator', 'REQUEST_HEARING', { hearingOrgId: 'org-fengyuan', matter: '围墙堵塞排水沟', initiative: 'APPLICATION' });
    return { senderId: pm.id, receiver: 'fy_director' };
  },
  ...Object.fromEntries(
    (['R21b:handling', 'R21c:review', 'R21d:reexam'] as const).map((walk) => {
      const [id, stage] = walk.split(':') as [string, 'handling' | 'review' | 'reexam'];
      return [id, (e: MemoryEngine) => {
        const xf = petitionAt(e, stage);
        e.apply(xf.id, 'fq_petition', 'REQUEST_HEARING', { hearingOrgId: 'org-fengqiao-station', matter: '排水沟改道', initiative: 'APPLICATION' });
        return { senderId: xf.id, receiver: 'fq_station' };
      }];
    }),
  ),
  R21e: (e) => {
    const rx = e.open('rx', 'rx_officer', { category: 'OTHER', input: { actType: 'PENALTY', actOn: e.today, knewOn: e.today, onTheSpot: true, penaltyKind: 'FINE', amount: 200 } });
    const step = (type: string, data: Record<string, unknown>) => e.apply(rx.id, 'rx_officer', type, data);
    step('APPLY', { appliedOn: e.today, channel: 'ORGAN_WRITTEN', receivedOn: e.today, requests: '撤销罚款决定' });
    step('ACCEPT', { acceptedOn: e.today, procedure: 'SIMPLE' });
    step('SERVE_COPY', { servedOn: e.today });
    step('RECORD_ANSWER', { answeredOn: e.today, evidenceSubmitted: true });
    step('REQUEST_HEARING', { hearingOrgId: 'org-reconsideration', matter: '罚款是否过重', initiative: 'ORGAN' });
    return { senderId: rx.id, receiver: 'rx_officer' };
  },
  R21f: (e) => {
    const hr = villageHearingConcluded(e);
    e.apply(hr.id, 'fy_director', 'ESCALATE', { upperOrgId: 'org-fengqiao-station', reason: '一方不接受评理意见' });
    return { senderId: hr.id, receiver: 'fq_station' };
  },
};

describe('the write pipeline', () => {
  describe.each(ROUTES.map((r) => [r.id, r] as const))('route %s', (id, route: RouteRule) => {
    it('is walked here', () => {
      expect(Object.keys(WALKS)).toContain(id);
    });

    it('opens the receiving case in an inbox state at an organisation of the right type, with the dispute’s code, a transfer and a notice', () => {
      const e = new MemoryEngine();
      const { senderId, receiver } = WALKS[id](e);
      const sender = e.cases.get(senderId)!.record;
      const child = e.child(senderId, id);
      const def = registry.get(child.workflowId, child.workflowVersion);
      expect(child.workflowId).toBe(route.to.workflow);
      expect(route.to.orgTypes).toContain(directory.org(child.orgId)!.type);
      expect(child).toMatchObject({ disputeCode: sender.disputeCode, originCaseId: senderId, originRoute: id, parties: sender.parties });
      // The next number of the receiving organisation's register: a hearing at the mediating committee itself follows its 调 case.
      const atReceiver = [...e.cases.values()].filter((c) => c.record.orgId === child.orgId).length;
      expect(child.caseNo).toContain(`${def.manifest.caseNumberKind}字第${atReceiver}号`);
      expect(def.machine.resolveState({ value: child.state.includes('.') ? Object.fromEntries([child.state.split('.')]) : child.state, context: child.context }).hasTag('inbox')).toBe(true);
      expect(e.transfers.get(child.id)).toMatchObject({ routeId: id, status: 'SENT', fromCaseId: senderId, fromOrgId: sender.orgId, toOrgId: child.orgId });
      // The dossier quotes the records the route names, the sending event itself included when it is named.
      const quoted = e.transfers.get(child.id)!.dossier.events.map((x) => x.type);
      expect(quoted.every((type) => route.dossier.events.includes(type))).toBe(true);
      if (route.dossier.events.includes(route.from.event)) expect(quoted).toContain(route.from.event);
      expect(e.notifications).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'TRANSFER', orgId: child.orgId, caseId: child.id })]));
      // The sender links to it under the route; the receiver's staff can act on it (sign for or return).
      expect(sender.links).toEqual(expect.arrayContaining([expect.objectContaining({ direction: 'TO', caseId: child.id, route: id, caseNo: child.caseNo })]));
      const staff = user(receiver);
      expect(staff.orgId).toBe(child.orgId);
      const open = eventsHandledIn(def, { value: child.state, context: child.context }).filter((t) => def.events[t].roles.some((r) => staff.roles.includes(r)));
      expect(open.length).toBeGreaterThan(0);
    });

    it('maps every outcome the sender takes in to an event its waiting state handles', () => {
      const e = new MemoryEngine();
      const { senderId } = WALKS[id](e);
      const sender = e.cases.get(senderId)!.record;
      const def = registry.get(sender.workflowId, sender.workflowVersion);
      const handled = eventsHandledIn(def, { value: sender.state, context: sender.context });
      const first = Object.entries(route.up).filter(([outcome, event]) => event !== null && ['SIGNED_FOR', 'RETURNED'].includes(outcome));
      for (const [, event] of first) expect({ state: sender.state, event, handled: handled.includes(event!) }).toEqual({ state: sender.state, event, handled: true });
    });
  });

  describe('a transfer', () => {
    it('signed for: the transfer is ACCEPTED and the sender hears it in its own words', () => {
      const e = new MemoryEngine();
      const { senderId } = WALKS.R12(e);
      const lab = e.child(senderId, 'R12');
      e.apply(lab.id, 'arbitrator', 'ACCEPT', { acceptedOn: e.today });
      expect(e.transfers.get(lab.id)).toMatchObject({ status: 'ACCEPTED', decidedBy: 'u-arbitrator' });
      expect(e.cases.get(senderId)!.record.state).toBe('arbitration');
    });

    it('returned: needs a reason, leaves the sender where it was with the reason in its history, and tells it', () => {
      const e = new MemoryEngine();
      const { senderId } = WALKS.R4(e);
      const jc = e.child(senderId, 'R4');
      expect(() => e.apply(jc.id, 'court_clerk', 'RETURN', { explanation: '缺材料' })).toThrow(ValidationError);
      e.apply(jc.id, 'court_clerk', 'RETURN', { reason: 'INCOMPLETE', explanation: '缺协议原件' });
      expect(e.transfers.get(jc.id)).toMatchObject({ status: 'RETURNED', reason: 'INCOMPLETE', explanation: '缺协议原件' });
      expect(e.cases.get(senderId)!.record.state).toBe('agreedWritten');
      const last = e.plans.flatMap((p) => p.audit).filter((a) => a.caseId === senderId).pop()!;
      expect(last).toMatchObject({ type: 'JC_RETURNED', data: { outcome: 'RETURNED', reason: 'INCOMPLETE', explanation: '缺协议原件', sourceCaseId: jc.id } });
      expect(e.notifications).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'RETURNED', orgId: 'org-fengyuan', caseId: senderId })]));
    });

    it('withdrawn by the sender: the court ending its entrustment reaches the mediation case, which closes', () => {
      const e = new MemoryEngine();
      const { senderId } = WALKS.R8(e);
      const pm = e.child(senderId, 'R8');
      e.apply(senderId, 'judge', 'WITHDRAW_SUIT', { ruledOn: e.today });
      expect(e.transfers.get(pm.id)).toMatchObject({ status: 'WITHDRAWN' });
      expect(e.cases.get(pm.id)!.record).toMatchObject({ state: 'entrustmentEnded', closed: true });
    });
  });

  describe('the audit chain', () => {
    it.each(['sha256', 'sm3'] as const)('chains the opening and every transition with the deployment’s hash (%s)', (algorithm) => {
      const e = new MemoryEngine(writerFor(algorithm));
      const pm = e.open('pm', 'fy_mediator');
      e.apply(pm.id, 'fy_mediator', 'SEEK_CONSENT', {});
      const chain = e.plans.flatMap((p) => p.audit).filter((a) => a.caseId === pm.id);
      expect(chain.map((a) => a.seq)).toEqual([1, 2]);
      const other = algorithm === 'sm3' ? 'sha256' : 'sm3';
      chain.forEach((entry, i) => {
        const { prevHash, hash, ...content } = entry;
        expect(prevHash).toBe(i === 0 ? GENESIS_HASH : chain[i - 1].hash);
        expect(hash).toBe(hashEntry(algorithm, prevHash, content));
        expect(hash).not.toBe(hashEntry(other, prevHash, content));
      });
      expect(e.cases.get(pm.id)!.record.headHash).toBe(chain[1].hash);
    });
  });

  describe('what is refused, and refused whole', () => {
    it('refuses an event the caller’s roles may not send, before anything else', () => {
      const e = new MemoryEngine();
      const pm = e.open('pm', 'fy_mediator');
      expect(() => e.apply(pm.id, 'fy_clerk', 'ASSIGN_MEDIATOR', { mediatorId: 'u-fy_mediator', consentedPartyIds: ['P1', 'P2'], selectedBy: 'COMMITTEE' })).toThrow(EventForbiddenError);
    });

    it('refuses invalid data naming the field', () => {
      const e = new MemoryEngine();
      const pm = e.open('pm', 'fy_mediator');
      let error: unknown;
      try {
        e.apply(pm.id, 'fy_mediator', 'SEEK_CONSENT', { unexpected: 1 });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).errors).toEqual([expect.objectContaining({ field: 'data.unexpected' })]);
    });

    it('refuses a route to an organisation of the wrong type, writing nothing', () => {
      const e = new MemoryEngine();
      const pm = mediating(e);
      const before = e.plans.length;
      expect(() => e.apply(pm.id, 'fy_mediator', 'TRANSFER', { to: 'COURT', receivingOrgId: 'org-liqiao', reason: '移送' })).toThrow(ValidationError);
      expect(e.plans.length).toBe(before);
      expect(e.cases.get(pm.id)!.record.state).toBe('mediating');
    });

    it('refuses an arbitration application for land outside the commission’s area, naming the article, writing nothing (R13a)', () => {
      const e = new MemoryEngine();
      const land = landMediating(e, { landLocationCode: '330102001201' });
      const before = e.plans.length;
      let error: unknown;
      try {
        e.apply(land.id, 'fy_mediator', 'APPLY_ARBITRATION', { commissionOrgId: 'org-land-arbitration' });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(TransitionNotAllowedError);
      expect((error as TransitionNotAllowedError).violations).toEqual([expect.objectContaining({ precondition: 'landWhereCommissionSits', legalBasis: '农村土地承包经营纠纷调解仲裁法 第二十一条' })]);
      expect(e.plans.length).toBe(before);
      expect(e.cases.get(land.id)!.record.state).toBe('mediation.ongoing');
    });

    it('validates the receiving case’s opening input and start event like any other', () => {
      const e = new MemoryEngine();
      const pm = mediating(e);
      e.apply(pm.id, 'fy_mediator', 'SIGN_WRITTEN_AGREEMENT', { content: '协议', signedPartyIds: ['P1', 'P2'], mediatorSigned: true, committeeSealed: true, effectiveOn: e.today });
      const jc = (() => {
        e.apply(pm.id, 'fy_mediator', 'APPLY_JUDICIAL_CONFIRMATION', { courtOrgId: 'org-court', applicantPartyIds: ['P1', 'P2'], form: 'WRITTEN' });
        return e.child(pm.id, 'R4');
      })();
      // The engine's FILE was validated and applied: the application is filed, with the opening input R4 maps.
      expect(jc).toMatchObject({ state: 'filed', version: 2, context: { agreementEffectiveOn: e.today } });
      expect(e.plans.at(-1)!.audit.filter((a) => a.caseId === jc.id).map((a) => a.type)).toEqual(['OPEN', 'FILE']);
    });
  });

  describe('effects', () => {
    it('a risk report notifies the supervising organisation (人民调解法 第二十五条)', () => {
      const e = new MemoryEngine();
      const pm = mediating(e);
      e.apply(pm.id, 'fy_mediator', 'REPORT_RISK', { level: 'RED', reportedTo: 'POLICE', summary: '一方扬言报复' });
      expect(e.notifications.at(-1)).toMatchObject({ kind: 'RISK', orgId: 'org-fengqiao', caseId: pm.id, message: expect.stringContaining('红色') });
    });

    it('a RED report reaches the police station, the township centre and the centre above in the same plan, with its register row and review timer', () => {
      const e = new MemoryEngine();
      const pm = mediating(e);
      e.apply(pm.id, 'fy_mediator', 'REPORT_RISK', { level: 'RED', reportedTo: 'POLICE', summary: '一方扬言报复' });
      const plan = e.plans.at(-1)!;
      expect(plan.notifications.map((n) => [n.kind, n.orgId])).toEqual([
        ['RISK', 'org-fengqiao-police'],
        ['RISK', 'org-fengqiao-centre'],
        ['RISK', 'org-governance-centre'],
        ['RISK', 'org-fengqiao'],
      ]);
      expect(plan.riskReports).toEqual([expect.objectContaining({ caseId: pm.id, level: 'RED', regionCode: pm.regionCode, notifiedOrgIds: plan.notifications.map((n) => n.orgId) })]);
      expect(plan.deadlinesOpened).toEqual([expect.objectContaining({ specId: 'D-RISK-RED', state: '$risk', span: ['$risk'], soft: true, anchorOn: e.today, dueOn: '2025-03-11' })]);
    });

    it('a lower colour tells only the supervising organisation (ORANGE also the centre), and replaces the pending review', () => {
      const e = new MemoryEngine();
      const pm = mediating(e);
      e.apply(pm.id, 'fy_mediator', 'REPORT_RISK', { level: 'YELLOW', reportedTo: 'ZONGZHI_CENTRE', summary: '双方情绪激动' });
      expect(e.plans.at(-1)!.notifications.map((n) => n.orgId)).toEqual(['org-fengqiao']);
      e.apply(pm.id, 'fy_mediator', 'REPORT_RISK', { level: 'ORANGE', reportedTo: 'ZONGZHI_CENTRE', summary: '一方聚集亲属' });
      const plan = e.plans.at(-1)!;
      expect(plan.notifications.map((n) => n.orgId)).toEqual(['org-fengqiao-centre', 'org-fengqiao']);
      expect(plan.deadlinesClosed).toEqual([expect.objectContaining({ status: 'met' })]);
      const reviews = e.cases.get(pm.id)!.deadlines.filter((d) => d.state === '$risk');
      expect(reviews.map((d) => [d.specId, d.status])).toEqual([
        ['D-RISK-YELLOW', 'met'],
        ['D-RISK-ORANGE', 'pending'],
      ]);
      // The case's end cancels the review: nothing is left to fire on a closed case.
      e.apply(pm.id, 'fy_mediator', 'WITHDRAW', { partyIds: ['P1'] });
      expect(e.cases.get(pm.id)!.deadlines.filter((d) => d.state === '$risk').map((d) => d.status)).toEqual(['met', 'cancelled']);
    });

    it('a case reaching a final state reports ENDED to the 综治中心 that dispatched it, and to no route that does not map it', () => {
      const e = new MemoryEngine();
      const { senderId } = WALKS.R1a(e);
      const child = e.child(senderId, 'R1a');
      expect(e.cases.get(senderId)!.record.context).toMatchObject({ dispatched: 1, openChildren: 1 });
      e.apply(child.id, 'fq_mediator', 'RETURN', { reason: 'OUTSIDE_SCOPE', explanation: '不属于人民调解范围' });
      const zz = e.cases.get(senderId)!.record;
      expect(zz.context).toMatchObject({ dispatched: 1, openChildren: 0 });
      expect(e.plans.flatMap((p) => p.audit).filter((a) => a.caseId === senderId).map((a) => a.type)).toEqual(['OPEN', 'TRIAGE', 'DISPATCH', 'CHILD_REPORTED', 'CHILD_ENDED']);
      // A 司法确认 reaching its end tells the mediation case nothing new: R4 does not map ENDED.
      const r4 = WALKS.R4(e);
      const jc = e.child(r4.senderId, 'R4');
      const before = e.plans.length;
      e.apply(jc.id, 'court_clerk', 'RETURN', { reason: 'INCOMPLETE', explanation: '缺协议原件' });
      expect(e.plans.slice(before).flatMap((p) => p.outbox).map((m) => m.eventType)).toEqual(['JC_RETURNED']);
    });

    it('an extension of entrusted mediation stops the trial-period clock, and its end restarts it', () => {
      const e = new MemoryEngine();
      const { senderId } = WALKS.R8(e);
      const pm = e.child(senderId, 'R8');
      e.apply(pm.id, 'qx_mediator', 'SIGN_FOR', {});
      expect(e.cases.get(senderId)!.record.state).toBe('entrusted.mediating');
      e.today = '2025-03-12';
      e.apply(senderId, 'court_clerk', 'EXTEND_MEDIATION', { consentedPartyIds: ['P1', 'P2'], agreedOn: e.today });
      const trial = e.cases.get(senderId)!.deadlines.find((d) => d.specId === 'D-CT5')!;
      expect(trial.pauses).toEqual([expect.objectContaining({ from: '2025-03-12', to: null })]);
    });

    it('fills in case numbers on the new case, on links to it and in its messages once the commit allocates them', () => {
      const e = new MemoryEngine();
      const a = e.open('pm', 'fy_mediator');
      const b = e.open('pm', 'fy_mediator');
      expect([a.caseNo, b.caseNo]).toEqual(['（2025）枫源调字第1号', '（2025）枫源调字第2号']);
      expect(a.disputeCode).toMatch(/^D330199-20250310-[0-9A-F]{6}$/);
      expect(a.disputeCode).not.toBe(b.disputeCode);
    });
  });
});
