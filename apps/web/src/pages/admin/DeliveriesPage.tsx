import { App, Button, Card, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { useApi } from '../../api/hooks';
import type { Answer, Page } from '../../api/types';
import { ErrorNotice } from '../../components/ErrorNotice';
import { chinaTime } from '../../lib/format';

type Subscription = Answer<'AdminWebhooksController_list'>['items'][number];
type Delivery = Answer<'AdminWebhooksController_deliveries'>['items'][number];
type OutboxMessage = Answer<'AdminOutboxController_stuck'>['items'][number];

const all = (list: string[], what: string) => (list.length ? list.join('、') : `全部${what}`);

/**
 * 推送与消息: what the engine could not deliver — webhook deliveries to other systems that used up their retries, and
 * messages between cases that failed every attempt — each with 重新投递, beside the subscriptions they belong to.
 */
export function DeliveriesPage() {
  const { message } = App.useApp();
  const subscriptions = useApi<{ items: Subscription[] }>('/admin/webhooks');
  const failed = useApi<Page<Delivery>>('/admin/webhooks/deliveries', { state: 'failed', pageSize: 200 });
  const stuck = useApi<Page<OutboxMessage>>('/admin/outbox/stuck', { pageSize: 200 });
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const nameOf = (id: string) => subscriptions.data?.items.find((s) => s.id === id)?.name ?? id;

  const replay = async (key: string, path: string, done: (n: number) => string) => {
    setBusy(key);
    setError(null);
    try {
      const answer = await api<{ replayed: string[] }>(path, { method: 'POST' });
      message.success(done(answer.replayed.length));
      failed.reload();
      stuck.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        推送与消息
      </Typography.Title>
      <ErrorNotice error={error} />
      <Card
        size="small"
        title={`投递失败的推送（${failed.data?.total ?? 0}）`}
        extra={
          <Popconfirm title="全部重新投递？" onConfirm={() => replay('deliveries', '/admin/webhooks/deliveries/replay', (n) => `已重新投递 ${n} 条推送`)}>
            <Button disabled={!failed.data?.total} loading={busy === 'deliveries'}>
              全部重新投递
            </Button>
          </Popconfirm>
        }
      >
        <ErrorNotice error={failed.error} onRetry={failed.reload} />
        <Table<Delivery>
          rowKey="id"
          size="small"
          loading={failed.loading}
          dataSource={failed.data?.items ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: '没有投递失败的推送' }}
          columns={[
            { title: '订阅', dataIndex: 'subscriptionId', render: nameOf },
            { title: '案号', key: 'caseNo', render: (_, d) => d.payload.data.caseNo },
            { title: '事件', dataIndex: 'eventType', width: 160 },
            { title: '尝试次数', dataIndex: 'attempts', width: 90 },
            { title: '最后一次', dataIndex: 'lastAttemptAt', width: 150, render: (at: string | null) => (at ? chinaTime(at) : '—') },
            { title: '错误', dataIndex: 'lastError', render: (e: string | null) => <Typography.Text type="danger">{e ?? '—'}</Typography.Text> },
            {
              title: '操作',
              key: 'replay',
              width: 110,
              render: (_, d) => (
                <Button size="small" loading={busy === d.id} onClick={() => replay(d.id, `/admin/webhooks/deliveries/${d.id}/replay`, () => '已重新投递')}>
                  重新投递
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={`滞留的案件间消息（${stuck.data?.total ?? 0}）`}
        extra={
          <Popconfirm title="全部重新投递？" onConfirm={() => replay('outbox', '/admin/outbox/replay', (n) => `已重新投递 ${n} 条消息`)}>
            <Button disabled={!stuck.data?.total} loading={busy === 'outbox'}>
              全部重新投递
            </Button>
          </Popconfirm>
        }
      >
        <ErrorNotice error={stuck.error} onRetry={stuck.reload} />
        <Table<OutboxMessage>
          rowKey="id"
          size="small"
          loading={stuck.loading}
          dataSource={stuck.data?.items ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: '没有滞留的消息' }}
          columns={[
            { title: '事件', dataIndex: 'eventType', width: 180 },
            { title: '送往案件', dataIndex: 'targetCaseId', render: (id: string) => <Link to={`/cases/${id}`}>{id.slice(0, 8)}</Link> },
            { title: '产生时间', dataIndex: 'createdAt', width: 150, render: chinaTime },
            { title: '尝试次数', dataIndex: 'attempts', width: 90 },
            { title: '错误', dataIndex: 'lastError', render: (e: string | null) => <Typography.Text type="danger">{e ?? '—'}</Typography.Text> },
            {
              title: '操作',
              key: 'replay',
              width: 110,
              render: (_, m) => (
                <Button size="small" loading={busy === m.id} onClick={() => replay(m.id, `/admin/outbox/${m.id}/replay`, () => '已重新投递')}>
                  重新投递
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title="推送订阅">
        <ErrorNotice error={subscriptions.error} onRetry={subscriptions.reload} />
        <Table<Subscription>
          rowKey="id"
          size="small"
          loading={subscriptions.loading}
          dataSource={subscriptions.data?.items ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: '尚无订阅（通过 POST /api/admin/webhooks 新建，见 docs/webhooks.md）' }}
          columns={[
            { title: '名称', dataIndex: 'name' },
            { title: '接收地址', dataIndex: 'url' },
            { title: '流程', dataIndex: 'workflowIds', render: (l: string[]) => all(l, '流程') },
            { title: '单位', key: 'orgs', render: (_, s) => `${all(s.orgIds, '单位')}${s.includeSubOrgs && s.orgIds.length ? '及下级' : ''}` },
            { title: '事件', dataIndex: 'eventTypes', render: (l: string[]) => all(l, '事件') },
            { title: '状态', dataIndex: 'active', width: 80, render: (a: boolean) => (a ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>) },
          ]}
        />
      </Card>
    </Flex>
  );
}
