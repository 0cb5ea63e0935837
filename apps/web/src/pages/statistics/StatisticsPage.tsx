import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Flex, Row, Statistic, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError, errorText, tokenStore } from '../../api/client';
import { useApi } from '../../api/hooks';
import { useSession } from '../../auth/session';
import { BarChart } from '../../components/BarChart';
import { ErrorNotice } from '../../components/ErrorNotice';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';

interface Figures {
  cases: number;
  closed: number;
  succeeded: number;
  performed: number;
  successRate: number | null;
  performanceRate: number | null;
  averageDays: number | null;
  overdueDeadlines: number;
  answered: number;
  satisfied: number;
  satisfactionRate: number | null;
}

interface StatisticsView {
  region: { code: string; name: string };
  from: string;
  to: string;
  totals: Figures;
  regions: ({ code: string; name: string } & Figures)[];
  workflows: ({ id: string; title: string } & Figures)[];
  categories: { code: string; label: string; cases: number; succeeded: number }[];
  sources: { code: string; label: string; cases: number }[];
  transfers: { from: { id: string; title: string }; to: { id: string; title: string }; sent: number; byStatus: Record<string, number> }[];
  mediators: { userId: string; name: string; orgName: string; answered: number; satisfied: number; satisfactionRate: number | null }[];
}

const percent = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

function figureColumns<T extends Figures>(): ColumnsType<T> {
  return [
    { title: '受理', dataIndex: 'cases', align: 'right' },
    { title: '结案', dataIndex: 'closed', align: 'right' },
    { title: '调解成功', dataIndex: 'succeeded', align: 'right' },
    { title: '成功率', dataIndex: 'successRate', align: 'right', render: percent },
    { title: '协议履行', dataIndex: 'performed', align: 'right' },
    { title: '履行率', dataIndex: 'performanceRate', align: 'right', render: percent },
    { title: '平均办理天数', dataIndex: 'averageDays', align: 'right', render: (v: number | null) => v ?? '—' },
    { title: '超期', dataIndex: 'overdueDeadlines', align: 'right' },
    { title: '群众满意率', dataIndex: 'satisfactionRate', align: 'right', render: (v: number | null, r) => (v === null ? '—' : `${percent(v)}（${r.answered}人）`) },
  ];
}

/** Downloads a workbook the API builds; the browser cannot send the bearer token with a plain link. */
async function download(path: string, query: Record<string, string>, filename: string) {
  const response = await fetch(`/api${path}?${new URLSearchParams({ ...query, format: 'xlsx' })}`, { headers: { Authorization: `Bearer ${tokenStore.get()}` } });
  if (!response.ok) throw new ApiError(response.status, null, `导出失败（${response.status}）`);
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  URL.revokeObjectURL(url);
}

/** 统计分析: the bureau's figures for a region and period, with charts, and the workbooks reported upward. */
export function StatisticsPage() {
  const { me } = useSession();
  const [regionCode, setRegionCode] = useState<string | undefined>(me?.regionCode);
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('year'), dayjs()]);
  const [month, setMonth] = useState<Dayjs>(dayjs().subtract(1, 'month'));
  const [exportError, setExportError] = useState<unknown>(null);
  const query = { regionCode: regionCode ?? '', from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
  const stats = useApi<StatisticsView>('/statistics', query);
  const view = stats.data;

  const run = (work: Promise<void>) => {
    setExportError(null);
    work.catch((e) => setExportError(new ApiError(0, null, errorText(e))));
  };

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        统计分析
      </Typography.Title>
      <Card>
        <Flex gap={8} wrap align="center">
          <div style={{ width: 260 }}>
            <RegionTreeSelect value={regionCode} onChange={setRegionCode} placeholder="统计区划" />
          </div>
          <DatePicker.RangePicker value={range} allowClear={false} onChange={(v) => v && v[0] && v[1] && setRange([v[0], v[1]])} aria-label="统计期间（按受理日期）" />
          <Button icon={<DownloadOutlined />} onClick={() => run(download('/statistics', query, `统计分析${query.from}至${query.to}.xlsx`))}>
            导出统计表
          </Button>
          <DatePicker picker="month" value={month} allowClear={false} onChange={(v) => v && setMonth(v)} aria-label="月报月份" />
          <Button icon={<DownloadOutlined />} onClick={() => run(download('/statistics/monthly-report', { regionCode: regionCode ?? '', month: month.format('YYYY-MM') }, `人民调解统计月报${month.format('YYYY-MM')}.xlsx`))}>
            导出人民调解月报
          </Button>
        </Flex>
      </Card>
      <ErrorNotice error={stats.error ?? exportError} onRetry={stats.reload} />
      {view && (
        <>
          <Row gutter={[16, 16]}>
            {[
              ['受理', view.totals.cases],
              ['调解成功率', percent(view.totals.successRate)],
              ['协议履行率', percent(view.totals.performanceRate)],
              ['平均办理天数', view.totals.averageDays ?? '—'],
              ['超期次数', view.totals.overdueDeadlines],
              ['群众满意率', percent(view.totals.satisfactionRate)],
            ].map(([title, value]) => (
              <Col key={String(title)} xs={12} md={8} xl={4}>
                <Card size="small">
                  <Statistic title={title} value={value} />
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Card title="各区划调解成功率" size="small">
                <BarChart title="各区划调解成功率" rows={view.regions.map((r) => ({ label: r.name, value: r.successRate }))} max={1} format={(v) => percent(v)} />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card title="纠纷类型" size="small">
                <BarChart title="各类纠纷受理数" rows={view.categories.map((c) => ({ label: c.label, value: c.cases }))} />
              </Card>
            </Col>
          </Row>
          <Card title={`按区划（${view.region.name}，${view.from} 至 ${view.to}）`} size="small">
            <Table rowKey="code" size="small" pagination={false} scroll={{ x: 1000 }} dataSource={view.regions} columns={[{ title: '区划', dataIndex: 'name', fixed: 'left' }, ...figureColumns()]} />
          </Card>
          <Card title="按渠道" size="small">
            <Table rowKey="id" size="small" pagination={false} scroll={{ x: 1000 }} dataSource={view.workflows} columns={[{ title: '渠道', dataIndex: 'title', fixed: 'left' }, ...figureColumns()]} />
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Card title="按来源" size="small">
                <Table rowKey="code" size="small" pagination={false} dataSource={view.sources} columns={[{ title: '案件来源', dataIndex: 'label' }, { title: '受理', dataIndex: 'cases', align: 'right' }]} />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card title="渠道间流转" size="small">
                <Table
                  rowKey={(t) => `${t.from.id}-${t.to.id}`}
                  size="small"
                  pagination={false}
                  dataSource={view.transfers}
                  columns={[
                    { title: '移出', render: (_, t) => t.from.title },
                    { title: '移入', render: (_, t) => t.to.title },
                    { title: '移送', dataIndex: 'sent', align: 'right' },
                    { title: '已签收', align: 'right', render: (_, t) => t.byStatus.ACCEPTED ?? 0 },
                    { title: '已退回', align: 'right', render: (_, t) => t.byStatus.RETURNED ?? 0 },
                  ]}
                />
              </Card>
            </Col>
          </Row>
          <Card title="调解员群众满意度" size="small">
            <Table
              rowKey="userId"
              size="small"
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              dataSource={view.mediators}
              columns={[
                { title: '调解员', dataIndex: 'name' },
                { title: '所在单位', dataIndex: 'orgName' },
                { title: '测评人数', dataIndex: 'answered', align: 'right' },
                { title: '满意及基本满意', dataIndex: 'satisfied', align: 'right' },
                { title: '满意率', dataIndex: 'satisfactionRate', align: 'right', render: percent },
              ]}
            />
          </Card>
        </>
      )}
    </Flex>
  );
}
