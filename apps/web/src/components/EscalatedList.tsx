import { Empty, Table, Tag } from 'antd';
import { Link } from 'react-router';
import type { Loaded } from '../api/hooks';
import type { EscalatedDeadline, Page } from '../api/types';
import { countText } from '../lib/format';
import { ErrorNotice } from './ErrorNotice';

/** 督办: the missed deadlines of the organisations below the person's, most overdue first. */
export function EscalatedList({ list, onPage }: { list: Loaded<Page<EscalatedDeadline>>; onPage: (page: number) => void }) {
  if (list.error) return <ErrorNotice error={list.error} onRetry={list.reload} />;
  const data = list.data;
  return (
    <Table<EscalatedDeadline>
      data-testid="escalated-list"
      size="small"
      rowKey="deadlineId"
      loading={list.loading}
      dataSource={data?.items ?? []}
      locale={{ emptyText: <Empty description="下级单位没有逾期的期限" /> }}
      scroll={{ x: 640 }}
      pagination={data && data.total > data.pageSize ? { total: data.total, current: data.page, pageSize: data.pageSize, onChange: onPage, showTotal: (n: number) => `共 ${countText({ total: n, totalCapped: data.totalCapped })} 项` } : false}
      columns={[
        { title: '案号', render: (_, d) => <Link to={`/cases/${d.case.id}`}>{d.case.caseNo}</Link>, width: 170 },
        { title: '承办单位', render: (_, d) => d.org.name, width: 140 },
        { title: '环节', render: (_, d) => d.case.stateLabel, width: 100 },
        { title: '期限', render: (_, d) => `${d.label}（${d.legalBasis}）` },
        { title: '届满日', dataIndex: 'dueOn', width: 100 },
        { title: '逾期', render: (_, d) => <Tag color="red">{`逾期 ${d.daysOverdue} 天`}</Tag>, width: 100 },
      ]}
    />
  );
}
