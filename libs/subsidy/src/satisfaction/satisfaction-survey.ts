import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EventsHandler, type IEventHandler } from '@nestjs/cqrs';
import { CATEGORIES, CaseChangedEvent, PARTY_ROLES } from '@app/cases';
import { DirectoryService, type Viewer } from '@app/organisations';
import { Clock, ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@app/shared';
import { CASE_HANDLING_ROLES, SATISFACTION_RATINGS, WorkflowRegistry } from '@app/workflow';
import { SatisfactionSurveyStore, type SatisfactionLink } from './satisfaction-survey.port';
import { SurveyLinkExpiredError, SurveyLinkUsedError } from './satisfaction.errors';

/** How long a link stays valid (FENGQIAO_SURVEY_LINK_DAYS). */
export class SurveySettings {
  constructor(readonly linkDays: number) {}
}

const TOKEN = /^[A-Za-z0-9_-]{32}$/;
const chinaDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * 群众满意度测评 through short links: one unguessable link per party per case, issued when the case closes or when its
 * mediator asks; a party answers once, without an account, and the page shows nothing personal.
 */
@Injectable()
export class SatisfactionSurvey {
  constructor(
    private readonly store: SatisfactionSurveyStore,
    private readonly registry: WorkflowRegistry,
    private readonly directoryService: DirectoryService,
    private readonly clock: Clock,
    private readonly settings: SurveySettings,
  ) {}

  /** Links for every party who has not answered: a live link is kept, an expired or missing one is replaced. */
  async issueLinks(caseId: string, issuedBy: Viewer | 'system'): Promise<SatisfactionLink[]> {
    const found = await this.store.surveyCase(caseId);
    if (!found) throw new NotFoundError('Case', '案件', caseId);
    if (issuedBy !== 'system') await this.assertHandles(issuedBy, found.orgId, found.regionCode, caseId);
    if (!this.registry.get(found.workflowId, found.workflowVersion).manifest.statistics?.survey) {
      throw new ConflictError('Cases of this workflow have no satisfaction survey', '该类案件不进行群众满意度测评');
    }
    const now = this.clock.now();
    const [answered, existing] = await Promise.all([this.store.answeredPartyIds(caseId), this.store.links(caseId)]);
    const live = (partyId: string) => existing.find((l) => l.partyId === partyId && !l.usedAt && l.expiresAt > now.toISOString());
    const fresh = found.parties
      .filter((p) => !answered.includes(p.id) && !live(p.id))
      .map((p) => ({
        token: randomBytes(24).toString('base64url'),
        caseId,
        partyId: p.id,
        issuedAt: now.toISOString(),
        issuedBy: issuedBy === 'system' ? 'system' : issuedBy.userId,
        expiresAt: new Date(now.getTime() + this.settings.linkDays * 86_400_000).toISOString(),
        usedAt: null,
      }));
    if (fresh.length) await this.store.issue(fresh);
    return this.store.links(caseId);
  }

  /** The case's links with each party's answer state, for the staff of the handling organisation. */
  async linksOf(viewer: Viewer, caseId: string) {
    const found = await this.store.surveyCase(caseId);
    if (!found) throw new NotFoundError('Case', '案件', caseId);
    await this.assertHandles(viewer, found.orgId, found.regionCode, caseId);
    const [answered, links] = await Promise.all([this.store.answeredPartyIds(caseId), this.store.links(caseId)]);
    const now = this.clock.now().toISOString();
    return found.parties.map((p) => {
      const mine = links.filter((l) => l.partyId === p.id).sort((a, b) => b.issuedAt.localeCompare(a.issuedAt));
      const link = mine[0];
      return {
        partyId: p.id,
        role: p.role,
        roleLabel: PARTY_ROLES[p.role as keyof typeof PARTY_ROLES] ?? p.role,
        answered: answered.includes(p.id),
        link: link ? { token: link.token, path: `/survey/${link.token}`, issuedAt: link.issuedAt, expiresAt: link.expiresAt, usedAt: link.usedAt, expired: link.expiresAt <= now } : null,
      };
    });
  }

  /** What the public page shows for a link: the organisation, channel, category and the party's role, nothing personal. */
  async publicView(token: string) {
    const { link, found } = await this.open(token);
    const directory = await this.directoryService.current();
    const def = this.registry.get(found.workflowId, found.workflowVersion);
    const role = found.parties.find((p) => p.id === link.partyId)?.role ?? '';
    return {
      organisation: directory.org(found.orgId)?.name ?? '',
      channel: def.title,
      category: CATEGORIES[found.category as keyof typeof CATEGORIES] ?? found.category,
      closedOn: found.closed ? chinaDay(found.updatedAt) : null,
      partyRole: PARTY_ROLES[role as keyof typeof PARTY_ROLES] ?? role,
      question: '您对本次纠纷调解工作是否满意？',
      questionEn: 'Are you satisfied with how your dispute was mediated?',
      options: Object.entries(SATISFACTION_RATINGS).map(([value, label]) => ({ value, label })),
      expiresAt: link.expiresAt,
    };
  }

  async answer(token: string, rating: unknown): Promise<{ answered: true }> {
    if (typeof rating !== 'string' || !(rating in SATISFACTION_RATINGS)) {
      throw new ValidationError([{ field: 'rating', message: `must be one of ${Object.keys(SATISFACTION_RATINGS).join(', ')}`, messageZh: '须为 满意、基本满意 或 不满意' }]);
    }
    await this.open(token);
    const outcome = await this.store.answer(token, rating, this.clock.now().toISOString());
    if (outcome === 'ANSWERED') return { answered: true };
    if (outcome === 'LINK_EXPIRED') throw new SurveyLinkExpiredError();
    if (outcome === 'UNKNOWN') throw new NotFoundError('Survey link', '测评链接', '');
    throw new SurveyLinkUsedError();
  }

  /** A link that exists, is unused and has not expired, with its case. Unknown tokens say nothing about which exist. */
  private async open(token: string) {
    const link = TOKEN.test(token) ? await this.store.link(token) : null;
    if (!link) throw new NotFoundError('Survey link', '测评链接', '');
    if (link.usedAt) throw new SurveyLinkUsedError();
    if (link.expiresAt <= this.clock.now().toISOString()) throw new SurveyLinkExpiredError();
    const found = await this.store.surveyCase(link.caseId);
    if (!found) throw new NotFoundError('Survey link', '测评链接', '');
    if ((await this.store.answeredPartyIds(found.id)).includes(link.partyId)) throw new SurveyLinkUsedError();
    return { link, found };
  }

  private async assertHandles(viewer: Viewer, orgId: string, regionCode: string, caseId: string): Promise<void> {
    const jurisdiction = await this.directoryService.jurisdiction();
    if (!jurisdiction.canRead(viewer, { orgId, originOrgId: null, regionCode })) throw new NotFoundError('Case', '案件', caseId);
    if (orgId !== viewer.orgId || !viewer.roles.some((r) => CASE_HANDLING_ROLES.includes(r))) {
      throw new ForbiddenError('Only the staff of the handling organisation manage survey links', '只有承办单位的工作人员可以发放满意度测评链接');
    }
  }
}

/** Issues the links when a surveyed case closes; the mediator can always issue them by hand, so a miss here is harmless. */
@EventsHandler(CaseChangedEvent)
export class IssueSurveyLinksOnClose implements IEventHandler<CaseChangedEvent> {
  private readonly finalStates: Set<string>;

  constructor(
    private readonly survey: SatisfactionSurvey,
    registry: WorkflowRegistry,
  ) {
    this.finalStates = new Set(
      registry
        .list()
        .filter((def) => def.manifest.statistics?.survey)
        .flatMap((def) => Object.entries(def.machine.config.states ?? {}).filter(([, node]) => (node as { type?: string }).type === 'final').map(([id]) => id)),
    );
  }

  async handle(event: CaseChangedEvent): Promise<void> {
    if (!this.finalStates.has(event.to) || event.from === event.to) return;
    try {
      await this.survey.issueLinks(event.caseId, 'system');
    } catch {
      // Another workflow's final state of the same name, or a race with the mediator: nothing to do.
    }
  }
}
