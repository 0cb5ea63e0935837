import { CASE_HANDLING_ROLES } from '@app/workflow';
import type { Directory } from './directory';
import type { Viewer } from './viewer';

/** The parts of a case that decide who may see and act on it. */
export interface CaseScope {
  orgId: string;
  originOrgId: string | null;
  regionCode: string;
  /** Organisations of the cases this one was transferred to or from: each may read it (the dossier's source). */
  links?: { orgId: string }[];
}

/** How a case list is narrowed for a viewer. */
export type VisibilityFilter = { kind: 'all' } | { kind: 'region'; prefix: string } | { kind: 'orgs'; orgIds: string[] };

/**
 * Who may see and act on which case:
 * - administrators see every case; auditors see every case in their region;
 * - everyone else sees the cases their organisation handles or supervises, the cases it sent on to others
 *   (a village committee follows its 司法确认 application at the court), and the cases that sent it one (the court
 *   reads the mediation case behind an application);
 * - only the handling organisation acts on a case.
 */
export class Jurisdiction {
  constructor(private readonly directory: Directory) {}

  filter(viewer: Viewer): VisibilityFilter {
    if (viewer.roles.includes('SYSTEM') || viewer.roles.includes('ADMIN')) return { kind: 'all' };
    if (viewer.roles.includes('AUDITOR')) return { kind: 'region', prefix: viewer.regionCode };
    return { kind: 'orgs', orgIds: this.directory.supervisedOrgIds(viewer.orgId) };
  }

  canRead(viewer: Viewer, scope: CaseScope): boolean {
    const f = this.filter(viewer);
    if (f.kind === 'all') return true;
    if (f.kind === 'region') return scope.regionCode.startsWith(f.prefix);
    return (
      f.orgIds.includes(scope.orgId) ||
      (scope.originOrgId !== null && f.orgIds.includes(scope.originOrgId)) ||
      (scope.links ?? []).some((l) => l.orgId === viewer.orgId)
    );
  }

  canAct(viewer: Viewer, scope: CaseScope): boolean {
    return viewer.roles.includes('SYSTEM') || scope.orgId === viewer.orgId;
  }

  seesPersonalData(viewer: Viewer, scope: CaseScope): boolean {
    return scope.orgId === viewer.orgId && viewer.roles.some((r) => CASE_HANDLING_ROLES.includes(r));
  }

  /** A case may be opened for a region inside the opening user's organisation's region. */
  canOpenIn(viewer: Viewer, regionCode: string): boolean {
    return this.directory.regionWithin(regionCode, viewer.regionCode);
  }
}
