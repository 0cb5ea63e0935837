import { App, Button, Card, Empty, Flex, List, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, errorText } from '../api/client';
import { useApi } from '../api/hooks';
import type { NotificationItem, NotificationPage } from '../api/types';
import { ErrorNotice } from '../components/ErrorNotice';
import { NOTIFICATIONS_READ } from '../layout/NotificationBell';
import { chinaTime } from '../lib/format';

const PAGE_SIZE = 20;
const KIND_COLORS: Record<string, string> = { REMINDER: 'orange', ESCALATION: 'red', TRANSFER: 'blue', RETURNED: 'volcano', ASSIGNED: 'green' };

/** The person's notifications, newest first: reminders, 督办, transfers, returned transfers and cases assigned to them. */
export function NotificationsPage() {
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('unread') === 'true';
  const page = Number(params.get('page') ?? 1);
  const list = useApi<NotificationPage>('/notifications', { unread: unreadOnly || undefined, page, pageSize: PAGE_SIZE });
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);

  const read = async (n: NotificationItem, open: boolean) => {
    try {
      if (!n.read) {
        await api(`/notifications/${n.id}/read`, { method: 'POST' });
        window.dispatchEvent(new Event(NOTIFICATIONS_READ));
      }
      if (open) navigate(`/cases/${n.case.id}`);
      else list.reload();
    } catch (error) {
      message.error(errorText(error));
    }
  };
  const readAll = async () => {
    setBusy(true);
    try {
      const { marked } = await api<{ marked: number }>('/notifications/read-all', { method: 'POST' });
      message.success(`已将 ${marked} 条通知标记为已读`);
      window.dispatchEvent(new Event(NOTIFICATIONS_READ));
      list.reload();
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          通知
        </Typography.Title>
        <Space wrap>
          <Segmented
            value={unreadOnly ? 'unread' : 'all'}
            onChange={(v) => setParams(v === 'unread' ? { unread: 'true' } : {}, { replace: true })}
            options={[
              { value: 'all', label: '全部' },
              { value: 'unread', label: `未读${list.data ? `（${list.data.unread}）` : ''}` },
            ]}
          />
          <Button onClick={readAll} loading={busy} disabled={!list.data?.unread} data-testid="read-all">
            全部标记已读
          </Button>
        </Space>
      </Flex>
      <Card size="small">
        {list.error ? (
          <ErrorNotice error={list.error} onRetry={list.reload} />
        ) : (
          <List
            data-testid="notifications"
            loading={list.loading}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: <Empty description={unreadOnly ? '没有未读通知' : '暂无通知'} /> }}
            pagination={list.data && list.data.total > PAGE_SIZE ? { total: list.data.total, current: page, pageSize: PAGE_SIZE, onChange: (p) => setParams({ ...(unreadOnly ? { unread: 'true' } : {}), page: String(p) }), size: 'small' } : false}
            renderItem={(n) => (
              <List.Item
                data-testid={`notification-${n.id}`}
                data-read={n.read}
                actions={n.read ? [] : [<Button key="read" size="small" type="link" onClick={() => read(n, false)}>标记已读</Button>]}
              >
                <List.Item.Meta
                  title={
                    <Space wrap>
                      <Tag color={KIND_COLORS[n.kind] ?? 'default'}>{n.kindLabel}</Tag>
                      {n.personal ? <Tag>发给本人</Tag> : null}
                      {n.roles.length ? <Tag data-testid="addressed-roles">致{n.roles.map((r) => r.label).join('、')}</Tag> : null}
                      <Link to={`/cases/${n.case.id}`} onClick={(e) => (e.preventDefault(), read(n, true))}>
                        {n.case.caseNo}
                      </Link>
                      {n.read ? <Typography.Text type="secondary">已读</Typography.Text> : <Tag color="red">未读</Tag>}
                    </Space>
                  }
                  description={
                    <span style={{ color: n.read ? '#999' : undefined }}>
                      {n.message} · {chinaTime(n.createdAt)}
                    </span>
                  }
                />
              </List.Item>
            )}
          />
        )}
      </Card>
    </Flex>
  );
}
