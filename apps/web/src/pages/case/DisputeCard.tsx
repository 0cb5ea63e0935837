import { Card, Empty, Flex, Skeleton, Tag, Timeline, Typography } from 'antd';
import { Link } from 'react-router';
import type { Loaded } from '../../api/hooks';
import type { CaseView, DisputeCase, DisputeTransfer, DisputeView } from '../../api/types';
import { StateTag } from '../../components/CaseTags';
import { chinaTime } from '../../lib/format';

export const TRANSFER_STATUS_COLORS: Record<string, string> = { SENT: 'processing', ACCEPTED: 'green', RETURNED: 'red', WITHDRAWN: 'default' };

/**
 * 一案一码: the dispute's code and every case of it the person may see, across channels, oldest first (e.g. 人民调解
 * → 司法确认): each with its channel, organisation and state, the transfer that opened it (route, sent, signed for
 * or returned), and how it relates to this case. Without the dispute (not loaded), the case's own links.
 */
export function DisputeCard({ view, dispute }: { view: CaseView; dispute: Loaded<DisputeView> }) {
  return (
    <Card
      size="small"
      title="纠纷全貌"
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="dispute-code">
          一案一码 <Typography.Text copyable={{ text: view.disputeCode, tooltips: ['复制', '已复制'] }}>{view.disputeCode}</Typography.Text>
          {view.workflow.id === 'zz' ? <Link to={`/disputes/${encodeURIComponent(view.disputeCode)}/supervision`}> 跟踪督办</Link> : null}
        </Typography.Text>
      }
      data-testid="dispute"
    >
      {dispute.data ? <Chain view={view} dispute={dispute.data} /> : dispute.loading ? <Skeleton active paragraph={{ rows: 3 }} /> : <Links view={view} />}
    </Card>
  );
}

function Chain({ view, dispute }: { view: CaseView; dispute: DisputeView }) {
  const cases = chainOrder(dispute);
  const caseNo = (id: string) => dispute.cases.find((c) => c.id === id)?.caseNo;
  const unseenOrigin = view.origin && !dispute.cases.some((c) => c.id === view.origin?.caseId);
  return (
    <>
      {unseenOrigin ? (
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          <Tag color="purple">来源</Tag>由 {view.origin?.orgName} 移送
        </Typography.Paragraph>
      ) : null}
      {cases.length <= 1 && !view.links.length ? <Typography.Paragraph type="secondary">本纠纷目前只有本案，没有移送或关联案件。</Typography.Paragraph> : null}
      <Timeline
        items={cases.map((c) => {
          const here = c.id === view.id;
          const incoming = dispute.transfers.filter((t) => t.toCaseId === c.id);
          const link = view.links.find((l) => l.caseId === c.id);
          return {
            key: c.id,
            color: here ? 'red' : 'blue',
            content: (
              <Flex vertical gap={2} data-testid={link ? 'case-link' : 'dispute-case'} style={{ fontSize: 13 }}>
                <Flex wrap gap={4} align="center">
                  <Tag color="volcano" style={{ marginInlineEnd: 0 }}>
                    {c.workflow.title}
                  </Tag>
                  {here ? (
                    <Typography.Text strong className="break-anywhere">
                      {c.caseNo}
                    </Typography.Text>
                  ) : (
                    <Link to={`/cases/${c.id}`} className="break-anywhere">
                      {c.caseNo}
                    </Link>
                  )}
                  {here ? <Tag style={{ marginInlineEnd: 0 }}>本案</Tag> : null}
                  <StateTag label={c.stateLabel} />
                </Flex>
                <span style={{ color: '#555' }}>
                  {c.orgName} · {chinaTime(c.openedAt)} 登记
                </span>
                {link ? (
                  <span>
                    <Tag color={link.direction === 'TO' ? 'geekblue' : 'purple'}>{link.relationLabel}</Tag>
                    {link.direction === 'TO' ? '已移送至' : '移送自'} {link.orgName}
                  </span>
                ) : null}
                {incoming.map((t) => (
                  <TransferLine key={`${t.fromCaseId}-${t.sentAt}`} t={t} fromCaseNo={caseNo(t.fromCaseId)} />
                ))}
              </Flex>
            ),
          };
        })}
      />
    </>
  );
}

/**
 * The cases in the order the dispute travelled: each case the person may see, followed by the cases it sent on
 * (depth first, earliest first), starting from those no visible case sent.
 */
function chainOrder(dispute: DisputeView): DisputeCase[] {
  const byOpening = [...dispute.cases].sort((a, b) => a.openedAt.localeCompare(b.openedAt));
  const visible = new Set(byOpening.map((c) => c.id));
  const sentOn = (id: string) => byOpening.filter((c) => dispute.transfers.some((t) => t.fromCaseId === id && t.toCaseId === c.id));
  const out: DisputeCase[] = [];
  const visit = (c: DisputeCase) => {
    if (out.includes(c)) return;
    out.push(c);
    sentOn(c.id).forEach(visit);
  };
  byOpening.filter((c) => !dispute.transfers.some((t) => t.toCaseId === c.id && visible.has(t.fromCaseId))).forEach(visit);
  byOpening.forEach(visit);
  return out;
}

/** A transfer into a case of the chain: its route, from which case, when, and how the receiver decided. */
function TransferLine({ t, fromCaseNo }: { t: DisputeTransfer; fromCaseNo: string | undefined }) {
  return (
    <div style={{ color: '#555' }} data-testid="dispute-transfer">
      <Tag color={TRANSFER_STATUS_COLORS[t.status]}>{t.statusLabel}</Tag>
      {t.routeLabel} · 由 {fromCaseNo ?? '其他单位的案件'} 移送于 {chinaTime(t.sentAt)}
      {t.decidedAt ? `，${chinaTime(t.decidedAt)} ${t.statusLabel}` : ''}
    </div>
  );
}

/** The case's own links, when the dispute could not be read. */
function Links({ view }: { view: CaseView }) {
  if (!view.origin && !view.links.length) return <Empty description="没有关联案件" image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Flex vertical gap={8}>
      {view.origin && !view.links.some((l) => l.caseId === view.origin?.caseId) ? (
        <div>
          <Tag color="purple">来源</Tag>由 {view.origin.orgName} 移送
          {view.origin.caseId ? (
            <>
              {' '}
              · <Link to={`/cases/${view.origin.caseId}`}>查看原案件</Link>
            </>
          ) : null}
        </div>
      ) : null}
      {view.links.map((l) => (
        <div key={`${l.direction}-${l.caseId}`} data-testid="case-link">
          <Tag color={l.direction === 'TO' ? 'geekblue' : 'purple'}>{l.relationLabel}</Tag>
          {l.direction === 'TO' ? '已移送至' : '移送自'} {l.orgName}：<Link to={`/cases/${l.caseId}`}>{l.caseNo}</Link>
          <span style={{ color: '#999', fontSize: 12 }}> · {chinaTime(l.at)}</span>
        </div>
      ))}
    </Flex>
  );
}
