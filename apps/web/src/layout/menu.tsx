import { AccountBookOutlined, AlertOutlined, AuditOutlined, BankOutlined, BarChartOutlined, CalendarOutlined, DashboardOutlined, FileAddOutlined, FileDoneOutlined, InboxOutlined, SearchOutlined, SendOutlined, TeamOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Access } from '../api/channels';
import { RISK_ROLES } from '../pages/risk/risk-types';

export interface MenuEntry {
  path: string;
  label: string;
  icon: ReactNode;
  /** Shown only to holders of one of these roles; everyone when absent. */
  roles?: string[];
}

/** The console's menu; the role lists of the channel pages come from the channels (no channel loaded: hidden). */
export function menuFor(access: Access | undefined): { group?: string; entries: MenuEntry[] }[] {
  return [
    {
      entries: [
        { path: '/', label: '工作台', icon: <DashboardOutlined /> },
        { path: '/cases', label: '案件查询', icon: <SearchOutlined /> },
        { path: '/cases/new', label: '登记案件', icon: <FileAddOutlined />, roles: access?.openingRoles ?? [] },
        { path: INBOX_PATH, label: '收案箱', icon: <InboxOutlined />, roles: access?.inboxRoles ?? [] },
      ],
    },
    {
      group: '综治中心',
      entries: [{ path: '/risk', label: '风险台账', icon: <AlertOutlined />, roles: RISK_ROLES }],
    },
    {
      group: '系统管理',
      entries: [
        { path: '/admin/users', label: '用户管理', icon: <TeamOutlined />, roles: ['ADMIN'] },
        { path: '/admin/organisations', label: '单位管理', icon: <BankOutlined />, roles: ['ADMIN'] },
        { path: '/admin/calendar', label: '节假日安排', icon: <CalendarOutlined />, roles: ['ADMIN'] },
        { path: '/admin/deliveries', label: '推送与消息', icon: <SendOutlined />, roles: ['ADMIN'] },
      ],
    },
    {
      group: '审计',
      entries: [
        { path: '/audit/security-log', label: '安全日志', icon: <AuditOutlined />, roles: ['AUDITOR'] },
        { path: '/subsidy/claims', label: '以案定补审核', icon: <FileDoneOutlined />, roles: ['AUDITOR', 'JUSTICE_STATION_OFFICER', 'COMMITTEE_DIRECTOR'] },
        { path: '/subsidy/statements', label: '以案定补结算单', icon: <AccountBookOutlined />, roles: ['AUDITOR', 'ADMIN'] },
      ],
    },
    {
      group: '统计',
      entries: [{ path: '/statistics', label: '统计分析', icon: <BarChartOutlined />, roles: STATISTICS_ROLES }],
    },
  ];
}

export const INBOX_PATH = '/inbox';

/** Who reads the bureau's statistics (the API narrows directors to their own region). */
export const STATISTICS_ROLES = ['ADMIN', 'AUDITOR', 'COMMITTEE_DIRECTOR'];
