import { DomainError } from '@app/shared';
import type { IneligibleReason } from './eligibility';

/** A claim refused because its case does not (or no longer) meet the tariff's conditions: 409 with the reasons. */
export class SubsidyIneligibleError extends DomainError {
  readonly code = 'SUBSIDY.INELIGIBLE';
  readonly messageZh: string;
  constructor(readonly reasons: IneligibleReason[]) {
    super(`The case is not eligible for a subsidy: ${reasons.map((r) => r.messageEn).join('; ')}`, { reasons });
    this.messageZh = `不符合以案定补条件：${reasons.map((r) => r.message).join('；')}`;
  }
}

/** A claim over a per-mediator cap of the tariff: 409. */
export class SubsidyCapReachedError extends DomainError {
  readonly code = 'SUBSIDY.CAP_REACHED';
  constructor(
    readonly messageZh: string,
    message: string,
  ) {
    super(message);
  }
}
