/** Dispute categories: the 司法部 statistical categories, extended (domain spec §12). */
export const CATEGORIES = {
  MARRIAGE_FAMILY: '婚姻家庭',
  NEIGHBOUR: '邻里',
  HOUSING_HOMESTEAD: '房屋宅基地',
  CONTRACT: '合同',
  BUSINESS_OPERATION: '生产经营',
  TORT_DAMAGES: '损害赔偿',
  FOREST_LAND: '山林土地',
  LAND_EXPROPRIATION_DEMOLITION: '征地拆迁',
  ENVIRONMENTAL: '环境污染',
  LABOUR: '劳动争议',
  CONSUMER: '消费',
  MEDICAL: '医疗',
  ROAD_TRAFFIC: '道路交通事故',
  PROPERTY_MANAGEMENT: '物业',
  VILLAGE_AFFAIRS: '村务管理',
  FINANCE: '金融',
  NEW_EMPLOYMENT_FORMS: '新就业形态',
  OTHER: '其他',
} as const;
export type Category = keyof typeof CATEGORIES;

/** How the dispute reached the organisation. */
export const SOURCES = {
  APPLICATION: '当事人申请',
  PROACTIVE: '主动排查',
  GRID_REPORT: '网格员上报',
  PETITION_TRANSFER: '信访移交',
  COURT_ENTRUSTED: '法院委托',
  POLICE_TRANSFER: '公安移交',
  INTAKE_DISPATCH: '综治中心分流',
} as const;
export type Source = keyof typeof SOURCES;

export const PARTY_ROLES = {
  APPLICANT: '申请人',
  RESPONDENT: '被申请人',
  THIRD_PARTY: '第三人',
} as const;
export type PartyRole = keyof typeof PARTY_ROLES;
