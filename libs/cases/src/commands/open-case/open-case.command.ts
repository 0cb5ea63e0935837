import { Command } from '@nestjs/cqrs';
import type { Viewer } from '@app/organisations';
import type { Party } from '../../domain/case-record';
import type { Category, Source } from '../../domain/case-vocabulary';
import type { CaseView } from '../../views/case-view';

export interface OpenCaseInput {
  workflow?: string;
  category: Category;
  summary: string;
  regionCode: string;
  source: Source;
  parties: Omit<Party, 'id'>[];
  input?: Record<string, unknown>;
}

export class OpenCaseCommand extends Command<CaseView> {
  constructor(
    readonly viewer: Viewer,
    readonly body: OpenCaseInput,
  ) {
    super();
  }
}
