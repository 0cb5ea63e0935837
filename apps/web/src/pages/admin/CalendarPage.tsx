import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Input, Table, Tag, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { ApiError, api } from '../../api/client';
import { useApi } from '../../api/hooks';
import type { AdminUser, Page } from '../../api/types';
import { ErrorNotice } from '../../components/ErrorNotice';
import { chinaTime } from '../../lib/format';

interface CalendarYear {
  year: number;
  source: string;
  origin: 'bundled' | 'imported';
  importedAt: string | null;
  importedBy: string | null;
  holidays: number;
  makeupWorkdays: number;
}

interface ImportResult {
  imported: CalendarYear[];
  recomputed: { deadlineId: string; caseId: string; specId: string; before: { dueOn: string; provisional: boolean }; after: { dueOn: string; provisional: boolean } }[];
  stillProvisional: number;
}

/** What the pasted text holds, checked in the browser before anything is sent. */
function preview(text: string): { body?: unknown; years?: { year: string; source: string; holidays: number; makeupWorkdays: number }[]; problem?: string } {
  if (!text.trim()) return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (e) {
    return { problem: `不是有效的 JSON：${(e as Error).message}` };
  }
  const years = (body as { years?: unknown })?.years;
  if (!years || typeof years !== 'object') return { problem: '缺少 "years"：内容应与 holidays-cn.json 相同，形如 { "years": { "2027": { "source": …, "holidays": { … }, "makeupWorkdays": [ … ] } } }' };
  return {
    body,
    years: Object.entries(years as Record<string, { source?: string; holidays?: Record<string, string[]>; makeupWorkdays?: string[] }>).map(([year, y]) => ({
      year,
      source: String(y?.source ?? '（未注明）'),
      holidays: Object.values(y?.holidays ?? {}).reduce((n, days) => n + (Array.isArray(days) ? days.length : 0), 0),
      makeupWorkdays: Array.isArray(y?.makeupWorkdays) ? y.makeupWorkdays.length : 0,
    })),
  };
}

/**
 * 节假日安排: the State Council holiday and make-up workday notices the legal calendar uses, and importing a new year's
 * notice (pasted or uploaded in the holidays-cn.json shape). Pending deadlines the notice affects are recomputed.
 */
export function CalendarPage() {
  const { message } = App.useApp();
  const years = useApi<CalendarYear[]>('/calendar/years');
  const users = useApi<Page<AdminUser>>('/admin/users', { pageSize: 500 });
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const checked = useMemo(() => preview(text), [text]);
  const nameOf = (id: string | null) => (id ? (users.data?.items.find((u) => u.id === id)?.displayName ?? id) : '—');

  const submit = async () => {
    if (!checked.body) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const answer = await api<ImportResult>('/admin/calendar', { method: 'POST', body: checked.body });
      setResult(answer);
      message.success(`已导入 ${answer.imported.map((y) => `${y.year}年`).join('、')}节假日安排`);
      years.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        节假日安排
      </Typography.Title>
      <Card size="small" title="已载入的年度">
        <ErrorNotice error={years.error} onRetry={years.reload} />
        <Table<CalendarYear>
          rowKey="year"
          size="small"
          loading={years.loading}
          dataSource={years.data ?? []}
          pagination={false}
          scroll={{ x: 900 }}
          columns={[
            { title: '年度', dataIndex: 'year', width: 70 },
            { title: '依据（通知）', dataIndex: 'source' },
            { title: '放假天数', dataIndex: 'holidays', width: 90 },
            { title: '调休上班', dataIndex: 'makeupWorkdays', width: 90 },
            { title: '来源', dataIndex: 'origin', width: 110, render: (o: string) => (o === 'imported' ? <Tag color="blue">管理员导入</Tag> : <Tag>随系统提供</Tag>) },
            { title: '导入时间', dataIndex: 'importedAt', width: 150, render: (at: string | null) => (at ? chinaTime(at) : '—') },
            { title: '导入人', dataIndex: 'importedBy', width: 150, render: nameOf },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          期间跨越未载入年度的期限按常规工作日暂算，并标为“暂定”；导入该年度安排后自动重新计算。
        </Typography.Paragraph>
      </Card>
      <Card size="small" title="导入国务院节假日安排">
        <Typography.Paragraph>
          粘贴或上传与 holidays-cn.json 格式相同的内容。同一年度再次导入将替换原有安排；导入前会逐项核对日期。
        </Typography.Paragraph>
        <Flex vertical gap={12}>
          <Upload
            accept=".json,application/json"
            showUploadList={false}
            beforeUpload={async (file) => {
              setText(await file.text());
              return false;
            }}
          >
            <Button icon={<UploadOutlined />}>选择 JSON 文件</Button>
          </Upload>
          <Input.TextArea
            aria-label="节假日安排 JSON"
            value={text}
            onChange={(e) => setText(e.target.value)}
            autoSize={{ minRows: 6, maxRows: 16 }}
            placeholder={'{ "years": { "2027": { "source": "国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕…号）", "holidays": { "元旦": ["2027-01-01"] }, "makeupWorkdays": [] } } }'}
            style={{ fontFamily: 'monospace' }}
          />
          {checked.problem ? <Alert type="error" showIcon title={checked.problem} /> : null}
          {checked.years?.length ? (
            <Descriptions
              size="small"
              bordered
              column={1}
              title="将要导入"
              items={checked.years.map((y) => ({ key: y.year, label: `${y.year}年`, children: `${y.source}：放假 ${y.holidays} 天，调休上班 ${y.makeupWorkdays} 天` }))}
            />
          ) : null}
          {error instanceof ApiError && error.fieldErrors.length ? (
            <Alert
              role="alert"
              type="error"
              showIcon
              title="节假日安排未导入，请修改后重试"
              description={
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {error.fieldErrors.map((e) => (
                    <li key={e.field + e.messageZh}>{e.messageZh}</li>
                  ))}
                </ul>
              }
            />
          ) : (
            <ErrorNotice error={error} />
          )}
          <div>
            <Button type="primary" onClick={submit} loading={busy} disabled={!checked.body}>
              导入
            </Button>
          </div>
        </Flex>
      </Card>
      {result ? (
        <Card size="small" title="导入结果" data-testid="calendar-import-result">
          <Typography.Paragraph>
            已导入 {result.imported.map((y) => `${y.year}年`).join('、')}；重新计算了 {result.recomputed.length} 个进行中的期限；仍为暂定的期限 {result.stillProvisional} 个。
          </Typography.Paragraph>
          {result.recomputed.length ? (
            <Table
              rowKey="deadlineId"
              size="small"
              pagination={false}
              scroll={{ x: 600 }}
              dataSource={result.recomputed}
              columns={[
                { title: '案件', dataIndex: 'caseId', render: (id: string) => <Link to={`/cases/${id}`}>查看案件</Link> },
                { title: '期限', dataIndex: 'specId' },
                { title: '原届满日', render: (_, r) => `${r.before.dueOn}${r.before.provisional ? '（暂定）' : ''}` },
                { title: '新届满日', render: (_, r) => `${r.after.dueOn}${r.after.provisional ? '（暂定）' : ''}` },
              ]}
            />
          ) : null}
        </Card>
      ) : null}
    </Flex>
  );
}
