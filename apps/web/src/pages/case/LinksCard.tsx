import { Card, Empty, Flex, Tag } from 'antd';
import { Link } from 'react-router';
import type { CaseView } from '../../api/types';
import { chinaTime } from '../../lib/format';

/** Cases this one came from or was sent on to, across channels (e.g. 人民调解 → 司法确认). */
export function LinksCard({ view }: { view: CaseView }) {
  const none = !view.origin && !view.links.length;
  return (
    <Card size="small" title="关联案件" data-testid="links">
      {none ? <Empty description="没有关联案件" image={Empty.PRESENTED_IMAGE_SIMPLE} /> : null}
      <Flex vertical gap={8}>
        {view.origin ? (
          <div>
            <Tag color="purple">来源</Tag>由 {view.origin.orgName} 移送
            {view.origin.caseId && !view.links.some((l) => l.caseId === view.origin?.caseId) ? (
              <>
                {' '}
                · <Link to={`/cases/${view.origin.caseId}`}>查看原案件</Link>
              </>
            ) : null}
          </div>
        ) : null}
        {view.links.map((l) => (
          <div key={`${l.direction}-${l.caseId}`} data-testid="case-link">
            <Tag color={l.direction === 'TO' ? 'geekblue' : 'purple'}>{l.relationLabel}</Tag>
            {l.direction === 'TO' ? '已移送至' : '移送自'} {l.orgName}：<Link to={`/cases/${l.caseId}`}>{l.caseNo}</Link>
            <span style={{ color: '#999', fontSize: 12 }}> · {chinaTime(l.at)}</span>
          </div>
        ))}
      </Flex>
    </Card>
  );
}
