import { Card, Empty, Flex, Grid, Pagination, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import type { CaseSummary } from '../api/types';
import { chinaTime, countText } from '../lib/format';
import { NextDeadlineTag, StateTag } from './CaseTags';

interface Props {
  items: CaseSummary[];
  loading?: boolean;
  total?: number;
  /** More cases match than `total` (the case list counts to 1000): shown as 共 1000+ 件. */
  totalCapped?: boolean;
  page?: number;
  pageSize?: number;
  onPage?: (page: number, pageSize: number) => void;
  empty?: string;
}

const SUMMARY_MIN_WIDTH = 140;

/** Cases as a table on an office screen and as cards on a phone, so nothing is wider than the screen. */
export function CaseList({ items, loading, total, totalCapped, page, pageSize, onPage, empty = '暂无案件' }: Props) {
  const screens = Grid.useBreakpoint();
  const pagination =
    total !== undefined && onPage ? { total, current: page, pageSize, onChange: onPage, showSizeChanger: true, showTotal: (n: number) => `共 ${countText({ total: n, totalCapped })} 件` } : false;

  if (!screens.md) {
    return (
      <Flex vertical gap={12} data-testid="case-cards">
        {loading && !items.length ? <Card loading /> : null}
        {!loading && !items.length ? <Empty description={empty} /> : null}
        {items.map((c) => (
          <Card key={c.id} size="small" title={<Link to={`/cases/${c.id}`}>{c.caseNo}</Link>} extra={<StateTag label={c.stateLabel} closed={c.closed} />}>
            <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 8 }}>
              {c.summary}
            </Typography.Paragraph>
            <div style={{ color: '#666', fontSize: 13, lineHeight: 1.8 }}>
              <div>
                {c.workflow.title} · {c.categoryLabel} · {c.regionName}
              </div>
              <div>当事人：{c.partyNames.join('、')}</div>
              <div>承办：{c.orgName}{c.assigneeName ? ` · ${c.assigneeName}` : ''}</div>
              {c.originOrgName && <div>移送自：{c.originOrgName}</div>}
              <div>
                期限：<NextDeadlineTag deadline={c.nextDeadline} />
              </div>
            </div>
          </Card>
        ))}
        {pagination ? <Pagination size="small" align="center" {...pagination} showSizeChanger={false} /> : null}
      </Flex>
    );
  }

  const columns: ColumnsType<CaseSummary> = [
    { title: '案号', dataIndex: 'caseNo', render: (no: string, c) => <Link to={`/cases/${c.id}`}>{no}</Link>, width: 170 },
    { title: '状态', dataIndex: 'stateLabel', render: (label: string, c) => <StateTag label={label} closed={c.closed} />, width: 110 },
    { title: '流程', render: (_, c) => c.workflow.title, width: 76 },
    { title: '纠纷类别', dataIndex: 'categoryLabel', width: 84 },
    // The one column without a width: it takes what the others leave, and never less than SUMMARY_MIN_WIDTH.
    { title: '简要情况', dataIndex: 'summary', ellipsis: true },
    { title: '当事人', render: (_, c) => c.partyNames.join('、'), width: 100, ellipsis: true },
    {
      title: '承办',
      render: (_, c) => `${c.orgName}${c.assigneeName ? ` · ${c.assigneeName}` : ''}${c.originOrgName ? `（移送自${c.originOrgName}）` : ''}`,
      width: 160,
      ellipsis: true,
    },
    { title: '下一期限', render: (_, c) => <NextDeadlineTag deadline={c.nextDeadline} />, width: 170 },
  ];
  if (screens.xxl) columns.push({ title: '更新时间', dataIndex: 'updatedAt', render: (at: string) => chinaTime(at), width: 140 });
  // Below this width the table scrolls inside its card instead of widening the page.
  const width = columns.reduce((sum, col) => sum + Number(col.width ?? 0), SUMMARY_MIN_WIDTH);

  return (
    <Table<CaseSummary>
      data-testid="case-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={pagination}
      scroll={{ x: width }}
      locale={{ emptyText: <Empty description={empty} /> }}
    />
  );
}
