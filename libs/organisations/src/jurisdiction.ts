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
  /** Current members of the case's team (联合调解): each reads the case and acts on it in its case role. */
  team?: { userId: string; caseRole: string }[];
}

/** How a case list is narrowed for a viewer. */
export type VisibilityFilter = { kind: 'all' } | { kind: 'region'; prefix: string } | { kind: 'orgs'; orgIds: string[]; memberId?: string };

/**
 * Who may see and act on which case:
 * - administrators see every case; auditors see every case in their region;
 * - everyone else sees the cases their organisation handles or supervises, the cases it sent on to others
 *   (a village committee follows its 司法确认 application at the court), and the cases that sent it one (the court
 *   reads the mediation case behind an application);
 * - a member of a case's team (联合调解) sees that case, whatever their organisation;
 * - only the handling organisation acts on a case, and a team member on their case in their case role.
 */
export class Jurisdiction {
  constructor(private readonly directory: Directory) {}

  filter(viewer: Viewer): VisibilityFilter {
    if (viewer.roles.includes('SYSTEM') || viewer.roles.includes('ADMIN')) return { kind: 'all' };
    if (viewer.roles.includes('AUDITOR')) return { kind: 'region', prefix: viewer.regionCode };
    return { kind: 'orgs', orgIds: this.directory.supervisedOrgIds(viewer.orgId), memberId: viewer.userId };
  }

  canRead(viewer: Viewer, scope: CaseScope): boolean {
    const f = this.filter(viewer);
    if (f.kind === 'all') return true;
    if (f.kind === 'region') return scope.regionCode.startsWith(f.prefix);
    return (
      f.orgIds.includes(scope.orgId) ||
      (scope.originOrgId !== null && f.orgIds.includes(scope.originOrgId)) ||
      (scope.links ?? []).some((l) => l.orgId === viewer.orgId) ||
      this.teamRole(viewer, scope) !== null
    );
  }

  /** The viewer's role on the case's team, when they are a member; null otherwise. */
  teamRole(viewer: Viewer, scope: CaseScope): string | null {
    return scope.team?.find((m) => m.userId === viewer.userId)?.caseRole ?? null;
  }

  canAct(viewer: Viewer, scope: CaseScope): boolean {
    return viewer.roles.includes('SYSTEM') || scope.orgId === viewer.orgId;
  }

  seesPersonalData(viewer: Viewer, scope: CaseScope): boolean {
    // A team member deals with the parties like the handling organisation's own staff, if their role does.
    return (scope.orgId === viewer.orgId || this.teamRole(viewer, scope) !== null) && viewer.roles.some((r) => CASE_HANDLING_ROLES.includes(r));
  }

  /** A case may be opened for a region inside the opening user's organisation's region. */
  canOpenIn(viewer: Viewer, regionCode: string): boolean {
    return this.directory.regionWithin(regionCode, viewer.regionCode);
  }
}
