import { BankOutlined, CalendarOutlined, DashboardOutlined, FileAddOutlined, InboxOutlined, SearchOutlined, TeamOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';

export interface MenuEntry {
  path: string;
  label: string;
  icon: ReactNode;
  /** Shown only to holders of one of these roles; everyone when absent. */
  roles?: string[];
}

/** Roles that open disputes (the 人民调解 workflow's opening roles, plus court clerks filing 司法确认 directly). */
export const OPENING_ROLES = ['INTAKE_CLERK', 'MEDIATOR', 'COMMITTEE_DIRECTOR', 'COURT_CLERK'];
export const COURT_ROLES = ['COURT_CLERK', 'JUDGE'];

export const MENU: { group?: string; entries: MenuEntry[] }[] = [
  {
    entries: [
      { path: '/', label: '工作台', icon: <DashboardOutlined /> },
      { path: '/cases', label: '案件查询', icon: <SearchOutlined /> },
      { path: '/cases/new', label: '登记案件', icon: <FileAddOutlined />, roles: OPENING_ROLES },
      { path: '/court/inbox', label: '法院收案', icon: <InboxOutlined />, roles: COURT_ROLES },
    ],
  },
  {
    group: '系统管理',
    entries: [
      { path: '/admin/users', label: '用户管理', icon: <TeamOutlined />, roles: ['ADMIN'] },
      { path: '/admin/organisations', label: '单位管理', icon: <BankOutlined />, roles: ['ADMIN'] },
      { path: '/admin/calendar', label: '节假日安排', icon: <CalendarOutlined />, roles: ['ADMIN'] },
    ],
  },
];

