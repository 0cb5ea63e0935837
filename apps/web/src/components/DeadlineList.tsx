import { Card, Empty, Flex, Grid, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import type { Schemas } from '../api/types';
import { daysLeftColor, daysLeftText, DAY_TYPE_LABELS } from '../lib/format';

/** One row of `GET /api/deadlines`: a deadline with the case it belongs to. */
export type DeadlineListItem = Schemas['DeadlineListItem'];

/** Deadlines across cases, soonest first: a table on an office screen, cards on a phone. */
export function DeadlineList({ items, loading, empty = '暂无期限' }: { items: DeadlineListItem[]; loading?: boolean; empty?: string }) {
  const screens = Grid.useBreakpoint();
  const left = (d: DeadlineListItem) => <Tag color={daysLeftColor(d.daysLeft)}>{daysLeftText(d.daysLeft)}</Tag>;
  if (!screens.md) {
    return (
      <Flex vertical gap={12}>
        {!loading && !items.length ? <Empty description={empty} /> : null}
        {items.map((d) => (
          <Card key={d.id} size="small" title={<Link to={`/cases/${d.case.id}`}>{d.case.caseNo}</Link>} extra={left(d)}>
            <div>{d.label}</div>
            <div style={{ color: '#666', fontSize: 13 }}>
              {d.dueOn} 届满（{DAY_TYPE_LABELS[d.dayType] ?? d.dayType}）· {d.legalBasis}
            </div>
          </Card>
        ))}
      </Flex>
    );
  }
  const columns: ColumnsType<DeadlineListItem> = [
    { title: '案号', render: (_, d) => <Link to={`/cases/${d.case.id}`}>{d.case.caseNo}</Link>, width: 200 },
    { title: '期限', dataIndex: 'label' },
    { title: '届满日', dataIndex: 'dueOn', width: 110 },
    { title: '剩余', render: (_, d) => left(d), width: 110 },
    { title: '计算方式', render: (_, d) => DAY_TYPE_LABELS[d.dayType] ?? d.dayType, width: 90 },
    { title: '法律依据', dataIndex: 'legalBasis', ellipsis: true },
    { title: '案件状态', render: (_, d) => d.case.stateLabel, width: 120 },
    { title: '承办单位', render: (_, d) => d.org.name, width: 190, ellipsis: true },
  ];
  return <Table rowKey="id" size="middle" columns={columns} dataSource={items} loading={loading} pagination={false} scroll={{ x: 1100 }} locale={{ emptyText: <Empty description={empty} /> }} />;
}
