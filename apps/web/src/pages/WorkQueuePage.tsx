import { FileAddOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Row, Statistic, Tabs, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useApi } from '../api/hooks';
import type { CaseSummary, Page } from '../api/types';
import { useSession } from '../auth/session';
import { CaseList } from '../components/CaseList';
import { DeadlineList, type DeadlineListItem } from '../components/DeadlineList';
import { ErrorNotice } from '../components/ErrorNotice';
import { COURT_ROLES, OPENING_ROLES } from '../layout/menu';

/** How far ahead "due soon" looks. */
const DUE_SOON_DAYS = 7;
const QUEUE_SIZE = 10;

type QueueKey = 'mine' | 'dueSoon' | 'overdue' | 'toSign';

/** The home page: what needs the person's attention today. */
export function WorkQueuePage() {
  const { me, hasRole } = useSession();
  const [params, setParams] = useSearchParams();
  const tab = (params.get('tab') as QueueKey | null) ?? 'mine';
  const page = Number(params.get('page') ?? 1);
  const pageOf = (key: QueueKey) => (tab === key ? page : 1);

  const mine = useApi<Page<CaseSummary>>('/cases', { assignee: 'me', closed: false, page: pageOf('mine'), pageSize: QUEUE_SIZE });
  const overdue = useApi<Page<CaseSummary>>('/cases', { overdue: true, page: pageOf('overdue'), pageSize: QUEUE_SIZE });
  const toSign = useApi<Page<CaseSummary>>('/cases', { state: 'filed', orgId: me?.orgId, page: pageOf('toSign'), pageSize: QUEUE_SIZE });
  const dueSoon = useApi<Page<DeadlineListItem>>('/deadlines', { status: 'pending', dueWithinDays: DUE_SOON_DAYS, pageSize: 50 });

  const select = (key: string) => setParams({ tab: key }, { replace: true });
  const onPage = (key: QueueKey) => (p: number) => setParams({ tab: key, page: String(p) }, { replace: true });
  const caseQueue = (key: QueueKey, q: typeof mine, empty: string) =>
    q.error ? (
      <ErrorNotice error={q.error} onRetry={q.reload} />
    ) : (
      <CaseList items={q.data?.items ?? []} loading={q.loading} total={q.data?.total ?? 0} page={q.data?.page} pageSize={QUEUE_SIZE} onPage={onPage(key)} empty={empty} />
    );

  const counters: { key: QueueKey; title: string; value: number | undefined; color?: string }[] = [
    { key: 'mine', title: '我的在办案件', value: mine.data?.total },
    { key: 'dueSoon', title: `即将到期（${DUE_SOON_DAYS}日内）`, value: dueSoon.data?.total, color: '#d46b08' },
    { key: 'overdue', title: '已逾期', value: overdue.data?.total, color: '#cf1322' },
    { key: 'toSign', title: '待签收', value: toSign.data?.total },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          工作台
        </Typography.Title>
        <Flex gap={8} wrap>
          {hasRole(...OPENING_ROLES) ? (
            <Link to="/cases/new">
              <Button type="primary" icon={<FileAddOutlined />}>
                登记案件
              </Button>
            </Link>
          ) : null}
          {hasRole(...COURT_ROLES) ? (
            <Link to="/court/inbox">
              <Button>法院收案</Button>
            </Link>
          ) : null}
        </Flex>
      </Flex>
      <Row gutter={[12, 12]}>
        {counters.map((c) => (
          <Col key={c.key} xs={12} md={6}>
            <Card size="small" hoverable onClick={() => select(c.key)} style={{ borderColor: tab === c.key ? '#b7472a' : undefined }} data-testid={`counter-${c.key}`}>
              <Statistic title={c.title} value={c.value ?? '—'} styles={{ content: { color: c.color } }} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={select}
          items={[
            { key: 'mine', label: '我的案件', children: caseQueue('mine', mine, '您名下没有在办案件') },
            {
              key: 'dueSoon',
              label: '即将到期',
              children: dueSoon.error ? <ErrorNotice error={dueSoon.error} onRetry={dueSoon.reload} /> : <DeadlineList items={dueSoon.data?.items ?? []} loading={dueSoon.loading} empty={`${DUE_SOON_DAYS}日内没有到期的期限`} />,
            },
            { key: 'overdue', label: '已逾期', children: caseQueue('overdue', overdue, '没有逾期案件') },
            { key: 'toSign', label: '待签收', children: caseQueue('toSign', toSign, '没有等待本单位签收的移送案件') },
          ]}
        />
      </Card>
    </Flex>
  );
}
