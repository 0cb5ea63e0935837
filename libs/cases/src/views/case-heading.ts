import { stateLabel, type WorkflowDefinition } from '@app/workflow';
import type { CaseRecord } from '../domain/case-record';
import { CATEGORIES } from '../domain/case-vocabulary';

/** What every view of a case starts with: which case, which channel, where it stands, what it is about. */
export interface CaseHeading {
  id: string;
  caseNo: string;
  workflow: { id: string; version: number; title: string };
  state: string;
  stateLabel: string;
  closed: boolean;
  version: number;
  category: string;
  categoryLabel: string;
  summary: string;
}

export function caseHeading(record: CaseRecord, def: WorkflowDefinition): CaseHeading {
  return {
    id: record.id,
    caseNo: record.caseNo,
    workflow: { id: def.id, version: def.version, title: def.title },
    state: record.state,
    stateLabel: stateLabel(def, record.state),
    closed: record.closed,
    version: record.version,
    category: record.category,
    categoryLabel: CATEGORIES[record.category] ?? record.category,
    summary: record.summary,
  };
}
