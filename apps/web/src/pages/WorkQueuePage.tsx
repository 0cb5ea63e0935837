import { FileAddOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Row, Statistic, Tabs, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useAccess } from '../api/channels';
import { useApi } from '../api/hooks';
import type { CaseSummary, EscalatedDeadline, InboxView, Page, UnassignedCase } from '../api/types';
import { useSession } from '../auth/session';
import { CaseList } from '../components/CaseList';
import { DeadlineList, type DeadlineListItem } from '../components/DeadlineList';
import { ErrorNotice } from '../components/ErrorNotice';
import { EscalatedList } from '../components/EscalatedList';
import { InboxList } from '../components/InboxList';
import { UnassignedQueue } from '../components/UnassignedQueue';
import { INBOX_PATH } from '../layout/menu';
import { countText } from '../lib/format';

/** How far ahead "due soon" looks. */
const DUE_SOON_DAYS = 7;
const QUEUE_SIZE = 10;

type QueueKey = 'mine' | 'team' | 'dueSoon' | 'overdue' | 'toSign' | 'unassigned' | 'escalated';

/** The home page: what needs the person's attention today; transfers to sign for, for those with a 收案箱. */
export function WorkQueuePage() {
  const { hasRole } = useSession();
  const { access, channels } = useAccess();
  const channelQueues = (channels?.channels ?? []).flatMap((c) => c.queues.filter((q) => hasRole(...q.roles)).map((q) => ({ ...q, channel: c.title })));
  const canOpen = !!access && hasRole(...access.openingRoles);
  const hasInbox = !!access && hasRole(...access.inboxRoles);
  const [params, setParams] = useSearchParams();
  const asked = (params.get('tab') as QueueKey | null) ?? 'mine';
  const tab = asked === 'toSign' && access && !hasInbox ? 'mine' : asked;
  const page = Number(params.get('page') ?? 1);
  const pageOf = (key: QueueKey) => (tab === key ? page : 1);

  const mine = useApi<Page<CaseSummary>>('/cases', { assignee: 'me', closed: false, page: pageOf('mine'), pageSize: QUEUE_SIZE });
  // Cases the person works on as a member of the case's team: a co-mediator, or someone of another organisation.
  const team = useApi<Page<CaseSummary>>('/cases', { team: 'mine', closed: false, page: pageOf('team'), pageSize: QUEUE_SIZE });
  const hasTeam = !!team.data?.total || tab === 'team';
  const overdue = useApi<Page<CaseSummary>>('/cases', { overdue: true, page: pageOf('overdue'), pageSize: QUEUE_SIZE });
  const toSign = useApi<InboxView>(hasInbox ? '/inbox' : null, { page: pageOf('toSign'), pageSize: QUEUE_SIZE });
  const dueSoon = useApi<Page<DeadlineListItem>>('/deadlines', { status: 'pending', dueWithinDays: DUE_SOON_DAYS, perCase: true, pageSize: 50 });
  // The engine says who may see these queues (a 403 for the others): each shows only once it has loaded.
  const unassigned = useApi<Page<UnassignedCase>>('/queues/unassigned', { page: pageOf('unassigned'), pageSize: QUEUE_SIZE });
  const escalated = useApi<Page<EscalatedDeadline>>('/queues/escalated', { page: pageOf('escalated'), pageSize: QUEUE_SIZE });
  const hasUnassigned = !!unassigned.data;
  const hasEscalated = !!escalated.data;
  const reloadQueues = () => {
    unassigned.reload();
    mine.reload();
  };

  const select = (key: string) => setParams({ tab: key }, { replace: true });
  const onPage = (key: QueueKey) => (p: number) => setParams({ tab: key, page: String(p) }, { replace: true });
  const caseQueue = (key: QueueKey, q: typeof mine, empty: string) =>
    q.error ? (
      <ErrorNotice error={q.error} onRetry={q.reload} />
    ) : (
      <CaseList items={q.data?.items ?? []} loading={q.loading} total={q.data?.total ?? 0} totalCapped={q.data?.totalCapped} page={q.data?.page} pageSize={QUEUE_SIZE} onPage={onPage(key)} empty={empty} />
    );

  const counters: { key: QueueKey; title: string; value: number | string | undefined; color?: string }[] = [
    { key: 'mine', title: '我的在办案件', value: countText(mine.data) },
    ...(hasTeam ? [{ key: 'team' as const, title: '我参与的', value: countText(team.data) }] : []),
    { key: 'dueSoon', title: `即将到期（${DUE_SOON_DAYS}日内）`, value: countText(dueSoon.data), color: '#d46b08' },
    { key: 'overdue', title: '已逾期', value: countText(overdue.data), color: '#cf1322' },
    ...(hasInbox ? [{ key: 'toSign' as const, title: '待签收', value: toSign.data?.total }] : []),
    ...(hasUnassigned ? [{ key: 'unassigned' as const, title: '待分配', value: countText(unassigned.data), color: '#1d39c4' }] : []),
    ...(hasEscalated ? [{ key: 'escalated' as const, title: '督办（下级单位逾期）', value: countText(escalated.data), color: '#cf1322' }] : []),
  ];

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          工作台
        </Typography.Title>
        <Flex gap={8} wrap>
          {canOpen ? (
            <Link to="/cases/new">
              <Button type="primary" icon={<FileAddOutlined />}>
                登记案件
              </Button>
            </Link>
          ) : null}
          {hasInbox ? (
            <Link to={INBOX_PATH}>
              <Button>收案箱</Button>
            </Link>
          ) : null}
        </Flex>
      </Flex>
      <Row gutter={[12, 12]}>
        {counters.map((c) => (
          <Col key={c.key} xs={12} md={Math.floor(24 / counters.length)}>
            <Card size="small" hoverable onClick={() => select(c.key)} style={{ borderColor: tab === c.key ? '#b7472a' : undefined }} data-testid={`counter-${c.key}`}>
              <Statistic title={c.title} value={c.value ?? '—'} styles={{ content: { color: c.color } }} />
            </Card>
          </Col>
        ))}
      </Row>
      {channelQueues.length ? (
        <Row gutter={[12, 12]} data-testid="channel-queues">
          {channelQueues.map((q) => (
            <Col key={q.id} xs={12} md={6}>
              <QueueCard id={q.id} label={q.label} channel={q.channel} />
            </Col>
          ))}
        </Row>
      ) : null}
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={select}
          items={[
            { key: 'mine', label: '我的案件', children: caseQueue('mine', mine, '您名下没有在办案件') },
            ...(hasTeam ? [{ key: 'team', label: '我参与的', children: caseQueue('team', team, '您没有以团队成员身份参与的在办案件') }] : []),
            {
              key: 'dueSoon',
              label: '即将到期',
              children: dueSoon.error ? <ErrorNotice error={dueSoon.error} onRetry={dueSoon.reload} /> : <DeadlineList items={dueSoon.data?.items ?? []} loading={dueSoon.loading} empty={`${DUE_SOON_DAYS}日内没有到期的期限`} />,
            },
            { key: 'overdue', label: '已逾期', children: caseQueue('overdue', overdue, '没有逾期案件') },
            ...(hasInbox ? [{ key: 'toSign', label: '待签收', children: <InboxList inbox={toSign} pageSize={QUEUE_SIZE} onPage={onPage('toSign')} /> }] : []),
            ...(hasUnassigned ? [{ key: 'unassigned', label: '待分配', children: <UnassignedQueue queue={unassigned} onChanged={reloadQueues} onPage={onPage('unassigned')} /> }] : []),
            ...(hasEscalated ? [{ key: 'escalated', label: '督办', children: <EscalatedList list={escalated} onPage={onPage('escalated')} /> }] : []),
          ]}
        />
      </Card>
    </Flex>
  );
}

/** One work queue a channel declares for the person's roles, with its count; opens the case list filtered by it. */
function QueueCard({ id, label, channel }: { id: string; label: string; channel: string }) {
  const count = useApi<Page<CaseSummary>>('/cases', { queue: id, page: 1, pageSize: 1 });
  return (
    <Link to={`/cases?queue=${encodeURIComponent(id)}`} data-testid={`queue-${id}`}>
      <Card size="small" hoverable>
        <Statistic title={label} value={countText(count.data) ?? '—'} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {channel}
        </Typography.Text>
      </Card>
    </Link>
  );
}
