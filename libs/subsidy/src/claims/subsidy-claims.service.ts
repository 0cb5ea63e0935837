import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { AuditStore, VerifyAuditQuery, type VerifyResult } from '@app/audit';
import { chinaDate } from '@app/calendar';
import { ApplyCaseEventCommand, CaseNotFoundError, CaseStore, OpenCaseCommand, type Category } from '@app/cases';
import { DirectoryService, maskName, SYSTEM_VIEWER, type Directory, type Viewer } from '@app/organisations';
import { Clock, ForbiddenError, NotFoundError, ValidationError } from '@app/shared';
import { JUSTICE_STATION, subsidyClaim } from '@app/workflow';
import { FraudChecks, type FraudFlag } from '../fraud/fraud-checks.port';
import { SatisfactionRates } from '../satisfaction/satisfaction-rates.port';
import { toFen, toYuan } from '../money';
import { SubsidyStore, type ClaimRow } from '../subsidy-store.port';
import { tariffVersionName, type Tariff } from '../tariffs/tariff';
import { amountFor } from './amount';
import { checkEligibility, type ClaimedCase, type Eligibility } from './eligibility';
import { drawSpotCheck } from './spot-check';
import { buildStatement, type Statement } from '../statements/statement';
import { SubsidyCapReachedError, SubsidyIneligibleError } from './subsidy.errors';

/** Who acts on a claim at each stage of the review chain; the committee acts on its own claims, the others by region. */
type Level = 'MEDIATOR' | 'COMMITTEE_DIRECTOR' | 'JUSTICE_STATION_OFFICER' | 'AUDITOR';
const MEDIATOR_EVENTS = ['DRAFT', 'SUBMIT', 'RESUBMIT'];
const BY_STATE: Record<string, Level> = { orgReview: 'COMMITTEE_DIRECTOR', stationReview: 'JUSTICE_STATION_OFFICER' };
/** Events that move a claim towards money: each re-checks the claimed case first, so a record altered since is caught. */
const FORWARD = ['SUBMIT', 'RESUBMIT', 'ORG_APPROVE', 'STATION_APPROVE', 'BUREAU_APPROVE'];
/** People never send these; the engine does, after its own checks. */
const ENGINE_EVENTS = ['SELECT_FOR_SPOT_CHECK', 'FUNDS_COMMITTED'];
export const COMMITTED_STATES = ['approved', 'paid', 'published'];
const CURRENT_STATES = ['eligible', 'drafted', 'returned', 'orgReview', 'stationReview', 'bureauReview', 'spotCheck', 'awaitingFunds', 'approved', 'paid', 'published'];

export interface CreateClaim {
  caseId: string;
  tier: string;
  presenceEvidence?: string;
  note?: string;
}

export interface ClaimView {
  id: string;
  claimNo: string;
  state: string;
  stateLabel: string;
  version: number;
  claimedCase: { id: string; caseNo: string; category: string };
  mediator: { id: string; name: string };
  orgId: string;
  orgName: string;
  regionCode: string;
  tier: string;
  tierLabel: string | null;
  amount: string | null;
  fundingSource: string | null;
  tariffVersion: string;
  performedOn: string;
  auditSeq: number;
  auditHash: string;
  eligibility: Pick<Eligibility, 'eligible' | 'reasons'>;
  fraudFlags: FraudFlag[];
  /** What this caller may do now, with Chinese labels. */
  actions: { type: string; label: string }[];
}

/**
 * The 以案定补 claim chain over the `sub` workflow: every step is an event of the claim's case, applied through the one
 * write pipeline (and so audited and chained); this service decides who may take which step (the reviewers sit at
 * other organisations than the committee that holds the case), re-checks the claimed case before each step towards
 * money, and commits funds against the annual budget.
 */
@Injectable()
export class SubsidyClaims {
  /** Fund commits of one process go one at a time, so claims waiting for a budget are released in order. */
  private funds: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: SubsidyStore,
    private readonly cases: CaseStore,
    private readonly audit: AuditStore,
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly directory: DirectoryService,
    private readonly clock: Clock,
    private readonly fraud: FraudChecks,
    private readonly satisfaction: SatisfactionRates,
  ) {}

  // ---------- eligibility ----------

  /** Whether a case could be claimed now, and why not; nothing is written. */
  async eligibility(viewer: Viewer, caseId: string, presenceEvidence?: string): Promise<Eligibility & { tariffVersion: string | null }> {
    const { claimed, tariff } = await this.claimedCase(viewer, caseId);
    const existing = await this.store.claimOfCase(caseId);
    const result = await this.check(claimed, tariff, existing?.claimCaseId ?? null, presenceEvidence);
    return { ...result, tariffVersion: tariff ? tariffVersionName(tariff) : null };
  }

  private async claimedCase(viewer: Viewer, caseId: string): Promise<{ claimed: ClaimedCase; tariff: Tariff | null; regionCode: string; orgId: string; parties: { name: string }[] }> {
    const [loaded, history, chain, directory] = await Promise.all([
      this.cases.load(caseId),
      this.audit.history(caseId),
      this.queries.execute(new VerifyAuditQuery(caseId)) as Promise<VerifyResult>,
      this.directory.current(),
    ]);
    if (!loaded || !this.canSeeOrg(viewer, loaded.record.orgId, loaded.record.regionCode, directory)) throw new CaseNotFoundError(caseId);
    const r = loaded.record;
    const performed = [...history].reverse().find((e) => e.type === 'RECORD_PERFORMED' || e.type === 'TERMINATE_FAILED');
    const year = Number((performed ? String(performed.data.performedOn ?? chinaDate(new Date(performed.at))) : chinaDate(this.clock.now())).slice(0, 4));
    const tariff = await this.store.tariffFor(r.regionCode, year);
    return {
      claimed: { id: r.id, caseNo: r.caseNo, workflowId: r.workflowId, state: r.state, context: r.context, category: r.category, history, chain },
      tariff,
      regionCode: r.regionCode,
      orgId: r.orgId,
      parties: r.parties,
    };
  }

  private async check(claimed: ClaimedCase, tariff: Tariff | null, claimedBy: string | null, presenceEvidence?: string | null): Promise<Eligibility> {
    const mediatorId = typeof claimed.context.mediatorId === 'string' ? claimed.context.mediatorId : null;
    const [filing, satisfaction] = await Promise.all([
      mediatorId ? this.store.filing(mediatorId) : Promise.resolve(null),
      tariff?.rules.conditions.minSatisfaction !== undefined ? this.satisfaction.forCases([claimed.id]) : Promise.resolve(new Map()),
    ]);
    return checkEligibility({ claimed, tariff, filedOn: filing?.filedOn ?? null, claimedBy, satisfaction: satisfaction.get(claimed.id), presenceEvidence: presenceEvidence ?? undefined });
  }

  // ---------- the claim chain ----------

  /** The mediator claims for a case they mediated: checked, opened as a `sub` case in `eligible`, then drafted by them. */
  async create(viewer: Viewer, body: CreateClaim): Promise<ClaimView> {
    const { claimed, tariff, regionCode, orgId, parties } = await this.claimedCase(viewer, body.caseId);
    const existing = await this.store.claimOfCase(body.caseId);
    const result = await this.check(claimed, tariff, existing?.claimCaseId ?? null, body.presenceEvidence);
    if (result.mediatorId && result.mediatorId !== viewer.userId) {
      throw new ForbiddenError('Only the mediator of the case may claim its subsidy', '只有承办该案的调解员可以申报补贴（谁调解补助谁）');
    }
    if (!result.eligible || !tariff) throw new SubsidyIneligibleError(result.reasons);
    amountFor(tariff.rules, body.tier, claimed.category, result.agreementForm, result.outcome);
    const row: Omit<ClaimRow, 'state' | 'caseNo'> = {
      claimCaseId: `pending-${randomBytes(8).toString('hex')}`,
      claimedCaseId: claimed.id,
      claimedCaseNo: claimed.caseNo,
      regionCode,
      orgId,
      mediatorId: viewer.userId,
      category: claimed.category,
      tier: body.tier,
      agreementForm: result.agreementForm,
      outcome: result.outcome!,
      performedOn: result.performedOn!,
      auditSeq: result.auditSeq!,
      auditHash: result.auditHash!,
      presenceEvidence: body.presenceEvidence?.trim() || null,
      partyNames: parties.map((p) => maskName(p.name)).join('、'),
      tariffId: tariff.id,
      tariffVersion: tariffVersionName(tariff),
      budgetRegion: tariff.regionCode,
      budgetYear: tariff.year,
      amountFen: null,
      fundingSource: null,
      committedFen: 0,
      createdAt: this.clock.now().toISOString(),
    };
    // The row is written first, under the claimed case's unique key, so two claims for one case cannot both open.
    if (!(await this.store.insertClaim(row))) throw new SubsidyIneligibleError([{ code: 'ALREADY_CLAIMED', message: '该案件已申报过补贴（一案一补）', messageEn: 'A subsidy was already claimed for this case' }]);
    let claimCaseId: string;
    try {
      const opened = await this.commands.execute(
        new OpenCaseCommand(
          { ...SYSTEM_VIEWER, orgId, regionCode },
          {
            workflow: subsidyClaim.id,
            category: claimed.category as Category,
            summary: `以案定补申报：${claimed.caseNo}`,
            regionCode,
            source: 'APPLICATION',
            parties: [{ role: 'APPLICANT', name: viewer.displayName }],
            input: { claimedCaseId: claimed.id, claimedCaseNo: claimed.caseNo, mediatorId: viewer.userId },
          },
        ),
      );
      claimCaseId = opened.view.id;
      await this.store.assignClaimCase(row.claimCaseId, claimCaseId);
    } catch (error) {
      await this.store.deleteClaim(row.claimCaseId);
      throw error;
    }
    await this.send(viewer, 'MEDIATOR', claimCaseId, 'DRAFT', { tier: body.tier, ...(body.note ? { note: body.note } : {}) });
    return this.view(viewer, claimCaseId);
  }

  /** One step of the chain by a person: who may take it depends on the stage; steps towards money re-check the case. */
  async act(viewer: Viewer, claimCaseId: string, type: string, data: Record<string, unknown>): Promise<ClaimView> {
    if (ENGINE_EVENTS.includes(type) || !subsidyClaim.events[type]) {
      const allowed = Object.keys(subsidyClaim.events).filter((t) => !ENGINE_EVENTS.includes(t));
      throw new ValidationError([{ field: 'type', message: `must be one of ${allowed.join(', ')}`, messageZh: '不是补贴申请可以进行的操作' }]);
    }
    const { row, state } = await this.readable(viewer, claimCaseId);
    const level = this.levelFor(type, state);
    this.authorise(viewer, level, row, await this.directory.current());
    if (FORWARD.includes(type)) await this.recheck(row);
    if (typeof data.tier === 'string') {
      const tariff = await this.tariffOf(row);
      amountFor(tariff.rules, data.tier, row.category, row.agreementForm, row.outcome, 'data.tier');
      if (type === 'BUREAU_APPROVE') await this.checkCaps(row, tariff, data.tier);
    }
    await this.send(viewer, level, claimCaseId, type, data);
    if (typeof data.tier === 'string') await this.store.updateClaim(claimCaseId, { tier: data.tier });
    if (type === 'BUREAU_APPROVE') await this.commitFunds(claimCaseId);
    if ((type === 'REJECT' || type === 'CLAW_BACK') && row.committedFen > 0) {
      await this.store.release(row.budgetRegion, row.budgetYear, row.committedFen);
      await this.store.updateClaim(claimCaseId, { committedFen: 0 });
    }
    return this.view(viewer, claimCaseId);
  }

  /** 平湖 rule: one proven fake file suspends every current claim of its mediator. Returns the claims suspended. */
  async suspendMediator(viewer: Viewer, mediatorId: string, reason: string, relatedClaimId?: string): Promise<string[]> {
    if (!viewer.roles.includes('AUDITOR')) throw new ForbiddenError('Only a subsidy auditor may suspend claims', '只有以案定补审核员可以暂停补贴申请');
    const rows = await this.store.claims({ mediatorId, regionPrefix: viewer.regionCode, states: CURRENT_STATES });
    const suspended: string[] = [];
    for (const row of rows) {
      await this.send(viewer, 'AUDITOR', row.claimCaseId, 'SUSPEND_FOR_FRAUD', { reason, ...(relatedClaimId ? { relatedClaimId } : {}) });
      suspended.push(row.claimCaseId);
    }
    return suspended;
  }

  private levelFor(type: string, state: string): Level {
    if (MEDIATOR_EVENTS.includes(type)) return 'MEDIATOR';
    if (type === 'ORG_APPROVE') return 'COMMITTEE_DIRECTOR';
    if (type === 'STATION_APPROVE') return 'JUSTICE_STATION_OFFICER';
    if (type === 'RETURN_FOR_CORRECTION' || type === 'REJECT') return BY_STATE[state] ?? 'AUDITOR';
    return 'AUDITOR';
  }

  private authorise(viewer: Viewer, level: Level, row: ClaimRow, directory: Directory): void {
    const org = directory.org(viewer.orgId);
    const ok =
      viewer.roles.includes(level) &&
      (level === 'MEDIATOR'
        ? viewer.userId === row.mediatorId
        : level === 'COMMITTEE_DIRECTOR'
          ? viewer.orgId === row.orgId
          : level === 'JUSTICE_STATION_OFFICER'
            ? org?.type === JUSTICE_STATION && row.regionCode.startsWith(org.regionCode)
            : row.regionCode.startsWith(viewer.regionCode));
    if (!ok) {
      const who = { MEDIATOR: '承办的调解员', COMMITTEE_DIRECTOR: '调委会主任', JUSTICE_STATION_OFFICER: '辖区司法所工作人员', AUDITOR: '司法局以案定补审核员' }[level];
      throw new ForbiddenError(`This step of the claim is taken by the ${level} in charge`, `此环节由${who}办理`);
    }
  }

  /** Applies one event to the claim's case as `viewer` in the role of `level`. */
  private async send(viewer: Viewer, level: Level | 'SYSTEM', claimCaseId: string, type: string, data: Record<string, unknown>) {
    // The pipeline lets only the holding organisation act; the reviewers sit elsewhere, and authorise() has checked them.
    const actor: Viewer = level === 'SYSTEM' ? SYSTEM_VIEWER : { ...viewer, roles: [level, 'SYSTEM'] };
    return this.commands.execute(new ApplyCaseEventCommand(actor, claimCaseId, type, data));
  }

  private async recheck(row: ClaimRow): Promise<void> {
    const { claimed, tariff } = await this.claimedCase(SYSTEM_VIEWER, row.claimedCaseId);
    const result = await this.check(claimed, tariff, null, row.presenceEvidence);
    if (!result.eligible) throw new SubsidyIneligibleError(result.reasons);
  }

  private async tariffOf(row: ClaimRow): Promise<Tariff> {
    const tariff = await this.store.tariff(row.tariffId);
    if (!tariff) throw new NotFoundError('Tariff', '补贴标准', row.tariffId);
    return tariff;
  }

  private async checkCaps(row: ClaimRow, tariff: Tariff, tier: string): Promise<void> {
    const { fen } = amountFor(tariff.rules, tier, row.category, row.agreementForm, row.outcome);
    const month = row.performedOn.slice(0, 7);
    const periods = [
      { cap: tariff.rules.caps?.perMediatorMonth, from: `${month}-01`, to: `${month}-31`, zh: '每月', en: 'month' },
      { cap: tariff.rules.caps?.perMediatorYear, from: `${row.performedOn.slice(0, 4)}-01-01`, to: `${row.performedOn.slice(0, 4)}-12-31`, zh: '每年', en: 'year' },
    ];
    for (const { cap, from, to, zh, en } of periods) {
      if (!cap) continue;
      const used = await this.store.committedTo(row.mediatorId, from, to, row.claimCaseId);
      if (cap.cases !== undefined && used.cases + 1 > cap.cases) {
        throw new SubsidyCapReachedError(`调解员${zh}补贴案件数已达上限（${cap.cases}件）`, `The mediator reached the cap of ${cap.cases} subsidised cases per ${en}`);
      }
      if (cap.amount !== undefined && used.fen + fen > toFen(cap.amount)) {
        throw new SubsidyCapReachedError(`调解员${zh}补贴金额将超过上限（${cap.amount}元）`, `The claim would take the mediator over the cap of ${cap.amount} yuan per ${en}`);
      }
    }
  }

  // ---------- budget ----------

  /** Commits an approved claim's money if the budget allows; otherwise it stays in `awaitingFunds`. True when committed. */
  commitFunds(claimCaseId: string): Promise<boolean> {
    const run = this.funds.then(() => this.commitNow(claimCaseId));
    this.funds = run.catch(() => undefined);
    return run;
  }

  private async commitNow(claimCaseId: string): Promise<boolean> {
    const [row, loaded] = await Promise.all([this.store.claim(claimCaseId), this.cases.load(claimCaseId)]);
    if (!row || loaded?.record.state !== 'awaitingFunds') return false;
    const tariff = await this.tariffOf(row);
    const tierCode = String(loaded.record.context.approvedTier ?? row.tier);
    const { tier, fen } = amountFor(tariff.rules, tierCode, row.category, row.agreementForm, row.outcome);
    if (!(await this.store.reserve(row.budgetRegion, row.budgetYear, fen))) return false;
    try {
      await this.send(SYSTEM_VIEWER, 'SYSTEM', claimCaseId, 'FUNDS_COMMITTED', {
        tier: tier.code,
        amount: toYuan(fen),
        fundingSource: tier.fundingSource,
        tariffVersion: row.tariffVersion,
        budgetYear: row.budgetYear,
      });
    } catch (error) {
      await this.store.release(row.budgetRegion, row.budgetYear, fen);
      throw error;
    }
    await this.store.updateClaim(claimCaseId, { tier: tier.code, amountFen: fen, fundingSource: tier.fundingSource, committedFen: fen });
    return true;
  }

  /** Sets a region's budget for a year, then releases the claims that were waiting for it, oldest first. */
  async setBudget(regionCode: string, year: number, total: string): Promise<{ released: string[] }> {
    await this.store.setBudget(regionCode, year, toFen(total));
    const waiting = (await this.store.claims({ states: ['awaitingFunds'] })).filter((c) => c.budgetRegion === regionCode && c.budgetYear === year);
    const released: string[] = [];
    for (const c of waiting.sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
      if (!(await this.commitFunds(c.claimCaseId))) break;
      released.push(c.claimCaseId);
    }
    return { released };
  }

  // ---------- spot checks ----------

  /** Draws the spot-check sample among the claims at bureau review in the auditor's region, and picks them. */
  async drawSpotCheck(viewer: Viewer, body: { rate: number; riskTiers: string[]; seed?: string }) {
    const rows = await this.store.claims({ regionPrefix: viewer.regionCode, states: ['bureauReview'] });
    const loaded = await Promise.all(rows.map((r) => this.cases.load(r.claimCaseId)));
    const open = rows.filter((_r, i) => !loaded[i]?.record.context.spotChecked);
    const flags = open.length ? await this.fraud.flagsFor(open.map((r) => r.claimedCaseId), this.clock.now()) : new Map<string, FraudFlag[]>();
    const population = open.map((r) => ({ claimId: r.claimCaseId, tier: r.tier, flagged: (flags.get(r.claimedCaseId) ?? []).length > 0 }));
    const seed = body.seed ?? randomBytes(16).toString('hex');
    const picks = drawSpotCheck(population, seed, body.rate, body.riskTiers);
    const id = `sc-${randomBytes(8).toString('hex')}`;
    const row = { id, regionCode: viewer.regionCode, seed, rate: body.rate, riskTiers: body.riskTiers, population, picks, drawnAt: this.clock.now().toISOString(), drawnBy: viewer.userId };
    await this.store.insertSpotCheck(row);
    for (const pick of picks) await this.send(SYSTEM_VIEWER, 'SYSTEM', pick.claimId, 'SELECT_FOR_SPOT_CHECK', { spotCheckId: id, reason: pick.reason });
    return row;
  }

  /** A stored draw with the sample drawn again from its seed and population: `reproduced` says whether they agree. */
  async spotCheck(viewer: Viewer, id: string) {
    const row = await this.store.spotCheck(id);
    if (!row || !row.regionCode.startsWith(viewer.regionCode)) throw new NotFoundError('Spot check', '抽查批次', id);
    const redrawn = drawSpotCheck(row.population, row.seed, row.rate, row.riskTiers);
    // Compared field by field: PostgreSQL's jsonb does not keep the keys' order.
    const key = (picks: { claimId: string; reason: string }[]) => picks.map((p) => `${p.claimId}:${p.reason}`).join(',');
    return { ...row, reproduced: key(redrawn) === key(row.picks) };
  }

  // ---------- statements ----------

  /**
   * The approved (committed, paid or published) claims of an organisation — a committee and those it supervises, or
   * a justice bureau's or office's whole region — performed within [from, to], optionally of one mediator.
   */
  async statement(viewer: Viewer, q: { orgId: string; from: string; to: string; mediatorId?: string }): Promise<Statement> {
    const directory = await this.directory.current();
    const org = directory.org(q.orgId);
    if (!org || !this.canSeeOrg(viewer, org.id, org.regionCode, directory)) throw new NotFoundError('Organisation', '单位', q.orgId);
    const byRegion = org.type === JUSTICE_STATION || org.type === 'JUSTICE_BUREAU';
    const rows = await this.store.claims({
      ...(byRegion ? { regionPrefix: org.regionCode } : { orgIds: directory.supervisedOrgIds(org.id) }),
      states: COMMITTED_STATES,
      from: q.from,
      to: q.to,
      mediatorId: q.mediatorId,
    });
    return buildStatement(rows, directory, { orgId: q.orgId, from: q.from, to: q.to });
  }

  // ---------- reading ----------

  async view(viewer: Viewer, claimCaseId: string): Promise<ClaimView> {
    const { row } = await this.readable(viewer, claimCaseId);
    const [view] = await this.views(viewer, [row], true);
    return view;
  }

  /** Claims the caller may see, with their fraud flags (the review list). */
  async list(viewer: Viewer, filter: { state?: string; mediatorId?: string }): Promise<ClaimView[]> {
    const directory = await this.directory.current();
    const scope = this.scope(viewer, directory);
    const rows = await this.store.claims({ ...scope, states: filter.state ? [filter.state] : undefined, mediatorId: filter.mediatorId, limit: 500 });
    return this.views(viewer, rows, false);
  }

  private async views(viewer: Viewer, rows: ClaimRow[], withEligibility: boolean): Promise<ClaimView[]> {
    const directory = await this.directory.current();
    const flags = rows.length ? await this.fraud.flagsFor(rows.map((r) => r.claimedCaseId), this.clock.now()) : new Map<string, FraudFlag[]>();
    const out: ClaimView[] = [];
    for (const row of rows) {
      const tariff = await this.store.tariff(row.tariffId);
      let eligibility: Pick<Eligibility, 'eligible' | 'reasons'> = { eligible: true, reasons: [] };
      if (withEligibility) {
        const { claimed, tariff: current } = await this.claimedCase(SYSTEM_VIEWER, row.claimedCaseId);
        const checked = await this.check(claimed, current, null, row.presenceEvidence);
        eligibility = { eligible: checked.eligible, reasons: checked.reasons };
      }
      const stateNode = subsidyClaim.machine.getStateNodeById(`sub.${row.state}`);
      const meta = stateNode?.meta as { label?: string } | undefined;
      out.push({
        id: row.claimCaseId,
        claimNo: row.caseNo,
        state: row.state,
        stateLabel: meta?.label ?? row.state,
        version: 0,
        claimedCase: { id: row.claimedCaseId, caseNo: row.claimedCaseNo, category: row.category },
        mediator: { id: row.mediatorId, name: directory.user(row.mediatorId)?.displayName ?? row.mediatorId },
        orgId: row.orgId,
        orgName: directory.org(row.orgId)?.name ?? row.orgId,
        regionCode: row.regionCode,
        tier: row.tier,
        tierLabel: tariff?.rules.tiers.find((t) => t.code === row.tier)?.label ?? null,
        amount: row.amountFen === null ? null : toYuan(row.amountFen),
        fundingSource: row.fundingSource,
        tariffVersion: row.tariffVersion,
        performedOn: row.performedOn,
        auditSeq: row.auditSeq,
        auditHash: row.auditHash,
        eligibility,
        fraudFlags: flags.get(row.claimedCaseId) ?? [],
        actions: this.actionsFor(viewer, row, directory),
      });
    }
    const versions = await Promise.all(out.map((v) => this.cases.load(v.id)));
    out.forEach((v, i) => (v.version = versions[i]?.record.version ?? 0));
    return out;
  }

  private actionsFor(viewer: Viewer, row: ClaimRow, directory: Directory): { type: string; label: string }[] {
    const node = subsidyClaim.machine.getStateNodeById(`sub.${row.state}`);
    const handled = node ? Object.keys(node.on ?? {}) : [];
    return handled
      .filter((type) => !ENGINE_EVENTS.includes(type))
      .filter((type) => {
        try {
          this.authorise(viewer, this.levelFor(type, row.state), row, directory);
          return true;
        } catch {
          return false;
        }
      })
      .map((type) => ({ type, label: subsidyClaim.events[type].label }));
  }

  private async readable(viewer: Viewer, claimCaseId: string): Promise<{ row: ClaimRow; state: string }> {
    const row = await this.store.claim(claimCaseId);
    const directory = await this.directory.current();
    if (!row || !this.canSeeOrg(viewer, row.orgId, row.regionCode, directory)) throw new NotFoundError('Subsidy claim', '补贴申请', claimCaseId);
    return { row, state: row.state };
  }

  /** Where the caller's claims lie: the auditor's and the justice office's region, a committee's own and supervised organisations. */
  scope(viewer: Viewer, directory: Directory): { regionPrefix?: string; orgIds?: string[] } {
    if (viewer.roles.includes('ADMIN') || viewer.roles.includes('SYSTEM')) return {};
    const org = directory.org(viewer.orgId);
    if (viewer.roles.includes('AUDITOR') || org?.type === JUSTICE_STATION) return { regionPrefix: org?.regionCode ?? viewer.regionCode };
    return { orgIds: directory.supervisedOrgIds(viewer.orgId) };
  }

  private canSeeOrg(viewer: Viewer, orgId: string, regionCode: string, directory: Directory): boolean {
    const scope = this.scope(viewer, directory);
    if (scope.regionPrefix !== undefined) return regionCode.startsWith(scope.regionPrefix);
    return !scope.orgIds || scope.orgIds.includes(orgId);
  }
}
