import { Button, Card, Empty, Flex, Grid, Pagination, Skeleton, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import { useSharedAll, type Loaded } from '../api/hooks';
import type { CaseView, InboxEntryView, InboxView, WorkflowDescription } from '../api/types';
import { useInboxCount } from '../layout/inbox-count';
import { chinaTime, daysLeftColor, daysLeftText } from '../lib/format';
import { StateTag } from './CaseTags';
import { ErrorNotice } from './ErrorNotice';
import { EventModal } from './EventModal';

interface Props {
  inbox: Loaded<InboxView>;
  pageSize: number;
  onPage: (page: number) => void;
  empty?: string;
}

const CASE_NO_WIDTH = 250;
const TRANSFER_WIDTH = 280;
const SUMMARY_MIN_WIDTH = 220;
const ACCEPTANCE_WIDTH = 210;
const ACTIONS_WIDTH = 150;

type Acting = { entry: InboxEntryView; view: CaseView; event: { type: string; label: string } };

/**
 * Transfers waiting for the person's organisation, as a table on an office screen and as cards on a phone: which
 * case, sent by whom along which route, by when it must be signed for, and the receiving case's own events (签收,
 * 退回), offered in the same dialog as on the case page. The inbox entry does not carry the case's summary, parties
 * or version, so each receiving case on the page is read too.
 */
export function InboxList({ inbox, pageSize, onPage, empty = '没有等待本单位签收的移送案件' }: Props) {
  const screens = Grid.useBreakpoint();
  const count = useInboxCount();
  const items = useMemo(() => inbox.data?.items ?? [], [inbox.data]);
  const views = useCaseViews(items);
  const workflowPaths = useMemo(() => [...new Set(items.map((e) => `/workflows/${e.workflow.id}?version=${e.workflow.version}`))], [items]);
  const workflows = useSharedAll<WorkflowDescription>(workflowPaths);
  const [acting, setActing] = useState<Acting | null>(null);
  const spec = acting ? workflows.data?.find((w) => w.id === acting.entry.workflow.id && w.version === acting.entry.workflow.version)?.events.find((e) => e.type === acting.event.type) : undefined;

  if (inbox.error) return <ErrorNotice error={inbox.error} onRetry={inbox.reload} />;
  const total = inbox.data?.total ?? 0;
  const pagination = { total, current: inbox.data?.page, pageSize, onChange: onPage, showTotal: (n: number) => `共 ${n} 件` };

  const actions = (entry: InboxEntryView) => {
    const view = views[entry.id];
    if (view === undefined) return <Skeleton.Button active size="small" />;
    if (!view?.availableEvents.length) return <Link to={`/cases/${entry.id}`}>查看</Link>;
    return (
      <Flex gap={8} wrap>
        {view.availableEvents.map((e, i) => (
          <Button key={e.type} size="small" type={i === 0 ? 'primary' : 'default'} disabled={!workflows.data} onClick={() => setActing({ entry, view, event: e })}>
            {e.label}
          </Button>
        ))}
      </Flex>
    );
  };

  const modal = (
    <EventModal
      caseId={acting?.entry.id ?? ''}
      caseNo={acting?.entry.caseNo ?? ''}
      version={acting?.view.version ?? 0}
      event={acting?.event ?? null}
      spec={spec}
      parties={acting?.view.parties ?? []}
      today={acting?.view.today}
      onClose={() => setActing(null)}
      onApplied={() => {
        setActing(null);
        inbox.reload();
        count.refresh();
      }}
      onStale={inbox.reload}
    />
  );

  if (!screens.md) {
    return (
      <Flex vertical gap={12} data-testid="inbox-cards">
        {inbox.loading && !items.length ? <Card loading /> : null}
        {!inbox.loading && !items.length ? <Empty description={empty} /> : null}
        {items.map((entry) => (
          <Card key={entry.transferId} size="small" title={<Link to={`/cases/${entry.id}`}>{entry.caseNo}</Link>} extra={<StateTag label={entry.stateLabel} />}>
            <Flex vertical gap={4} style={{ fontSize: 13 }}>
              <Summary view={views[entry.id]} />
              <Transfer entry={entry} />
              <Acceptance entry={entry} view={views[entry.id]} />
              <div style={{ marginTop: 4 }}>{actions(entry)}</div>
            </Flex>
          </Card>
        ))}
        {total > pageSize ? <Pagination size="small" align="center" {...pagination} /> : null}
        {modal}
      </Flex>
    );
  }

  // Widths fit a case number (（2026）枫源调字第1234号) and an organisation's full name on one line; longer text is cut
  // with … and shown whole on hover; a narrow window scrolls the table sideways, not the page.
  const columns: ColumnsType<InboxEntryView> = [
    {
      title: '案号',
      width: CASE_NO_WIDTH,
      render: (_, entry) => (
        <Flex vertical gap={4} align="stretch">
          <Link to={`/cases/${entry.id}`} className="cell-line" title={entry.caseNo} data-testid="inbox-case-no">
            {entry.caseNo}
          </Link>
          <span>
            <Tag color="volcano">{entry.workflow.title}</Tag>
            <StateTag label={entry.stateLabel} />
          </span>
          <Typography.Text type="secondary" className="cell-line" style={{ fontSize: 12 }} title={`一案一码 ${entry.disputeCode}`}>
            一案一码 {entry.disputeCode}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: '移送', width: TRANSFER_WIDTH, render: (_, entry) => <Transfer entry={entry} /> },
    // The one column without a width: it takes what the others leave.
    { title: '案情', render: (_, entry) => <Summary view={views[entry.id]} /> },
    { title: '签收期限', width: ACCEPTANCE_WIDTH, render: (_, entry) => <Acceptance entry={entry} view={views[entry.id]} /> },
    { title: '操作', width: ACTIONS_WIDTH, fixed: 'right', render: (_, entry) => actions(entry) },
  ];
  return (
    <>
      <Table<InboxEntryView>
        data-testid="inbox-table"
        rowKey="transferId"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={inbox.loading}
        pagination={total > pageSize ? pagination : false}
        scroll={{ x: CASE_NO_WIDTH + TRANSFER_WIDTH + SUMMARY_MIN_WIDTH + ACCEPTANCE_WIDTH + ACTIONS_WIDTH }}
        locale={{ emptyText: <Empty description={empty} /> }}
      />
      {modal}
    </>
  );
}

/** Where the case came from: the sending organisation, the route (its legal basis on hover) and when. */
function Transfer({ entry }: { entry: InboxEntryView }) {
  return (
    <Flex vertical gap={2} align="stretch" style={{ fontSize: 13, minWidth: 0 }}>
      <span className="cell-line" title={`移送单位：${entry.from.orgName}`} data-testid="inbox-from-org">
        移送单位：<Typography.Text strong>{entry.from.orgName}</Typography.Text>
      </span>
      <Tooltip title={entry.route.legalBasis ? `依据：${entry.route.legalBasis}` : undefined}>
        <span className="cell-line">{entry.route.label}</span>
      </Tooltip>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {chinaTime(entry.sentAt)} 移送
      </Typography.Text>
    </Flex>
  );
}

/** The acceptance deadline: due date, days left (from the case's own deadline of that id) and its legal basis. */
function Acceptance({ entry, view }: { entry: InboxEntryView; view: CaseView | null | undefined }) {
  const d = entry.acceptanceDeadline;
  if (!d) return <span style={{ color: '#999' }}>无</span>;
  const running = view?.deadlines.find((x) => x.specId === d.specId && x.status === 'pending');
  const color = d.overdue ? 'red' : running ? daysLeftColor(running.daysLeft) : 'blue';
  return (
    <Flex vertical gap={2} align="start" data-testid="acceptance-deadline">
      <Tooltip title={`依据：${d.legalBasis}`}>
        <Tag color={color} style={{ whiteSpace: 'normal', marginInlineEnd: 0 }}>
          {d.dueOn} 届满{running ? ` · ${daysLeftText(running.daysLeft)}` : d.overdue ? ' · 已逾期' : ''}
        </Tag>
      </Tooltip>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {d.label}
      </Typography.Text>
    </Flex>
  );
}

function Summary({ view }: { view: CaseView | null | undefined }) {
  if (view === undefined) return <Skeleton active title={false} paragraph={{ rows: 2 }} />;
  if (view === null) return <Typography.Text type="secondary">案件详情暂时无法读取，请打开案件查看。</Typography.Text>;
  return (
    <div style={{ minWidth: 0 }}>
      <Typography.Paragraph ellipsis={{ rows: 2, tooltip: view.summary }} style={{ marginBottom: 4 }}>
        {view.summary}
      </Typography.Paragraph>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {view.categoryLabel} · 当事人：{view.parties.map((p) => p.name).join('、')}
      </Typography.Text>
    </div>
  );
}

/**
 * The receiving cases of the entries, by id, as the person may see them (null: could not be read); reread whenever
 * the list is reloaded, as an entry's case may have changed.
 */
function useCaseViews(entries: InboxEntryView[]): Record<string, CaseView | null> {
  const [views, setViews] = useState<Record<string, CaseView | null>>({});
  useEffect(() => {
    if (!entries.length) return;
    const controller = new AbortController();
    Promise.allSettled(entries.map((e) => api<CaseView>(`/cases/${e.id}`, { signal: controller.signal }))).then((results) => {
      if (controller.signal.aborted) return;
      setViews(Object.fromEntries(entries.map((e, i) => [e.id, results[i].status === 'fulfilled' ? results[i].value : null])));
    });
    return () => controller.abort();
  }, [entries]);
  return views;
}
