import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Notification } from '@app/deadlines';
import type { Directory } from '@app/organisations';
import { ConflictError, ValidationError, type Role } from '@app/shared';
import type { WorkflowDefinition } from '@app/workflow';
import { assigneeRole, assigners, REASSIGN_REASONS } from '../../domain/assignment';
import type { CaseRecord } from '../../domain/case-record';
import { RecordCaseFact, type CaseFactOutcome } from '../../domain/record-case-fact';
import { AssignCaseCommand, ClaimCaseCommand, ReassignCaseCommand, type AssignmentView } from './assign-case.command';

function roleOf(def: WorkflowDefinition): Role {
  const role = assigneeRole(def);
  if (!role) throw new ConflictError(`${def.title} cases have no assignee`, `“${def.title}”案件没有承办人可分配`);
  return role;
}

function open(record: CaseRecord): void {
  if (record.closed) throw new ConflictError('The case is closed', '案件已办结，不能再分配承办人');
}

/** The new assignee must be an active person of the handling organisation holding the channel's assignee role. */
function checkAssignee(directory: Directory, record: CaseRecord, def: WorkflowDefinition, userId: string) {
  const role = roleOf(def);
  const user = directory.user(userId);
  if (!user || !user.active || user.orgId !== record.orgId) {
    throw new ValidationError([{ field: 'userId', message: 'is not an active user of the handling organisation', messageZh: '不是承办单位的在岗人员' }]);
  }
  if (!user.roles.includes(role)) {
    throw new ValidationError([{ field: 'userId', message: `does not hold the role ${role}`, messageZh: `${user.displayName}不具有承办本案所需的角色` }]);
  }
  return user;
}

const nameOf = (directory: Directory, id: string | null) => (id ? (directory.user(id)?.displayName ?? id) : null);

function assignedNotice(record: CaseRecord, userId: string, message: string, now: Date): Notification {
  return { id: randomUUID(), orgId: record.orgId, userId, caseId: record.id, deadlineId: null, kind: 'ASSIGNED', message, createdAt: now.toISOString(), readAt: null, readBy: null };
}

function present(outcome: CaseFactOutcome): AssignmentView {
  const { record, directory } = outcome;
  return { caseId: record.id, caseNo: record.caseNo, version: record.version, assigneeId: record.assigneeId, assigneeName: nameOf(directory, record.assigneeId) };
}

function unassigned(record: CaseRecord, directory: Directory): void {
  if (record.assigneeId) {
    throw new ConflictError(`The case is already assigned to ${record.assigneeId}`, `本案已由${nameOf(directory, record.assigneeId)}承办，如需更换请改派`, { assigneeId: record.assigneeId });
  }
}

@CommandHandler(ClaimCaseCommand)
export class ClaimCaseHandler implements ICommandHandler<ClaimCaseCommand> {
  constructor(private readonly facts: RecordCaseFact) {}

  async execute(c: ClaimCaseCommand): Promise<AssignmentView> {
    const outcome = await this.facts.execute({
      caseId: c.caseId,
      viewer: c.viewer,
      type: 'CASE_CLAIMED',
      ifMatch: c.ifMatch,
      roles: (def) => [roleOf(def)],
      build: ({ record }, { directory }) => {
        open(record);
        unassigned(record, directory);
        return { data: { assigneeId: c.viewer.userId, assigneeName: nameOf(directory, c.viewer.userId) }, deadlinesUpdated: [], assigneeId: c.viewer.userId };
      },
    });
    return present(outcome);
  }
}

@CommandHandler(AssignCaseCommand)
export class AssignCaseHandler implements ICommandHandler<AssignCaseCommand> {
  constructor(private readonly facts: RecordCaseFact) {}

  async execute(c: AssignCaseCommand): Promise<AssignmentView> {
    const outcome = await this.facts.execute({
      caseId: c.caseId,
      viewer: c.viewer,
      type: 'CASE_ASSIGNED',
      ifMatch: c.ifMatch,
      roles: assigners,
      build: ({ record }, { directory, now, def }) => {
        open(record);
        unassigned(record, directory);
        const user = checkAssignee(directory, record, def, c.userId);
        const by = nameOf(directory, c.viewer.userId);
        return {
          data: { assigneeId: user.id, assigneeName: user.displayName },
          deadlinesUpdated: [],
          assigneeId: user.id,
          notifications: user.id === c.viewer.userId ? [] : [assignedNotice(record, user.id, `${record.caseNo}：${by}将本案分配给您承办`, now)],
        };
      },
    });
    return present(outcome);
  }
}

@CommandHandler(ReassignCaseCommand)
export class ReassignCaseHandler implements ICommandHandler<ReassignCaseCommand> {
  constructor(private readonly facts: RecordCaseFact) {}

  async execute(c: ReassignCaseCommand): Promise<AssignmentView> {
    const { userId, reasonKind, reason, partyId } = c.input;
    const outcome = await this.facts.execute({
      caseId: c.caseId,
      viewer: c.viewer,
      type: 'CASE_REASSIGNED',
      ifMatch: c.ifMatch,
      roles: assigners,
      build: ({ record }, { directory, now, def }) => {
        open(record);
        if (!record.assigneeId) throw new ConflictError('The case has no assignee yet: assign it instead', '本案尚未分配承办人，请直接分配');
        const user = checkAssignee(directory, record, def, userId);
        if (user.id === record.assigneeId) throw new ValidationError([{ field: 'userId', message: 'already handles the case', messageZh: '已是本案承办人' }]);
        // 回避 is the party's right (人民调解法 第二十三条): the record says which party asked for it.
        const party = partyId === undefined ? undefined : record.parties.find((p) => p.id === partyId);
        if (reasonKind === 'RECUSAL' && !party) {
          throw new ValidationError([{ field: 'partyId', message: 'must name the party of the case who asked for the recusal', messageZh: '请选择申请回避的当事人' }]);
        }
        if (reasonKind !== 'RECUSAL' && partyId !== undefined) {
          throw new ValidationError([{ field: 'partyId', message: 'is only for a recusal', messageZh: '只有当事人申请回避时才填写申请人' }]);
        }
        const by = nameOf(directory, c.viewer.userId);
        return {
          data: {
            assigneeId: user.id,
            assigneeName: user.displayName,
            previousAssigneeId: record.assigneeId,
            previousAssigneeName: nameOf(directory, record.assigneeId),
            reasonKind,
            reasonKindLabel: REASSIGN_REASONS[reasonKind],
            reason,
            ...(party ? { partyId: party.id, partyName: party.name } : {}),
          },
          deadlinesUpdated: [],
          assigneeId: user.id,
          notifications: user.id === c.viewer.userId ? [] : [assignedNotice(record, user.id, `${record.caseNo}：${by}将本案改派给您承办（${REASSIGN_REASONS[reasonKind]}：${reason}）`, now)],
        };
      },
    });
    return present(outcome);
  }
}
