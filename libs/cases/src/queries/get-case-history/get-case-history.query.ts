import { Query } from '@nestjs/cqrs';
import type { Viewer } from '@app/organisations';
import type { Role } from '@app/shared';

export interface HistoryEntryView {
  seq: number;
  at: string;
  actor: { id: string; name: string; role: Role; roleLabel: string };
  type: string;
  typeLabel: string;
  from: string | null;
  fromLabel: string | null;
  to: string;
  toLabel: string;
  data: Record<string, unknown>;
  /** The documents the event produced, by kind and SHA-256; absent when it produced none. */
  documents?: { kind: string; sha256: string }[];
  hash: string;
  prevHash: string;
}

export class GetCaseHistoryQuery extends Query<HistoryEntryView[]> {
  constructor(
    readonly viewer: Viewer,
    readonly caseId: string,
  ) {
    super();
  }
}
