import type { UserRole } from '@app/shared';
import type { Organisation, OrgType, Region, User } from './directory.types';

/**
 * An in-memory view of the organisation tree, rebuilt whenever the directory changes. Jurisdiction checks run on every
 * request, so they must not touch the database.
 */
export class Directory {
  private readonly regionsByCode = new Map<string, Region>();
  private readonly orgsById = new Map<string, Organisation>();
  private readonly childrenByOrg = new Map<string, string[]>();
  private readonly usersById = new Map<string, User>();

  constructor(
    readonly regions: Region[],
    readonly organisations: Organisation[],
    readonly users: User[],
  ) {
    for (const r of regions) this.regionsByCode.set(r.code, r);
    for (const o of organisations) {
      this.orgsById.set(o.id, o);
      if (o.parentId) this.childrenByOrg.set(o.parentId, [...(this.childrenByOrg.get(o.parentId) ?? []), o.id]);
    }
    for (const u of users) this.usersById.set(u.id, u);
  }

  region(code: string): Region | undefined {
    return this.regionsByCode.get(code);
  }

  org(id: string): Organisation | undefined {
    return this.orgsById.get(id);
  }

  user(id: string): User | undefined {
    return this.usersById.get(id);
  }

  /** True when `code` is `ancestor` or lies below it. Division codes nest by prefix. */
  regionWithin(code: string, ancestor: string): boolean {
    return code.startsWith(ancestor) && this.regionsByCode.has(code);
  }

  /**
   * The regions at and below `code`, parents before children, by the tree's parent links: a city's districts do not
   * share its code's prefix (330100 → 330199).
   */
  regionSubtree(code: string): Region[] {
    const under = (r: Region | undefined): boolean => !!r && (r.code === code || under(r.parentCode ? this.regionsByCode.get(r.parentCode) : undefined));
    return this.regions.filter((r) => r.code.startsWith(code) || under(r)).sort((a, b) => a.code.localeCompare(b.code));
  }

  /** The organisation and every organisation it supervises, directly or through others. */
  supervisedOrgIds(orgId: string): string[] {
    const out: string[] = [];
    const queue = [orgId];
    while (queue.length) {
      const id = queue.shift()!;
      if (out.includes(id)) continue;
      out.push(id);
      queue.push(...(this.childrenByOrg.get(id) ?? []));
    }
    return out;
  }

  orgsOfType(type: OrgType): Organisation[] {
    return this.organisations.filter((o) => o.type === type);
  }

  usersOf(orgId: string, role?: UserRole): User[] {
    return this.users.filter((u) => u.orgId === orgId && u.active && (!role || u.roles.includes(role)));
  }
}
