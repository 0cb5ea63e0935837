import type { UserRole } from '@app/shared';
import type { Organisation, Region } from '../directory.types';

/**
 * The demo jurisdiction seeded into an empty embedded database: a fictional district, 青溪区, with two townships and a
 * street office, their villages and communities, the mediation committees at every level and the bodies disputes are
 * transferred to. Division codes are well-formed but do not belong to a real place.
 */
export const DEMO_REGIONS: Region[] = [
  // The city above the district: the third rung of the petition ladder (复核), and nothing else is held there.
  { code: '330100', name: '青州市', level: 'CITY', parentCode: null },
  { code: '330199', name: '青溪区', level: 'DISTRICT', parentCode: '330100' },
  { code: '330199101', name: '枫桥镇', level: 'TOWNSHIP', parentCode: '330199' },
  { code: '330199101201', name: '枫源村', level: 'VILLAGE', parentCode: '330199101' },
  { code: '330199101202', name: '栎桥村', level: 'VILLAGE', parentCode: '330199101' },
  { code: '330199101203', name: '新枫村', level: 'VILLAGE', parentCode: '330199101' },
  { code: '330199102', name: '南山镇', level: 'TOWNSHIP', parentCode: '330199' },
  { code: '330199102201', name: '南山村', level: 'VILLAGE', parentCode: '330199102' },
  { code: '330199102202', name: '溪口村', level: 'VILLAGE', parentCode: '330199102' },
  { code: '330199001', name: '东溪街道', level: 'STREET', parentCode: '330199' },
  { code: '330199001001', name: '东溪社区', level: 'COMMUNITY', parentCode: '330199001' },
  { code: '330199001002', name: '锦园社区', level: 'COMMUNITY', parentCode: '330199001' },
];

const org = (o: Organisation) => o;

export const DEMO_ORGANISATIONS: Organisation[] = [
  org({ id: 'org-justice-bureau', name: '青溪区司法局', shortName: '青溪司法', type: 'JUSTICE_BUREAU', regionCode: '330199', parentId: null }),
  org({ id: 'org-district-centre', name: '青溪区矛盾纠纷调解中心', shortName: '青溪', type: 'DISTRICT_MEDIATION_CENTRE', regionCode: '330199', parentId: null }),
  org({ id: 'org-fengqiao', name: '枫桥镇人民调解委员会', shortName: '枫桥', type: 'TOWNSHIP_MEDIATION_COMMITTEE', regionCode: '330199101', parentId: 'org-district-centre' }),
  org({ id: 'org-fengyuan', name: '枫源村人民调解委员会', shortName: '枫源', type: 'VILLAGE_MEDIATION_COMMITTEE', regionCode: '330199101201', parentId: 'org-fengqiao' }),
  org({ id: 'org-liqiao', name: '栎桥村人民调解委员会', shortName: '栎桥', type: 'VILLAGE_MEDIATION_COMMITTEE', regionCode: '330199101202', parentId: 'org-fengqiao' }),
  org({ id: 'org-xinfeng', name: '新枫村人民调解委员会', shortName: '新枫', type: 'VILLAGE_MEDIATION_COMMITTEE', regionCode: '330199101203', parentId: 'org-fengqiao' }),
  org({ id: 'org-nanshan', name: '南山镇人民调解委员会', shortName: '南山', type: 'TOWNSHIP_MEDIATION_COMMITTEE', regionCode: '330199102', parentId: 'org-district-centre' }),
  org({ id: 'org-nanshan-village', name: '南山村人民调解委员会', shortName: '南山村', type: 'VILLAGE_MEDIATION_COMMITTEE', regionCode: '330199102201', parentId: 'org-nanshan' }),
  org({ id: 'org-xikou', name: '溪口村人民调解委员会', shortName: '溪口', type: 'VILLAGE_MEDIATION_COMMITTEE', regionCode: '330199102202', parentId: 'org-nanshan' }),
  org({ id: 'org-dongxi', name: '东溪街道人民调解委员会', shortName: '东溪', type: 'TOWNSHIP_MEDIATION_COMMITTEE', regionCode: '330199001', parentId: 'org-district-centre' }),
  org({ id: 'org-dongxi-community', name: '东溪社区人民调解委员会', shortName: '东溪社区', type: 'VILLAGE_MEDIATION_COMMITTEE', regionCode: '330199001001', parentId: 'org-dongxi' }),
  org({ id: 'org-jinyuan', name: '锦园社区人民调解委员会', shortName: '锦园', type: 'VILLAGE_MEDIATION_COMMITTEE', regionCode: '330199001002', parentId: 'org-dongxi' }),
  org({ id: 'org-court', name: '青溪区人民法院', shortName: '青溪法院', type: 'BASIC_COURT', regionCode: '330199', parentId: null }),
  org({ id: 'org-labour-arbitration', name: '青溪区劳动人事争议仲裁委员会', shortName: '青溪劳仲', type: 'LABOUR_ARBITRATION_COMMISSION', regionCode: '330199', parentId: null }),
  org({ id: 'org-land-arbitration', name: '青溪区农村土地承包仲裁委员会', shortName: '青溪农仲', type: 'LAND_CONTRACT_ARBITRATION_COMMISSION', regionCode: '330199', parentId: null }),
  org({ id: 'org-commercial-arbitration', name: '青溪仲裁委员会', shortName: '青溪仲裁委', type: 'COMMERCIAL_ARBITRATION_COMMISSION', regionCode: '330199', parentId: null }),
  org({ id: 'org-commercial-mediation', name: '青溪商事调解中心', shortName: '青溪商调', type: 'COMMERCIAL_MEDIATION_ORG', regionCode: '330199', parentId: null }),
  org({ id: 'org-reconsideration', name: '青溪区人民政府行政复议办公室', shortName: '青溪复议', type: 'RECONSIDERATION_ORGAN', regionCode: '330199', parentId: null }),
  org({ id: 'org-petition', name: '青溪区信访局', shortName: '青溪信访', type: 'PETITION_BUREAU', regionCode: '330199', parentId: null }),
  org({ id: 'org-fengqiao-petition', name: '枫桥镇信访办公室', shortName: '枫桥信访', type: 'PETITION_OFFICE', regionCode: '330199101', parentId: 'org-petition' }),
  org({ id: 'org-city-petition', name: '青州市信访局', shortName: '青州信访', type: 'PETITION_BUREAU', regionCode: '330100', parentId: null }),
  org({ id: 'org-housing', name: '青溪区住房和城乡建设局', shortName: '青溪住建', type: 'GOVERNMENT_DEPARTMENT', regionCode: '330199', parentId: null }),
  org({ id: 'org-traffic-police', name: '青溪区公安分局交通警察大队', shortName: '青溪交警', type: 'TRAFFIC_POLICE_BRIGADE', regionCode: '330199', parentId: null }),
  org({ id: 'org-governance-centre', name: '青溪区社会治安综合治理中心', shortName: '青溪综治', type: 'GOVERNANCE_CENTRE', regionCode: '330199', parentId: null }),
  org({ id: 'org-fengqiao-centre', name: '枫桥镇社会治安综合治理中心', shortName: '枫桥综治', type: 'GOVERNANCE_CENTRE', regionCode: '330199101', parentId: 'org-governance-centre' }),
  org({ id: 'org-fengqiao-police', name: '青溪区公安分局枫桥派出所', shortName: '枫桥派出所', type: 'POLICE_STATION', regionCode: '330199101', parentId: null }),
  org({ id: 'org-fengqiao-station', name: '青溪区司法局枫桥司法所', shortName: '枫桥司法所', type: 'JUSTICE_STATION', regionCode: '330199101', parentId: 'org-justice-bureau' }),
  // The room at the station is the township committee's own (驻所调解): its cases are people's mediation, supervised by 枫桥镇.
  // The road-traffic accident mediation committee (交调委) sits with the brigade; its cases are people's mediation, supervised by the district centre.
  org({ id: 'org-traffic-mediation', name: '青溪区道路交通事故人民调解委员会', shortName: '青溪交调委', type: 'TOWNSHIP_MEDIATION_COMMITTEE', regionCode: '330199', parentId: 'org-district-centre' }),
  // The district's hearings at 复查 are convened by the petition joint conference's office (宿州 model, spec §8).
  org({ id: 'org-petition-joint-office', name: '青溪区信访工作联席会议办公室', shortName: '青溪联席办', type: 'PETITION_JOINT_OFFICE', regionCode: '330199', parentId: null }),
  org({ id: 'org-fengqiao-police-room', name: '枫桥派出所人民调解室', shortName: '枫桥警调', type: 'TOWNSHIP_MEDIATION_COMMITTEE', regionCode: '330199101', parentId: 'org-fengqiao' }),
];

export interface DemoUser {
  username: string;
  displayName: string;
  roles: UserRole[];
  orgId: string;
}

/** Every demo user shares the password in FENGQIAO_DEMO_PASSWORD. The README lists them. */
export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', displayName: '系统管理员', roles: ['ADMIN'], orgId: 'org-justice-bureau' },
  { username: 'auditor', displayName: '周审核（司法局以案定补审核员）', roles: ['AUDITOR'], orgId: 'org-justice-bureau' },
  { username: 'fy_clerk', displayName: '陈登记（枫源村受理登记员）', roles: ['INTAKE_CLERK'], orgId: 'org-fengyuan' },
  { username: 'fy_mediator', displayName: '王秀英（枫源村调解员）', roles: ['MEDIATOR'], orgId: 'org-fengyuan' },
  { username: 'fy_director', displayName: '李建国（枫源村调委会主任）', roles: ['COMMITTEE_DIRECTOR', 'MEDIATOR'], orgId: 'org-fengyuan' },
  { username: 'lq_mediator', displayName: '赵明（栎桥村调解员）', roles: ['MEDIATOR'], orgId: 'org-liqiao' },
  { username: 'fq_mediator', displayName: '孙丽（枫桥镇调解员）', roles: ['MEDIATOR'], orgId: 'org-fengqiao' },
  { username: 'fq_director', displayName: '钱卫东（枫桥镇调委会主任）', roles: ['COMMITTEE_DIRECTOR', 'MEDIATOR'], orgId: 'org-fengqiao' },
  { username: 'qx_mediator', displayName: '吴静（区调解中心调解员）', roles: ['MEDIATOR', 'INTAKE_CLERK'], orgId: 'org-district-centre' },
  { username: 'qx_director', displayName: '郑国强（区调解中心主任）', roles: ['COMMITTEE_DIRECTOR', 'MEDIATOR'], orgId: 'org-district-centre' },
  { username: 'court_clerk', displayName: '冯书记（区法院立案庭）', roles: ['COURT_CLERK'], orgId: 'org-court' },
  { username: 'judge', displayName: '何法官（区法院）', roles: ['JUDGE'], orgId: 'org-court' },
  { username: 'arbitrator', displayName: '许仲裁（区劳动人事争议仲裁委）', roles: ['ARBITRATOR', 'INTAKE_CLERK'], orgId: 'org-labour-arbitration' },
  { username: 'land_arbitrator', displayName: '林仲裁（区农村土地承包仲裁委）', roles: ['LAND_ARBITRATOR'], orgId: 'org-land-arbitration' },
  { username: 'ca_arbitrator', displayName: '沈仲裁（青溪仲裁委员会）', roles: ['ARBITRATOR', 'INTAKE_CLERK'], orgId: 'org-commercial-arbitration' },
  { username: 'cm_mediator', displayName: '陆调解（青溪商事调解中心）', roles: ['MEDIATOR', 'INTAKE_CLERK'], orgId: 'org-commercial-mediation' },
  { username: 'rx_officer', displayName: '韩复议（区行政复议办公室）', roles: ['RECONSIDERATION_OFFICER'], orgId: 'org-reconsideration' },
  { username: 'petition_officer', displayName: '杨信访（区信访局）', roles: ['PETITION_OFFICER', 'INTAKE_CLERK'], orgId: 'org-petition' },
  { username: 'fq_petition', displayName: '方信访（枫桥镇信访办）', roles: ['PETITION_OFFICER', 'INTAKE_CLERK'], orgId: 'org-fengqiao-petition' },
  { username: 'city_petition', displayName: '柯信访（市信访局）', roles: ['PETITION_OFFICER', 'INTAKE_CLERK'], orgId: 'org-city-petition' },
  { username: 'housing_officer', displayName: '葛住建（区住建局信访办理）', roles: ['PETITION_OFFICER'], orgId: 'org-housing' },
  { username: 'tp_mediator', displayName: '朱警官（交警大队事故调解）', roles: ['MEDIATOR'], orgId: 'org-traffic-police' },
  { username: 'tp_officer', displayName: '秦警官（交警大队事故处理）', roles: ['TRAFFIC_OFFICER'], orgId: 'org-traffic-police' },
  { username: 'jtw_mediator', displayName: '邵调解（区交调委调解员）', roles: ['MEDIATOR', 'COMMITTEE_DIRECTOR'], orgId: 'org-traffic-mediation' },
  { username: 'zz_dispatcher', displayName: '高分流（区综治中心）', roles: ['CENTRE_DISPATCHER', 'INTAKE_CLERK'], orgId: 'org-governance-centre' },
  { username: 'fq_station', displayName: '刘复核（枫桥司法所）', roles: ['JUSTICE_STATION_OFFICER'], orgId: 'org-fengqiao-station' },
  { username: 'fq_dispatcher', displayName: '罗受理（枫桥镇综治中心）', roles: ['CENTRE_DISPATCHER', 'INTAKE_CLERK'], orgId: 'org-fengqiao-centre' },
  { username: 'grid_worker', displayName: '蒋网格（枫桥镇网格员）', roles: ['GRID_WORKER'], orgId: 'org-fengqiao-centre' },
  { username: 'police_officer', displayName: '曹民警（枫桥派出所）', roles: ['POLICE_OFFICER'], orgId: 'org-fengqiao-police' },
  { username: 'lhb_officer', displayName: '严听证（区信访联席办听证工作人员）', roles: ['HEARING_OFFICER'], orgId: 'org-petition-joint-office' },
  { username: 'ns_hearing', displayName: '白听证（南山镇调委会听证工作人员）', roles: ['HEARING_OFFICER', 'MEDIATOR'], orgId: 'org-nanshan' },
  { username: 'ps_mediator', displayName: '潘调解（枫桥派出所人民调解室）', roles: ['MEDIATOR', 'COMMITTEE_DIRECTOR'], orgId: 'org-fengqiao-police-room' },
];
