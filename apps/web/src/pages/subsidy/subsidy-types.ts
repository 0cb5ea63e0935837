import type { Schemas } from '../../api/types';

export type SubsidyClaim = Schemas['ClaimView'];
export type StatementLine = Schemas['StatementLine'];
export type Statement = Schemas['Statement'];
