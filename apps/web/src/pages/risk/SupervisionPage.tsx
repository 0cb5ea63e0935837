import { Card, Flex, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useApi } from '../../api/hooks';
import { ErrorNotice } from '../../components/ErrorNotice';
import { chinaTime } from '../../lib/format';
import type { SupervisionView } from './risk-types';

/**
 * 跟踪督办: every case the 综治中心 dispatched for one dispute (and what those sent on), with the deadlines still running
 * and those missed. 督办 itself is an event of the centre's case (SUPERVISE), sent from that case's page.
 */
export function SupervisionPage() {
  const { code = '' } = useParams();
  const view = useApi<SupervisionView>(`/disputes/${encodeURIComponent(code)}/supervision`);
  const data = view.data;
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          跟踪督办
        </Typography.Title>
        <Typography.Text type="secondary">
          一案一码 {code}：中心程序性推进、承办单位实质性化解。期限逾期或临期的，在中心案件上发送“督办”，承办单位会收到通知；全部案件办结后回访结案。
        </Typography.Text>
      </div>
      <ErrorNotice error={view.error} onRetry={view.reload} />
      {data ? (
        <>
          <Card size="small" title="中心受理案件">
            {data.centreCases.map((c) => (
              <Flex key={c.id} gap={8}>
                <Link to={`/cases/${c.id}`}>{c.caseNo}</Link>
                <Tag>{c.stateLabel}</Tag>
              </Flex>
            ))}
          </Card>
          <Card size="small" title={`分流案件（${data.cases.length}）`}>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={data.cases}
              columns={[
                { title: '案号', render: (_, c) => <Link to={`/cases/${c.id}`}>{c.caseNo}</Link> },
                { title: '渠道', render: (_, c) => <Tag color="volcano">{c.workflow.title}</Tag> },
                { title: '承办单位', dataIndex: 'orgName' },
                { title: '状态', render: (_, c) => <Tag color={c.closed ? 'default' : c.overdue ? 'red' : 'processing'}>{c.closed ? `已办结（${c.stateLabel}）` : c.stateLabel}</Tag> },
                { title: '分流时间', render: (_, c) => chinaTime(c.openedAt) },
                {
                  title: '期限',
                  render: (_, c) =>
                    c.deadlines.length ? (
                      <Flex vertical gap={2}>
                        {c.deadlines.map((d) => (
                          <span key={d.id} title={d.legalBasis}>
                            <Tag color={d.status === 'missed' ? 'red' : 'blue'}>{d.status === 'missed' ? '已逾期' : '进行中'}</Tag>
                            {d.label}：{d.dueOn}
                          </span>
                        ))}
                      </Flex>
                    ) : (
                      <Typography.Text type="secondary">无</Typography.Text>
                    ),
                },
              ]}
            />
          </Card>
        </>
      ) : null}
    </Flex>
  );
}
