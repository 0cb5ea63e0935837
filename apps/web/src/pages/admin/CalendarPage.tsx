import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Table, Tabs, Tag, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { ApiError, api } from '../../api/client';
import { useApi } from '../../api/hooks';
import type { AdminUser, Answer, Page, Schemas } from '../../api/types';
import { ErrorNotice } from '../../components/ErrorNotice';
import { chinaTime } from '../../lib/format';
import { NoticeDatesForm } from './calendar/NoticeDatesForm';
import { checkNoticeForm, formFromNotice, type NoticeFormValues, type NoticeText } from './calendar/notice-form';

type CalendarYear = Schemas['CalendarYearInfo'];
type ImportResult = Answer<'AdminCalendarController_import'>;

/** Pasted or uploaded content in the engine's data format (JSON), checked in the browser before anything is sent. */
function jsonPreview(text: string): { body?: unknown; years?: { year: string; source: string; holidays: number; makeupWorkdays: number }[]; problem?: string } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (e) {
    return { problem: `内容以“{”开头，但不是有效的 JSON：${(e as Error).message}` };
  }
  const years = (body as { years?: unknown })?.years;
  if (!years || typeof years !== 'object') return { problem: 'JSON 内容缺少 "years"，形如 { "years": { "2027": { "source": …, "holidays": { … }, "makeupWorkdays": [ … ] } } }' };
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

/** A text file as saved on a Chinese office computer: UTF-8, or else GB18030 (GBK). */
async function readTextFile(file: File): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function FieldErrors({ error, title }: { error: unknown; title: string }) {
  if (!(error instanceof ApiError) || !error.fieldErrors.length) return <ErrorNotice error={error} />;
  return (
    <Alert
      role="alert"
      type="error"
      showIcon
      title={title}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {error.fieldErrors.map((e) => (
            <li key={e.field + e.messageZh}>{e.messageZh}</li>
          ))}
        </ul>
      }
    />
  );
}

/**
 * 节假日安排: the State Council holiday and make-up workday notices the legal calendar uses, and importing a new year's
 * notice — its text pasted or uploaded (read by the engine into dates to check), or its dates typed in. Pending
 * deadlines the notice affects are recomputed.
 */
export function CalendarPage() {
  const { message } = App.useApp();
  const years = useApi<CalendarYear[]>('/calendar/years');
  const users = useApi<Page<AdminUser>>('/admin/users', { pageSize: 500 });
  const [form] = Form.useForm<NoticeFormValues>();
  const [tab, setTab] = useState('text');
  const [text, setText] = useState('');
  const json = useMemo(() => (text.trim().startsWith('{') ? jsonPreview(text) : null), [text]);
  const [reading, setReading] = useState(false);
  const [readError, setReadError] = useState<unknown>(null);
  const [notes, setNotes] = useState<string[]>([]);
  const [formProblems, setFormProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const nameOf = (id: string | null) => (id ? (users.data?.items.find((u) => u.id === id)?.displayName ?? id) : '—');

  const importBody = async (body: unknown) => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const answer = await api<ImportResult>('/admin/calendar', { method: 'POST', body });
      setResult(answer);
      message.success(`已导入 ${answer.imported.map((y) => `${y.year}年`).join('、')}节假日安排`);
      years.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const readNotice = async () => {
    setReading(true);
    setReadError(null);
    try {
      const notice = await api<NoticeText>('/admin/calendar/notice', { method: 'POST', body: { text } });
      form.resetFields();
      form.setFieldsValue(formFromNotice(notice));
      setNotes(notice.notes);
      setFormProblems([]);
      setTab('form');
      const days = Object.values(notice.holidays).reduce((n, d) => n + d.length, 0);
      message.success(`已识别${notice.year}年通知：放假 ${days} 天，调休上班 ${notice.makeupWorkdays.length} 天。请核对后导入。`);
    } catch (e) {
      setReadError(e);
    } finally {
      setReading(false);
    }
  };

  const importForm = () => {
    const checked = checkNoticeForm(form.getFieldsValue(true));
    setFormProblems(checked.problems);
    if (checked.body) void importBody(checked.body);
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
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'text',
              label: '粘贴或上传通知',
              children: (
                <Flex vertical gap={12}>
                  <Typography.Text type="secondary">
                    粘贴国务院办公厅通知的全文（含标题），或上传通知的文本文件（.txt）；系统逐条识别放假和调休上班日期，核对星期和天数，识别结果在“逐项填写日期”中核对后导入。也可上传系统导出的 JSON 数据文件直接导入。
                  </Typography.Text>
                  <div>
                    <Upload
                      accept=".txt,.json,text/plain,application/json"
                      showUploadList={false}
                      beforeUpload={async (file) => {
                        setText(await readTextFile(file));
                        setReadError(null);
                        return false;
                      }}
                    >
                      <Button icon={<UploadOutlined />}>上传通知文件</Button>
                    </Upload>
                  </div>
                  <Input.TextArea
                    aria-label="通知全文"
                    value={text}
                    onChange={(e) => setText(e.target.value)}
                    autoSize={{ minRows: 8, maxRows: 20 }}
                    placeholder={'国务院办公厅关于2027年部分节假日安排的通知\n……\n一、元旦：1月1日（周五）放假1天，……\n二、春节：……放假调休，共8天。……上班。'}
                  />
                  {json?.problem ? <Alert type="error" showIcon title={json.problem} /> : null}
                  {json?.years?.length ? (
                    <Descriptions
                      size="small"
                      bordered
                      column={1}
                      title="将要导入"
                      items={json.years.map((y) => ({ key: y.year, label: `${y.year}年`, children: `${y.source}：放假 ${y.holidays} 天，调休上班 ${y.makeupWorkdays} 天` }))}
                    />
                  ) : null}
                  <FieldErrors error={readError} title="未能识别通知，请按提示修改后重试" />
                  <div>
                    {json ? (
                      <Button type="primary" onClick={() => importBody(json.body)} loading={busy} disabled={!json.body}>
                        导入
                      </Button>
                    ) : (
                      <Button type="primary" onClick={readNotice} loading={reading} disabled={!text.trim()}>
                        识别通知
                      </Button>
                    )}
                  </div>
                </Flex>
              ),
            },
            {
              key: 'form',
              label: '逐项填写日期',
              // Kept mounted: the form holds what was read or typed while the other tab is shown.
              forceRender: true,
              children: (
                <Flex vertical gap={12}>
                  {notes.length ? <Alert type="info" showIcon title="以下日期不属于本年度，未列入" description={notes.join('；')} /> : null}
                  <NoticeDatesForm form={form} />
                  {formProblems.length ? (
                    <Alert
                      role="alert"
                      type="error"
                      showIcon
                      title="请修改以下内容后再导入"
                      description={
                        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                          {formProblems.map((p) => (
                            <li key={p}>{p}</li>
                          ))}
                        </ul>
                      }
                    />
                  ) : null}
                  <div>
                    <Button type="primary" onClick={importForm} loading={busy}>
                      导入
                    </Button>
                  </div>
                </Flex>
              ),
            },
          ]}
        />
        <FieldErrors error={error} title="节假日安排未导入，请修改后重试" />
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
                { title: '案件', dataIndex: 'caseId', width: 100, render: (id: string) => <Link to={`/cases/${id}`}>查看案件</Link> },
                { title: '期限', dataIndex: 'label' },
                { title: '原届满日', width: 140, render: (_, r) => `${r.before.dueOn}${r.before.provisional ? '（暂定）' : ''}` },
                { title: '新届满日', width: 140, render: (_, r) => `${r.after.dueOn}${r.after.provisional ? '（暂定）' : ''}` },
              ]}
            />
          ) : null}
        </Card>
      ) : null}
    </Flex>
  );
}
