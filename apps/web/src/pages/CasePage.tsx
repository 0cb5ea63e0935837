import { ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, Flex, Result, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, errorText } from '../api/client';
import { useApi, useShared } from '../api/hooks';
import type { CaseView, DisputeView, HistoryEntry, OrganisationRef, WorkflowDescription } from '../api/types';
import { StateTag } from '../components/CaseTags';
import { ErrorNotice } from '../components/ErrorNotice';
import { EventModal } from '../components/EventModal';
import { WorkflowDiagram } from '../components/WorkflowDiagram';
import { useInboxCount } from '../layout/inbox-count';
import { chinaTime } from '../lib/format';
import { DeadlinesCard } from './case/DeadlinesCard';
import { DisputeCard } from './case/DisputeCard';
import { PartiesCard } from './case/PartiesCard';
import { SatisfactionCard } from './case/SatisfactionCard';
import { TimelineCard } from './case/TimelineCard';
import { TransferCard } from './case/TransferCard';
import { TeamCard } from './case/TeamCard';
import { AttachmentsCard } from './case/AttachmentsCard';
import { EVENTS_WITH_FILES, uploadBody } from './case/attachments';
import { EventAttachmentField, type PendingAttachment } from '../components/EventAttachmentField';
import { uploadForm } from '../api/upload';
import { AssignmentCard } from './case/AssignmentCard';
import { DocumentsCard } from './case/DocumentsCard';
import { useFreshOnReturn } from './case/fresh-on-return';

/**
 * One case: who, where it stands, what the person can do now, what was transferred with it, its deadlines, the
 * dispute it belongs to across channels, its history and its workflow.
 */
export function CasePage() {
  const { id = '' } = useParams();
  const loaded = useApi<CaseView>(`/cases/${encodeURIComponent(id)}`);
  const history = useApi<HistoryEntry[]>(`/cases/${encodeURIComponent(id)}/history`);
  const [view, setView] = useState<CaseView | undefined>();
  const [acting, setActing] = useState<{ type: string; label: string } | null>(null);
  const inboxCount = useInboxCount();
  useEffect(() => setView(loaded.data), [loaded.data]);
  const { message } = App.useApp();
  const [pendingFile, setPendingFile] = useState<PendingAttachment>({ file: null, kind: 'SIGNED_SCAN' });
  const [filesTick, setFilesTick] = useState(0);
  useEffect(() => setPendingFile({ file: null, kind: (acting && EVENTS_WITH_FILES[acting.type]) || 'SIGNED_SCAN' }), [acting]);
  useFreshOnReturn(loaded.reload, acting !== null);

  const workflow = useShared<WorkflowDescription>(view ? `/workflows/${view.workflow.id}?version=${view.workflow.version}` : null);
  const dispute = useApi<DisputeView>(view ? `/disputes/${encodeURIComponent(view.disputeCode)}` : null);
  // Event data names organisations (a court, a receiving commission) and users by id.
  const organisations = useShared<OrganisationRef[]>('/organisations');
  const names = useMemo(() => {
    const out: Record<string, string> = {};
    for (const o of organisations.data ?? []) out[o.id] = o.name;
    if (view?.assignment.assigneeId && view.assignment.assigneeName) out[view.assignment.assigneeId] = view.assignment.assigneeName;
    return out;
  }, [organisations.data, view]);

  if (loaded.error) {
    const notFound = loaded.error instanceof ApiError && loaded.error.status === 404;
    return notFound ? (
      <Result
        status="404"
        title="未找到该案件"
        subTitle={`${(loaded.error as ApiError).message}。案件可能不存在，或不在您单位的管辖范围内。`}
        extra={<Link to="/cases">返回案件查询</Link>}
      />
    ) : (
      <ErrorNotice error={loaded.error} onRetry={loaded.reload} />
    );
  }
  if (!view) return <Skeleton active paragraph={{ rows: 8 }} />;

  const reload = () => {
    loaded.reload();
    history.reload();
    dispute.reload();
  };
  const spec = acting ? workflow.data?.events.find((e) => e.type === acting.type) : undefined;

  return (
    <Flex vertical gap={16} data-testid="case-page">
      <Card size="small">
        <Flex justify="space-between" align="start" wrap gap={8}>
          <div style={{ minWidth: 0 }}>
            <Typography.Title level={3} style={{ margin: 0 }} className="break-anywhere" data-testid="case-no">
              {view.caseNo}
            </Typography.Title>
            <Space wrap size={4} style={{ marginTop: 6 }}>
              <Tag color="volcano">{view.workflow.title}</Tag>
              <StateTag label={view.stateLabel} closed={view.closed} />
              {view.closed ? <Tag>已办结</Tag> : null}
            </Space>
          </div>
          <Button icon={<ReloadOutlined />} onClick={reload}>
            刷新
          </Button>
        </Flex>
        <Descriptions
          size="small"
          style={{ marginTop: 12 }}
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'summary', label: '简要情况', children: view.summary, span: { xs: 1, sm: 2, lg: 3 } },
            { key: 'category', label: '纠纷类别', children: view.categoryLabel },
            { key: 'source', label: '案件来源', children: view.sourceLabel },
            { key: 'region', label: '纠纷发生地', children: view.region.name },
            { key: 'org', label: '承办单位', children: view.assignment.orgName },
            { key: 'assignee', label: '承办人', children: view.assignment.assigneeName ?? '未指定' },
            { key: 'opened', label: '登记时间', children: chinaTime(view.openedAt) },
            { key: 'dispute', label: '一案一码', children: <span className="break-anywhere">{view.disputeCode}</span> },
          ]}
        />
        <div style={{ marginTop: 12 }} data-testid="available-events">
          <Typography.Text strong>可办理的操作：</Typography.Text>
          {view.closed ? (
            <Typography.Text type="secondary">案件已办结。</Typography.Text>
          ) : view.availableEvents.length ? (
            <Flex wrap gap={8} style={{ marginTop: 8 }}>
              {view.availableEvents.map((e, i) => (
                <Button key={e.type} type={i === 0 ? 'primary' : 'default'} onClick={() => setActing(e)} disabled={!workflow.data}>
                  {e.label}
                </Button>
              ))}
            </Flex>
          ) : (
            <Typography.Text type="secondary">当前环节没有您可以办理的操作（由承办单位的相应人员办理）。</Typography.Text>
          )}
        </div>
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Flex vertical gap={16}>
            {view.transfer ? <TransferCard view={view} transfer={view.transfer} dispute={dispute.data} workflow={workflow.data} names={names} /> : null}
            <PartiesCard view={view} />
            <DeadlinesCard deadlines={view.deadlines} />
            <SatisfactionCard view={view} />
          </Flex>
        </Col>
        <Col xs={24} xl={10}>
          <Flex vertical gap={16}>
            <DisputeCard view={view} dispute={dispute} />
            <AssignmentCard view={view} onChanged={reload} />
            <DocumentsCard caseId={view.id} version={view.version} />
            <TeamCard caseId={view.id} onChanged={reload} />
            <AttachmentsCard key={filesTick} caseId={view.id} onChanged={reload} />
            <TimelineCard entries={history.data} error={history.error} onRetry={history.reload} workflow={workflow.data} parties={view.parties} names={names} />
          </Flex>
        </Col>
      </Row>

      <Card size="small" title={`流程图 · ${view.workflow.title}（当前环节：${view.stateLabel}）`}>
        {workflow.error ? <ErrorNotice error={workflow.error} onRetry={workflow.reload} /> : null}
        {workflow.data ? <WorkflowDiagram mermaid={workflow.data.mermaid} state={view.state} stateLabel={view.stateLabel} /> : null}
      </Card>

      <EventModal
        caseId={view.id}
        caseNo={view.caseNo}
        version={view.version}
        event={acting}
        spec={spec}
        parties={view.parties}
        today={view.today}
        onClose={() => setActing(null)}
        extra={acting && EVENTS_WITH_FILES[acting.type] ? <EventAttachmentField value={pendingFile} onChange={setPendingFile} /> : undefined}
        onApplied={(next) => {
          const file = acting && EVENTS_WITH_FILES[acting.type] ? pendingFile : null;
          if (file?.file) {
            // The event's own audit entry is the case's newest: the file is bound to it.
            uploadForm(`/cases/${next.id}/attachments`, uploadBody(file.file, file.kind, next.version))
              .then(() => message.success(`已上传附件：${file.file!.name}`))
              .catch((e) => message.error(`操作已办理，但附件未能上传：${errorText(e)}。请在“附件”中重新上传。`))
              .finally(() => {
                setFilesTick((n) => n + 1);
                reload();
              });
          }
          setActing(null);
          setView(next);
          history.reload();
          dispute.reload();
          // Signing for or returning a transfer takes it out of the 收案箱.
          if (view.transfer?.status === 'SENT') inboxCount.refresh();
        }}
        onStale={reload}
      />
    </Flex>
  );
}
