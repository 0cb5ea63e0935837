import { Query } from '@nestjs/cqrs';
import type { Viewer } from '@app/organisations';
import type { CaseView } from '../../views/case-view';

export class GetCaseQuery extends Query<CaseView> {
  constructor(
    readonly viewer: Viewer,
    readonly caseId: string,
  ) {
    super();
  }
}
