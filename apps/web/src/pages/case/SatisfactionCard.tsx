import { Button, Card, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { useApi } from '../../api/hooks';
import type { CaseView } from '../../api/types';
import { ErrorNotice } from '../../components/ErrorNotice';

interface PartyLink {
  partyId: string;
  roleLabel: string;
  answered: boolean;
  link: { token: string; path: string; expiresAt: string; usedAt: string | null; expired: boolean } | null;
}

/**
 * 群众满意度测评 links of a closed 人民调解 case, for its handling organisation: the mediator hands each party its link
 * (by text message or in person); a party heard at the follow-up visit needs none.
 */
export function SatisfactionCard({ view }: { view: CaseView }) {
  const show = view.workflow.id === 'pm' && !view.personalDataMasked;
  const links = useApi<PartyLink[]>(show ? `/cases/${view.id}/satisfaction-links` : null);
  const [error, setError] = useState<unknown>(null);
  if (!show || (links.error && !links.data)) return null;
  const issue = async () => {
    setError(null);
    try {
      await api(`/cases/${view.id}/satisfaction-links`, { method: 'POST' });
      links.reload();
    } catch (e) {
      setError(e);
    }
  };
  const name = (partyId: string) => view.parties.find((p) => p.id === partyId)?.name ?? partyId;
  return (
    <Card size="small" title="群众满意度测评" extra={<Button size="small" onClick={issue}>发放测评链接</Button>}>
      <ErrorNotice error={error} style={{ marginBottom: 8 }} />
      <List
        size="small"
        dataSource={links.data ?? []}
        renderItem={(p) => (
          <List.Item>
            <span>
              {name(p.partyId)}（{p.roleLabel}）
            </span>
            {p.answered ? (
              <Tag color="green">已评价</Tag>
            ) : p.link && !p.link.expired ? (
              <Typography.Text copyable={{ text: `${window.location.origin}${p.link.path}` }}>{p.link.path}</Typography.Text>
            ) : (
              <Tag>{p.link ? '链接已过期' : '未发放'}</Tag>
            )}
          </List.Item>
        )}
      />
    </Card>
  );
}
