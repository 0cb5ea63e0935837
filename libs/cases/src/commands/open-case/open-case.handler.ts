import { CommandHandler, EventBus, type ICommandHandler } from '@nestjs/cqrs';
import { chinaDate } from '@app/calendar';
import { DeadlinePlanner } from '@app/deadlines';
import { DirectoryService, Jurisdiction } from '@app/organisations';
import { Clock, ForbiddenError, ValidationError } from '@app/shared';
import { INTAKE_WORKFLOW, WorkflowRegistry, type JsonSchema } from '@app/workflow';
import { openCase } from '../../domain/case-factory';
import { EventDataValidator } from '../../domain/event-data-validator';
import { CaseTransitionedEvent } from '../../events/case-transitioned.event';
import { CaseStore } from '../../ports/case-store.port';
import { presentCase, type CaseView } from '../../views/case-view';
import { OpenCaseCommand } from './open-case.command';

@CommandHandler(OpenCaseCommand)
export class OpenCaseHandler implements ICommandHandler<OpenCaseCommand> {
  private readonly validator = new EventDataValidator();

  constructor(
    private readonly registry: WorkflowRegistry,
    private readonly store: CaseStore,
    private readonly clock: Clock,
    private readonly planner: DeadlinePlanner,
    private readonly directoryService: DirectoryService,
    private readonly eventBus: EventBus,
  ) {}

  async execute({ viewer, body }: OpenCaseCommand): Promise<CaseView> {
    const workflowId = body.workflow ?? INTAKE_WORKFLOW;
    if (!this.registry.has(workflowId)) {
      throw new ValidationError([{ field: 'workflow', message: `must be one of ${this.registry.list().map((d) => d.id).join(', ')}`, messageZh: '不是已登记的流程' }]);
    }
    const def = this.registry.latest(workflowId);
    if (!def.openRoles.some((r) => viewer.roles.includes(r))) {
      throw new ForbiddenError(`Your role may not open ${def.titleEn} cases`, `您的角色不能登记${def.title}案件`);
    }
    const directory = await this.directoryService.current();
    if (!directory.region(body.regionCode) || !new Jurisdiction(directory).canOpenIn(viewer, body.regionCode)) {
      throw new ValidationError([{ field: 'regionCode', message: 'is not a region in your jurisdiction', messageZh: '不属于本单位管辖的地区' }]);
    }
    this.checkOpeningInput(def.openingSchema, body.input);
    const org = directory.org(viewer.orgId);
    if (!org) throw new ForbiddenError('Your account belongs to no organisation', '您的账号未关联单位');

    const now = this.clock.now();
    const today = chinaDate(now);
    const number = await this.store.allocateCaseNumber(org.id, Number(today.slice(0, 4)));
    const actorRole = def.openRoles.find((r) => viewer.roles.includes(r))!;
    const created = openCase(
      {
        def,
        org,
        caseNumber: number,
        regionCode: body.regionCode,
        category: body.category,
        summary: body.summary,
        source: body.source,
        parties: body.parties.map((p, i) => ({ ...p, id: `P${i + 1}` })),
        actor: { id: viewer.userId, role: actorRole },
        now,
        today,
        input: body.input,
      },
      this.planner,
    );
    await this.store.commit({
      update: null,
      inserts: [created.record],
      audit: [created.audit],
      deadlinesClosed: [],
      deadlinesOpened: created.deadlines,
      outbox: [],
      idempotency: null,
    });
    this.eventBus.publish(new CaseTransitionedEvent(created.record.id, 1, 'OPEN', null, created.record.state, false));
    return presentCase(created.record, created.deadlines, def, viewer, directory, new Jurisdiction(directory), today);
  }

  private checkOpeningInput(schema: JsonSchema | undefined, input: Record<string, unknown> | undefined): void {
    if (!schema) {
      if (input && Object.keys(input).length) throw new ValidationError([{ field: 'input', message: 'is not used by this workflow', messageZh: '此流程不需要该字段' }]);
      return;
    }
    const errors = this.validator.againstSchema(schema, input ?? {}, 'input');
    if (errors.length) throw new ValidationError(errors);
  }
}
