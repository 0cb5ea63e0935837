import { endOfChinaDay, isIsoDate, startOfChinaDay } from '@app/calendar';
import { Jurisdiction, type Directory, type Viewer } from '@app/organisations';
import { ValidationError, type FieldError } from '@app/shared';
import { configurationsTagged, QUEUES, type WorkflowRegistry } from '@app/workflow';
import { CATEGORIES, SOURCES } from '../../domain/case-vocabulary';
import type { CaseListFilter } from '../../ports/case-read-model.port';
import type { ListCasesFilters } from './list-cases.query';

/**
 * The read model's filter for a list request, checked against what the engine knows (workflows, users, the calendar):
 * the list and the ledger export share it, so a ledger holds exactly the cases its list showed.
 */
export function caseListFilter(viewer: Viewer, filters: ListCasesFilters, directory: Directory, registry: WorkflowRegistry): Omit<CaseListFilter, 'page' | 'pageSize'> {
  const errors: FieldError[] = [];
  const queue = filters.queue === undefined ? undefined : QUEUES.find((q) => q.id === filters.queue);
  if (filters.queue !== undefined && !queue) {
    errors.push({ field: 'queue', message: `must be one of ${QUEUES.map((q) => q.id).join(', ')}`, messageZh: '不是已定义的工作队列' });
  }
  if (filters.category !== undefined && !(filters.category in CATEGORIES)) {
    errors.push({ field: 'category', message: `must be one of ${Object.keys(CATEGORIES).join(', ')}`, messageZh: '不是已定义的纠纷类型' });
  }
  if (filters.source !== undefined && !(filters.source in SOURCES)) {
    errors.push({ field: 'source', message: `must be one of ${Object.keys(SOURCES).join(', ')}`, messageZh: '不是已定义的案件来源' });
  }
  const unknownWorkflow = filters.workflows?.find((w) => !registry.has(w));
  if (unknownWorkflow !== undefined) {
    errors.push({ field: 'workflows', message: `${unknownWorkflow} is not a workflow; must be among ${registry.list().map((d) => d.id).join(', ')}`, messageZh: `${unknownWorkflow} 不是已登记的流程` });
  }
  const mediatorId = filters.mediator === 'me' ? viewer.userId : filters.mediator;
  if (mediatorId !== undefined && !directory.user(mediatorId)) errors.push({ field: 'mediator', message: 'is not a known user', messageZh: '不是已登记的用户' });
  for (const field of ['registeredFrom', 'registeredTo'] as const) {
    const value = filters[field];
    if (value !== undefined && !isIsoDate(value)) errors.push({ field, message: 'must be a date YYYY-MM-DD', messageZh: '不是有效日期（YYYY-MM-DD）' });
  }
  const from = isIsoDate(filters.registeredFrom) ? filters.registeredFrom : undefined;
  const to = isIsoDate(filters.registeredTo) ? filters.registeredTo : undefined;
  if (from && to && from > to) errors.push({ field: 'registeredTo', message: 'must not be before registeredFrom', messageZh: '结束日期不能早于开始日期' });
  if (errors.length) throw new ValidationError(errors);

  // A queue is a workflow's open cases in its tagged states (every version's), or those assigned to the caller.
  const queueStates = queue?.tag ? [...new Set(registry.versions(queue.workflow).flatMap((d) => configurationsTagged(d, queue.tag!)))] : undefined;
  const assignees = [filters.assignee === 'me' || queue?.assignedToMe ? viewer.userId : undefined, mediatorId].filter((id): id is string => id !== undefined);
  return {
    visibility: new Jurisdiction(directory).filter(viewer),
    state: filters.state,
    states: queueStates,
    workflowId: queue?.workflow ?? filters.workflow,
    workflowIds: filters.workflows?.length ? [...new Set(filters.workflows)] : undefined,
    orgId: filters.orgId,
    regionCode: filters.regionCode,
    overdue: filters.overdue,
    // Asking for the caller's cases and another mediator's at once matches none, as two conditions on one column would.
    assigneeId: new Set(assignees).size > 1 ? '(none)' : assignees[0],
    teamMemberId: filters.team === 'mine' ? viewer.userId : undefined,
    closed: queue ? false : filters.closed,
    q: filters.q,
    idNumber: filters.idNumber,
    phone: filters.phone,
    category: filters.category,
    source: filters.source,
    // Registration days are China days: [start of the first, start of the day after the last).
    openedFrom: from ? startOfChinaDay(from).toISOString() : undefined,
    openedBefore: to ? endOfChinaDay(to).toISOString() : undefined,
  };
}
