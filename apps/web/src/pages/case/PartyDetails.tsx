import { Descriptions } from 'antd';
import type { Party } from '../../api/types';

/** Whether a party has any of the details beyond name, ID number, phone and address. */
export const hasPartyDetails = (p: Party) => !!(p.sex || p.ethnicity || p.dateOfBirth || p.occupation || p.agent);

/** 性别、民族、出生日期、职业 and the agent (代理人), masked as the API returns them. */
export function PartyDetails({ party }: { party: Party }) {
  const a = party.agent;
  const items = [
    ...(party.sexLabel ? [{ key: 'sex', label: '性别', children: party.sexLabel }] : []),
    ...(party.ethnicity ? [{ key: 'ethnicity', label: '民族', children: party.ethnicity }] : []),
    ...(party.dateOfBirth ? [{ key: 'dateOfBirth', label: '出生日期', children: party.dateOfBirth }] : []),
    ...(party.occupation ? [{ key: 'occupation', label: '职业', children: party.occupation }] : []),
    ...(a
      ? [
          {
            key: 'agent',
            label: a.kindLabel,
            children: [a.name, a.relation, a.phone, a.idNumber].filter(Boolean).join('，'),
          },
        ]
      : []),
  ];
  return <Descriptions size="small" column={{ xs: 1, md: 2 }} items={items} data-testid={`party-details-${party.id}`} />;
}

/** 12000.50 → 12,000.50 元 */
export const yuan = (amount: string) => `${Number(amount).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 元`;
