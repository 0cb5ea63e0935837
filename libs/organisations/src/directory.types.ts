import type { UserRole } from '@app/shared';

export type RegionLevel = 'DISTRICT' | 'TOWNSHIP' | 'STREET' | 'VILLAGE' | 'COMMUNITY';

export const REGION_LEVEL_LABELS: Record<RegionLevel, string> = {
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

export type OrgType =
  | 'VILLAGE_MEDIATION_COMMITTEE'
  | 'TOWNSHIP_MEDIATION_COMMITTEE'
  | 'DISTRICT_MEDIATION_CENTRE'
  | 'BASIC_COURT'
  | 'LABOUR_ARBITRATION_COMMISSION'
  | 'RECONSIDERATION_ORGAN'
  | 'PETITION_BUREAU'
  | 'TRAFFIC_POLICE_BRIGADE'
  | 'JUSTICE_BUREAU';

export const ORG_TYPE_LABELS: Record<OrgType, string> = {
  VILLAGE_MEDIATION_COMMITTEE: '村（居）人民调解委员会',
  TOWNSHIP_MEDIATION_COMMITTEE: '乡镇（街道）人民调解委员会',
  DISTRICT_MEDIATION_CENTRE: '区矛盾纠纷大调解中心',
  BASIC_COURT: '基层人民法院',
  LABOUR_ARBITRATION_COMMISSION: '劳动人事争议仲裁委员会',
  RECONSIDERATION_ORGAN: '行政复议机构',
  PETITION_BUREAU: '信访局',
  TRAFFIC_POLICE_BRIGADE: '公安交通警察大队',
  JUSTICE_BUREAU: '司法局',
};

export const MEDIATION_ORG_TYPES: OrgType[] = ['VILLAGE_MEDIATION_COMMITTEE', 'TOWNSHIP_MEDIATION_COMMITTEE', 'DISTRICT_MEDIATION_CENTRE'];

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
