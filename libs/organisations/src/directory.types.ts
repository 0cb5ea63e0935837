import type { UserRole } from '@app/shared';

export type RegionLevel = 'CITY' | 'DISTRICT' | 'TOWNSHIP' | 'STREET' | 'VILLAGE' | 'COMMUNITY';

export const REGION_LEVEL_LABELS: Record<RegionLevel, string> = {
  CITY: '设区的市',
  DISTRICT: '区县',
  TOWNSHIP: '乡镇',
  STREET: '街道',
  VILLAGE: '村',
  COMMUNITY: '社区',
};

/** A unit of the administrative division tree. Codes nest: a village's 12-digit code starts with its township's 9 digits. */
export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

/** An organisation type; each channel's manifest introduces its own (see the catalogue in libs/workflow). */
export type OrgType = string;

export { MEDIATION_ORG_TYPES, ORG_TYPE_LABELS } from '@app/workflow';

export interface Organisation {
  id: string;
  name: string;
  /** Used in case numbers, e.g. 枫源 in （2026）枫源调字第3号. */
  shortName: string;
  type: OrgType;
  regionCode: string;
  /** The organisation that supervises this one (village committee → township committee → district centre). */
  parentId: string | null;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  roles: UserRole[];
  orgId: string;
  active: boolean;
}

export interface UserWithSecret extends User {
  passwordHash: string;
}
