import { Card, Descriptions, Empty, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useShared } from '../../api/hooks';
import type { CaseView, DisputeView, JsonSchema, Party, TransferView, WorkflowDescription } from '../../api/types';
import { describeData } from '../../components/SchemaFields';
import { chinaTime } from '../../lib/format';
import { TRANSFER_STATUS_COLORS } from './DisputeCard';

interface Props {
  view: CaseView;
  transfer: TransferView;
  /** The dispute, for the route's name and the sending case's workflow. */
  dispute: DisputeView | undefined;
  /** The receiving (this case's) workflow, for the labels of the facts and of a return's reason. */
  workflow: WorkflowDescription | undefined;
  names: Record<string, string>;
}

/**
 * Facts of the sending case the dossier names but no schema labels (the sending workflow's context has none). The
 * engine should label them with the route; until then, the few the routes carry today.
 */
const FACT_FALLBACK: Record<string, JsonSchema> = {
  agreementForm: { type: 'string', title: '调解协议形式', enum: ['ORAL', 'WRITTEN'], 'x-enumLabels': ['口头协议', '书面协议'] },
};

/**
 * 移送材料: what came with the transfer that brought the case here — who sent it, along which route, whether it was
 * signed for — and the dossier: facts of the sending case and the records it quoted (e.g. the written mediation
 * agreement a court is asked to confirm), labelled in the sending workflow's words.
 */
export function TransferCard({ view, transfer, dispute, workflow, names }: Props) {
  const sender = dispute?.cases.find((c) => c.id === transfer.from.caseId);
  const senderWorkflowId = sender?.workflow.id ?? view.links.find((l) => l.caseId === transfer.from.caseId)?.workflowId;
  const sending = useShared<WorkflowDescription>(senderWorkflowId ? `/workflows/${senderWorkflowId}${sender ? `?version=${sender.workflow.version}` : ''}` : null);
  const route = dispute?.transfers.find((t) => t.toCaseId === view.id && t.fromCaseId === transfer.from.caseId);
  const parties: Party[] = view.parties;

  const factSchema: JsonSchema = {
    type: 'object',
    properties: {
      ...FACT_FALLBACK,
      ...Object.fromEntries((sending.data?.events ?? []).flatMap((e) => Object.entries(e.schema?.properties ?? {}))),
      ...(workflow?.openingSchema?.properties ?? {}),
    },
  };
  const facts = describeData(transfer.dossier.context, factSchema, parties, names);
  const records = [...transfer.dossier.events].sort((a, b) => a.seq - b.seq);

  return (
    <Card
      size="small"
      title="移送材料"
      extra={<Tag color={TRANSFER_STATUS_COLORS[transfer.status]}>{transfer.statusLabel}</Tag>}
      data-testid="dossier"
    >
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          {
            key: 'from',
            label: '移送单位',
            span: { xs: 1, sm: 2 },
            children: (
              <span>
                {transfer.from.orgName} · <Link to={`/cases/${transfer.from.caseId}`}>{sender?.caseNo ?? '查看原案件'}</Link>
              </span>
            ),
          },
          { key: 'route', label: '移送事由', children: route?.routeLabel ?? transfer.route },
          { key: 'sent', label: '移送时间', children: chinaTime(transfer.sentAt) },
          ...(transfer.decidedAt ? [{ key: 'decided', label: `${transfer.statusLabel}时间`, children: chinaTime(transfer.decidedAt) }] : []),
          ...(transfer.reason ? [{ key: 'reason', label: '理由', children: reasonLabel(transfer.reason, workflow) }] : []),
          ...(transfer.explanation ? [{ key: 'explanation', label: '说明', children: transfer.explanation, span: { xs: 1, sm: 2 } }] : []),
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 8 }}>
        移送的案件事实
      </Typography.Title>
      {facts.length ? (
        <Descriptions size="small" bordered column={1} items={facts.map((f) => ({ key: f.label, label: f.label, children: <span className="break-anywhere">{f.value}</span> }))} data-testid="dossier-facts" />
      ) : (
        <Empty description="未随附案件事实" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        随附的办理记录
      </Typography.Title>
      {records.length ? null : <Empty description="未随附办理记录" image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      <Flex vertical gap={12}>
        {records.map((r) => {
          const spec = sending.data?.events.find((e) => e.type === r.type);
          const fields = describeData(r.data ?? {}, spec?.schema, parties, names);
          return (
            <div key={r.seq} data-testid="dossier-record" style={{ borderInlineStart: '3px solid #b7472a', paddingInlineStart: 12 }}>
              <Flex wrap gap={6} align="baseline">
                <Typography.Text strong>{spec?.label ?? r.type}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {chinaTime(r.at)} · 原案件第 {r.seq} 条记录
                </Typography.Text>
              </Flex>
              <RecordFields fields={fields} />
            </div>
          );
        })}
      </Flex>
    </Card>
  );
}

/** Short answers as "label：value"; a long text (the agreement itself) quoted as a block below its label. */
function RecordFields({ fields }: { fields: { label: string; value: string }[] }) {
  if (!fields.length) return null;
  return (
    <Flex vertical gap={4} style={{ marginTop: 4, fontSize: 13 }}>
      {fields.map((f) =>
        f.value.length > LONG_TEXT ? (
          <div key={f.label}>
            <Typography.Text type="secondary">{f.label}：</Typography.Text>
            <div className="break-anywhere" style={{ whiteSpace: 'pre-wrap', background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 6, padding: '6px 10px', marginTop: 2, fontSize: 14 }}>
              {f.value}
            </div>
          </div>
        ) : (
          <div key={f.label} className="break-anywhere">
            <Typography.Text type="secondary">{f.label}：</Typography.Text>
            {f.value}
          </div>
        ),
      )}
    </Flex>
  );
}

/** Longer answers than this many characters are quoted as a block. */
const LONG_TEXT = 30;

/** A return's reason in words: the enum label the receiving workflow's events give it, else as recorded. */
function reasonLabel(reason: string, workflow: WorkflowDescription | undefined): string {
  for (const e of workflow?.events ?? []) {
    const prop = e.schema?.properties?.reason;
    const i = prop?.enum?.indexOf(reason) ?? -1;
    if (prop && i >= 0 && prop['x-enumLabels']?.[i]) return prop['x-enumLabels'][i];
  }
  return reason;
}
