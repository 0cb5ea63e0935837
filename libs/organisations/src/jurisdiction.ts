import type { Role } from '@app/shared';
import type { Directory } from './directory';
import type { Viewer } from './viewer';

/** The parts of a case that decide who may see and act on it. */
export interface CaseScope {
  orgId: string;
  originOrgId: string | null;
  regionCode: string;
}

/** Roles that handle parties directly and so see identity numbers and phone numbers of their own organisation's cases. */
const CASE_HANDLING_ROLES: Role[] = [
  'INTAKE_CLERK',
  'MEDIATOR',
  'COMMITTEE_DIRECTOR',
  'COURT_CLERK',
  'JUDGE',
  'ARBITRATOR',
  'RECONSIDERATION_OFFICER',
  'PETITION_OFFICER',
];

/** How a case list is narrowed for a viewer. */
export type VisibilityFilter = { kind: 'all' } | { kind: 'region'; prefix: string } | { kind: 'orgs'; orgIds: string[] };

/**
 * Who may see and act on which case:
 * - administrators see every case; auditors see every case in their region;
 * - everyone else sees the cases their organisation handles or supervises, and the cases it sent on to others
 *   (a village committee follows its 司法确认 application at the court);
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
    return f.orgIds.includes(scope.orgId) || (scope.originOrgId !== null && f.orgIds.includes(scope.originOrgId));
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
