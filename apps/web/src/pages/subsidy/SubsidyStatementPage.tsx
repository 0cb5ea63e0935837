import { DownloadOutlined, FileSearchOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Drawer, Flex, Input, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api, ApiError, tokenStore } from '../../api/client';
import { useApi } from '../../api/hooks';
import { ErrorNotice } from '../../components/ErrorNotice';
import { AuditVerificationJobPanel } from '../audit/AuditVerificationJobPanel';
import type { Statement, StatementLine } from './subsidy-types';

interface Verdict {
  ok: boolean;
  checked: number;
  firstBroken: number | null;
  firstBrokenCaseId: string | null;
}

/** The quarter before this one: statements are published quarterly (永川). */
function lastQuarter(): [Dayjs, Dayjs] {
  const quarterStart = dayjs().startOf('month').month(Math.floor(dayjs().month() / 3) * 3);
  return [quarterStart.subtract(3, 'month'), quarterStart.subtract(1, 'day')];
}

/**
 * 以案定补结算单: approved claims of an organisation over a period, as on screen, CSV or .xlsx, and the audit-chain
 * check: at once over one snapshot, or for the whole log as a background job.
 */
export function SubsidyStatementPage() {
  const [orgId, setOrgId] = useState('org-justice-bureau');
  const [range, setRange] = useState<[Dayjs, Dayjs]>(lastQuarter);
  const query = { orgId, from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
  const statement = useApi<Statement>('/subsidy/statements', query);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [jobOpen, setJobOpen] = useState(false);

  const download = async (format: 'csv' | 'xlsx') => {
    setError(null);
    const res = await fetch(`/api/subsidy/statements?${new URLSearchParams({ ...query, format })}`, { headers: { Authorization: `Bearer ${tokenStore.get()}` } });
    if (!res.ok) return setError(new ApiError(res.status, null, `下载失败（${res.status}）`));
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = `以案定补结算单-${query.from}-${query.to}.${format}`;
    a.click();
    URL.revokeObjectURL(url);
  };
  const verify = async () => {
    setError(null);
    try {
      setVerdict(await api<Verdict>('/audit/verify'));
    } catch (e) {
      setError(e);
    }
  };

  const columns: ColumnsType<StatementLine> = [
    { title: '案号', dataIndex: 'caseNo' },
    { title: '档次', dataIndex: 'tier' },
    { title: '金额（元）', dataIndex: 'amount', align: 'right' },
    { title: '资金来源', dataIndex: 'fundingSource' },
    { title: '调解员', dataIndex: 'mediatorName' },
    { title: '当事人', dataIndex: 'parties' },
    { title: '履行日期', dataIndex: 'performedOn' },
    { title: '标准版本', dataIndex: 'tariffVersion' },
    { title: '审计记录', render: (_, l) => <Typography.Text code>{`#${l.auditSeq} ${l.auditHash.slice(0, 12)}…`}</Typography.Text> },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          以案定补结算单
        </Typography.Title>
        <Space wrap>
          <Button icon={<SafetyCertificateOutlined />} onClick={verify}>
            校验审计链
          </Button>
          <Button icon={<FileSearchOutlined />} onClick={() => setJobOpen(true)}>
            全量校验（后台）
          </Button>
        </Space>
      </Flex>
      <Drawer title="审计链全量校验" open={jobOpen} onClose={() => setJobOpen(false)} size={720} destroyOnHidden>
        <AuditVerificationJobPanel />
      </Drawer>
      <Card>
        {verdict && (
          <Alert
            style={{ marginBottom: 12 }}
            type={verdict.ok ? 'success' : 'error'}
            message={verdict.ok ? `审计链完整：共校验 ${verdict.checked} 条记录` : `审计链在案件 ${verdict.firstBrokenCaseId} 第 ${verdict.firstBroken} 条记录处断开`}
          />
        )}
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Input aria-label="单位" style={{ width: 220 }} value={orgId} onChange={(e) => setOrgId(e.target.value)} />
          <DatePicker.RangePicker value={range} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} />
          <Space>
            <Button icon={<DownloadOutlined />} onClick={() => download('xlsx')}>
              导出 Excel
            </Button>
            <Button icon={<DownloadOutlined />} onClick={() => download('csv')}>
              导出 CSV
            </Button>
          </Space>
        </Flex>
        <ErrorNotice error={statement.error ?? error} style={{ marginBottom: 12 }} />
        <Table<StatementLine>
          rowKey="caseId"
          size="middle"
          columns={columns}
          dataSource={statement.data?.lines ?? []}
          loading={statement.loading}
          scroll={{ x: 1100 }}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={2}>
                合计（{statement.data?.lines.length ?? 0} 件）
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                {statement.data?.total ?? '0.00'}
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      </Card>
    </Flex>
  );
}
