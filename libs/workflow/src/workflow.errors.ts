import { DomainError } from '@app/shared';

export class WorkflowNotFoundError extends DomainError {
  readonly code = 'WORKFLOW.NOT_FOUND';
  readonly messageZh: string;
  constructor(id: string, version?: number) {
    super(`Workflow ${id}${version === undefined ? '' : ` v${version}`} is not registered`, { id, version });
    this.messageZh = `未找到流程 ${id}${version === undefined ? '' : ` 第${version}版`}`;
  }
}

/** A stored snapshot names a state the registered machine version does not have: the case needs a migration. */
export class WorkflowVersionMismatchError extends DomainError {
  readonly code = 'WORKFLOW.VERSION_MISMATCH';
  readonly messageZh: string;
  constructor(id: string, version: number, state: unknown, cause?: unknown) {
    super(`State ${JSON.stringify(state)} does not exist in workflow ${id} v${version}`, { id, version, state }, { cause });
    this.messageZh = `案件状态与流程 ${id} 第${version}版不符，需要迁移`;
  }
}
