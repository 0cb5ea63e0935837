import { createHash } from 'node:crypto';
import { CommandHandler, EventBus, type ICommandHandler } from '@nestjs/cqrs';
import { chinaDate } from '@app/calendar';
import { DirectoryService, Jurisdiction } from '@app/organisations';
import { canonicalJson, Clock, ForbiddenError, ValidationError } from '@app/shared';
import { INTAKE_WORKFLOW, WorkflowRegistry } from '@app/workflow';
import { publishChanges } from '../../domain/apply-transition';
import { IdempotencyKeyReusedError } from '../../domain/case.errors';
import { IdempotencySettings, retainedSince } from '../../domain/idempotency';
import { emptyPlan, WritePlanner } from '../../domain/write-planner';
import { CaseStore } from '../../ports/case-store.port';
import { presentCase, type CaseView } from '../../views/case-view';
import { StoredCaseViews, viewForStorage } from '../../views/stored-case-view';
import { OpenCaseCommand, type OpenCaseResult } from './open-case.command';

/** "12000.5" → "12000.50", "007" → "7.00": one spelling per amount, whichever database keeps it. */
function twoDecimals(amount: string): string {
  const [whole, fraction = ''] = amount.split('.');
  return `${BigInt(whole)}.${fraction.padEnd(2, '0')}`;
}

/** Commits refused for a reason other than a repeated key (none is known) are not retried forever. */
const RETRIES = 3;

@CommandHandler(OpenCaseCommand)
export class OpenCaseHandler implements ICommandHandler<OpenCaseCommand> {
  constructor(
    private readonly registry: WorkflowRegistry,
    private readonly store: CaseStore,
    private readonly clock: Clock,
    private readonly directoryService: DirectoryService,
    private readonly eventBus: EventBus,
    private readonly planner: WritePlanner,
    private readonly stored: StoredCaseViews,
    private readonly idempotency: IdempotencySettings,
  ) {}

  async execute({ viewer, body, idempotencyKey }: OpenCaseCommand): Promise<OpenCaseResult> {
    const workflowId = body.workflow ?? INTAKE_WORKFLOW;
    if (!this.registry.has(workflowId)) {
      throw new ValidationError([{ field: 'workflow', message: `must be one of ${this.registry.list().map((d) => d.id).join(', ')}`, messageZh: '不是已登记的流程' }]);
    }
    const def = this.registry.latest(workflowId);
    const actorRole = def.openRoles.find((r) => viewer.roles.includes(r));
    if (!actorRole) throw new ForbiddenError(`Your role may not open ${def.titleEn} cases`, `您的角色不能登记${def.title}案件`);
    const directory = await this.directoryService.current();
    if (!directory.region(body.regionCode) || !new Jurisdiction(directory).canOpenIn(viewer, body.regionCode)) {
      throw new ValidationError([{ field: 'regionCode', message: 'is not a region in your jurisdiction', messageZh: '不属于本单位管辖的地区' }]);
    }
    const org = directory.org(viewer.orgId);
    if (!org) throw new ForbiddenError('Your account belongs to no organisation', '您的账号未关联单位');
    if (!def.manifest.handlingOrgTypes.includes(org.type)) {
      throw new ForbiddenError(`${def.titleEn} cases are not handled by your organisation`, `${def.title}案件不由本单位办理`);
    }

    const parties = body.parties.map((p, i) => ({ ...p, id: `P${i + 1}` }));
    const requestHash = idempotencyKey ? createHash('sha256').update(canonicalJson({ open: body })).digest('hex') : '';
    // As with events, the key is looked up only once a commit failed: a repeated opening fails on the key's unique
    // index (concurrent ones wait for the first to commit), taking no case number, and is answered as the first was.
    for (let attempt = 1; ; attempt++) {
      const now = this.clock.now();
      if (idempotencyKey && attempt > 1) {
        const stored = await this.store.findIdempotent(viewer.userId, idempotencyKey, retainedSince(this.idempotency, now, viewer.userId));
        if (stored) {
          if (stored.requestHash !== requestHash) throw new IdempotencyKeyReusedError(idempotencyKey);
          return { view: await this.stored.replay(stored.response as CaseView, viewer), replayed: true };
        }
      }
      const today = chinaDate(now);
      const plan = emptyPlan();
      const opened = this.planner.open(
        plan,
        { def, org, regionCode: body.regionCode, category: body.category, summary: body.summary, source: body.source, parties, amountInDispute: body.amountInDispute === undefined ? null : twoDecimals(body.amountInDispute), actor: { id: viewer.userId, role: actorRole }, now, today, input: body.input },
        { directory, now, today },
      );
      const present = () => presentCase(plan.inserts.find((r) => r.id === opened.record.id)!, opened.deadlines, def, viewer, directory, new Jurisdiction(directory), today);
      if (idempotencyKey) {
        const idempotency = { actorId: viewer.userId, key: idempotencyKey, caseId: opened.record.id, requestHash, status: 201, response: null as unknown, createdAt: now.toISOString() };
        plan.idempotency = idempotency;
        // The case number is allocated inside the commit: the stored view is built once it is known.
        plan.beforeWrite = () => (idempotency.response = viewForStorage(present()));
      }
      if ((await this.store.commit(plan)) === 'committed') {
        publishChanges(this.eventBus, plan);
        return { view: present(), replayed: false };
      }
      if (!idempotencyKey || attempt >= RETRIES) throw new Error(`Opening a case did not commit after ${attempt} attempts`);
    }
  }
}
