import { Card, Flex, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useApi } from '../api/hooks';
import type { InboxView } from '../api/types';
import { InboxList } from '../components/InboxList';

const PAGE_SIZE = 20;

/**
 * 收案箱: cases other organisations transferred to the person's — 司法确认 applications at a court, labour disputes at
 * the arbitration commission, court-entrusted mediations at a committee — waiting to be signed for (签收) or returned
 * (退回). Both are ordinary events of the receiving case; once signed for, the case is in the organisation's lists.
 */
export function InboxPage() {
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? 1);
  const inbox = useApi<InboxView>('/inbox', { page, pageSize: PAGE_SIZE });

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          收案箱
        </Typography.Title>
        <Typography.Text type="secondary">
          其他单位移送本单位的案件：阅看移送材料后签收，由本单位办理；不属于本单位处理或材料不齐的，写明理由退回。请在签收期限内处理。
        </Typography.Text>
      </div>
      <Card size="small" title={`待签收${inbox.data ? `（${inbox.data.total}）` : ''}`}>
        <InboxList inbox={inbox} pageSize={PAGE_SIZE} onPage={(p) => setParams({ page: String(p) })} />
      </Card>
    </Flex>
  );
}
