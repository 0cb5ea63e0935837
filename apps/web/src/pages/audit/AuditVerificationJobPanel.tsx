import { Alert, Button, Descriptions, Flex, Progress, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { Schemas } from '../../api/types';
import { ErrorNotice } from '../../components/ErrorNotice';

type Job = Schemas['VerificationJobResponse'];
type Finding = Job['findings'][number];

const STATUS_COLOURS: Record<string, string> = { running: 'processing', completed: 'success', cancelled: 'default', failed: 'error' };
const POLL_MS = 1000;

/**
 * The whole audit log's verification as a background job: start it, watch its progress and findings while it runs
 * (it carries on if this page is closed, and resumes from its checkpoint if an engine restarts), cancel or resume it.
 */
export function AuditVerificationJobPanel() {
  const [job, setJob] = useState<Job | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async (id?: string) => {
    try {
      setJob(id ? await api<Job>(`/audit/verification-jobs/${id}`) : ((await api<{ items: Job[] }>('/audit/verification-jobs')).items[0] ?? null));
      setLoaded(true);
    } catch (e) {
      setError(e);
    }
  }, []);

  useEffect(() => void load(), [load]);
  useEffect(() => {
    if (job?.status !== 'running') return;
    const timer = setTimeout(() => void load(job.id), POLL_MS);
    return () => clearTimeout(timer);
  }, [job, load]);

  const act = async (work: () => Promise<Job>) => {
    setError(null);
    setBusy(true);
    try {
      setJob(await work());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const start = () => act(() => api<Job>('/audit/verification-jobs', { method: 'POST', body: {} }));
  const cancel = (id: string) => act(() => api<Job>(`/audit/verification-jobs/${id}/cancel`, { method: 'POST' }));
  const resume = (id: string) => act(() => api<Job>(`/audit/verification-jobs/${id}/resume`, { method: 'POST' }));

  const columns: ColumnsType<Finding> = [
    { title: '案件', dataIndex: 'caseId', render: (id: string) => <Link to={`/cases/${id}`}>{id}</Link> },
    { title: '记录序号', dataIndex: 'seq', width: 100 },
    { title: '问题', dataIndex: 'reasonLabel' },
  ];

  return (
    <Flex vertical gap={12} data-testid="audit-verification-job">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        逐批重算全部案件的审计链，不占用页面；任务在服务器上运行，关闭本页或重启服务后从检查点继续。同一时间只运行一个校验任务。
      </Typography.Paragraph>
      <ErrorNotice error={error} />
      <Space wrap>
        <Button type="primary" onClick={start} loading={busy} disabled={!loaded || job?.status === 'running'}>
          开始全量校验
        </Button>
        {job?.status === 'running' && (
          <Button danger onClick={() => cancel(job.id)} disabled={busy}>
            取消校验
          </Button>
        )}
        {job?.status === 'cancelled' && (
          <Button onClick={() => resume(job.id)} disabled={busy}>
            从检查点继续
          </Button>
        )}
      </Space>
      {loaded && !job && <Typography.Text type="secondary">尚未运行过全量校验。</Typography.Text>}
      {job && (
        <>
          <Progress percent={job.progress.percent} status={job.status === 'running' ? 'active' : job.ok === false || job.status === 'failed' ? 'exception' : job.ok ? 'success' : 'normal'} aria-label="校验进度" />
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'status', label: '状态', children: <Tag color={STATUS_COLOURS[job.status]}>{job.statusLabel}</Tag> },
              { key: 'entries', label: '已校验记录', children: `${job.progress.entries} / 约 ${job.progress.entriesTotal} 条` },
              { key: 'cases', label: '已校验案件', children: `${job.progress.cases} / 约 ${job.progress.casesTotal} 件` },
              { key: 'findings', label: '发现问题', children: `${job.findingsCount} 处` },
              { key: 'by', label: '发起人', children: job.startedBy.name ?? job.startedBy.id },
              { key: 'at', label: '开始时间', children: new Date(job.startedAt).toLocaleString('zh-CN') },
            ]}
          />
          {job.status === 'completed' && (
            <Alert type={job.ok ? 'success' : 'error'} title={job.ok ? `全量校验通过：${job.progress.cases} 个案件、${job.progress.entries} 条记录的审计链完整` : `全量校验发现 ${job.findingsCount} 个案件的审计链与记录不符`} />
          )}
          {job.status === 'failed' && <Alert type="error" title={`校验任务出错中止：${job.error ?? ''}`} />}
          {job.findings.length > 0 && <Table<Finding> rowKey={(f) => `${f.caseId}:${f.seq}`} size="small" columns={columns} dataSource={job.findings} pagination={{ pageSize: 10 }} />}
        </>
      )}
    </Flex>
  );
}
