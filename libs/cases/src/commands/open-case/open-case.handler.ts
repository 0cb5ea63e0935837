import { CommandHandler, EventBus, type ICommandHandler } from '@nestjs/cqrs';
import { chinaDate } from '@app/calendar';
import { DirectoryService, Jurisdiction } from '@app/organisations';
import { Clock, ForbiddenError, ValidationError } from '@app/shared';
import { INTAKE_WORKFLOW, WorkflowRegistry } from '@app/workflow';
import { publishChanges } from '../../domain/apply-transition';
import { emptyPlan, WritePlanner } from '../../domain/write-planner';
import { CaseStore } from '../../ports/case-store.port';
import { presentCase, type CaseView } from '../../views/case-view';
import { OpenCaseCommand } from './open-case.command';

@CommandHandler(OpenCaseCommand)
export class OpenCaseHandler implements ICommandHandler<OpenCaseCommand> {
  constructor(
    private readonly registry: WorkflowRegistry,
    private readonly store: CaseStore,
    private readonly clock: Clock,
    private readonly directoryService: DirectoryService,
    private readonly eventBus: EventBus,
    private readonly planner: WritePlanner,
  ) {}

  async execute({ viewer, body }: OpenCaseCommand): Promise<CaseView> {
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

    const now = this.clock.now();
    const today = chinaDate(now);
    const plan = emptyPlan();
    const opened = this.planner.open(
      plan,
      {
        def,
        org,
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
      { directory, now, today },
    );
    await this.store.commit(plan);
    publishChanges(this.eventBus, plan);
    const record = plan.inserts.find((r) => r.id === opened.record.id)!;
    return presentCase(record, opened.deadlines, def, viewer, directory, new Jurisdiction(directory), today);
  }
}
