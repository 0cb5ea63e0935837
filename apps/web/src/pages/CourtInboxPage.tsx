import { Button, Card, Flex, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useApi, useShared } from '../api/hooks';
import type { CaseSummary, Page, WorkflowDescription } from '../api/types';
import { useSession } from '../auth/session';
import { CaseList } from '../components/CaseList';
import { ErrorNotice } from '../components/ErrorNotice';
import { EventModal } from '../components/EventModal';

const PAGE_SIZE = 20;

/**
 * 法院收案: 司法确认 applications transferred to this court, waiting to be signed for (SIGN_FOR) or returned
 * (RETURN) — ordinary events of the `jc` workflow in its `filed` state — and those signed for, under acceptance review.
 */
export function CourtInboxPage() {
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'review' ? 'review' : 'filed';
  const page = Number(params.get('page') ?? 1);
  const waiting = useApi<Page<CaseSummary>>('/cases', { workflow: 'jc', state: 'filed', orgId: me?.orgId, page: tab === 'filed' ? page : 1, pageSize: PAGE_SIZE });
  const review = useApi<Page<CaseSummary>>('/cases', { workflow: 'jc', state: 'acceptanceReview', orgId: me?.orgId, page: tab === 'review' ? page : 1, pageSize: PAGE_SIZE });
  const jc = useShared<WorkflowDescription>('/workflows/jc');
  const [acting, setActing] = useState<{ item: CaseSummary; type: 'SIGN_FOR' | 'RETURN'; label: string } | null>(null);

  const list = (q: typeof waiting, key: string, empty: string, withActions: boolean) =>
    q.error ? (
      <ErrorNotice error={q.error} onRetry={q.reload} />
    ) : (
      <CaseList
        items={q.data?.items ?? []}
        loading={q.loading}
        total={q.data?.total ?? 0}
        page={q.data?.page}
        pageSize={PAGE_SIZE}
        onPage={(p) => setParams({ tab: key, page: String(p) })}
        empty={empty}
        actions={
          withActions
            ? (item) => (
                <Flex gap={8} wrap>
                  <Button type="primary" size="small" onClick={() => setActing({ item, type: 'SIGN_FOR', label: '签收' })}>
                    签收
                  </Button>
                  <Button danger size="small" onClick={() => setActing({ item, type: 'RETURN', label: '退回' })}>
                    退回
                  </Button>
                </Flex>
              )
            : undefined
        }
      />
    );

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          法院收案
        </Typography.Title>
        <Typography.Text type="secondary">调解组织移送的司法确认申请：签收后进入立案审查；不属于本院管辖或材料不齐的，写明理由退回。</Typography.Text>
      </div>
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key })}
          items={[
            { key: 'filed', label: `待签收${waiting.data ? `（${waiting.data.total}）` : ''}`, children: list(waiting, 'filed', '没有等待签收的申请', true) },
            { key: 'review', label: `立案审查中${review.data ? `（${review.data.total}）` : ''}`, children: list(review, 'review', '没有立案审查中的申请', false) },
          ]}
        />
      </Card>
      <EventModal
        caseId={acting?.item.id ?? ''}
        caseNo={acting?.item.caseNo ?? ''}
        version={acting?.item.version ?? 0}
        event={acting ? { type: acting.type, label: acting.label } : null}
        spec={jc.data?.events.find((e) => e.type === acting?.type)}
        parties={[]}
        onClose={() => setActing(null)}
        onApplied={() => {
          setActing(null);
          waiting.reload();
          review.reload();
        }}
        onStale={() => waiting.reload()}
      />
    </Flex>
  );
}
