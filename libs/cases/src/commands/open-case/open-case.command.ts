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
  /** 争议金额 in yuan, e.g. "12000.50". */
  amountInDispute?: string;
  input?: Record<string, unknown>;
}

/** The case as its opener sees it; `replayed` when an Idempotency-Key repeated an opening and its first answer is returned. */
export interface OpenCaseResult {
  view: CaseView;
  replayed: boolean;
}

export class OpenCaseCommand extends Command<OpenCaseResult> {
  constructor(
    readonly viewer: Viewer,
    readonly body: OpenCaseInput,
    readonly idempotencyKey?: string,
  ) {
    super();
  }
}
