import { Alert, Button, Card, Flex, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/hooks';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FraudFlagList } from '../../components/FraudFlagList';
import { ClaimActionModal } from './ClaimActionModal';
import type { SubsidyClaim } from './subsidy-types';

const STATES = {
  orgReview: '调委会初审',
  stationReview: '司法所复核',
  bureauReview: '司法局评查审定',
  spotCheck: '抽查回访',
  awaitingFunds: '待核定资金',
  approved: '审定通过',
  paid: '已支付',
  suspendedForFraud: '涉嫌虚报暂停',
};

/** 以案定补审核: claims to review with their fraud flags and why a claim is no longer eligible. */
export function SubsidyClaimsPage() {
  const [state, setState] = useState<string | undefined>('bureauReview');
  const claims = useApi<SubsidyClaim[]>('/subsidy/claims', { state });
  const [acting, setActing] = useState<{ claim: SubsidyClaim; action: { type: string; label: string } } | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const detail = useApi<SubsidyClaim>(opened ? `/subsidy/claims/${opened}` : null);

  const columns: ColumnsType<SubsidyClaim> = [
    { title: '被申报案件', render: (_, c) => <Link to={`/cases/${c.claimedCase.id}`}>{c.claimedCase.caseNo}</Link> },
    { title: '调解员', render: (_, c) => c.mediator.name },
    { title: '调解组织', dataIndex: 'orgName' },
    { title: '档次', render: (_, c) => c.tierLabel ?? c.tier },
    { title: '金额（元）', dataIndex: 'amount', render: (a: string | null) => a ?? '—' },
    { title: '状态', dataIndex: 'stateLabel' },
    {
      title: '疑点',
      render: (_, c) =>
        c.fraudFlags.length ? (
          <Space wrap>
            {c.fraudFlags.map((f) => (
              <Tooltip key={f.check} title={<pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{JSON.stringify(f.evidence, null, 2)}</pre>}>
                <Tag color="red">{f.label}</Tag>
              </Tooltip>
            ))}
          </Space>
        ) : (
          <Tag>无</Tag>
        ),
    },
    {
      title: '操作',
      render: (_, c) => (
        <Space wrap>
          <Button size="small" onClick={() => setOpened(c.id)}>
            核验
          </Button>
          {c.actions.map((a) => (
            <Button key={a.type} size="small" type={a.type.includes('APPROVE') ? 'primary' : 'default'} danger={['REJECT', 'SUSPEND_FOR_FRAUD', 'CLAW_BACK'].includes(a.type)} onClick={() => setActing({ claim: c, action: a })}>
              {a.label}
            </Button>
          ))}
        </Space>
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        以案定补审核
      </Typography.Title>
      <Card>
        <Flex gap={8} style={{ marginBottom: 12 }}>
          <Select allowClear aria-label="状态" placeholder="全部状态" style={{ width: 200 }} value={state} onChange={setState} options={Object.entries(STATES).map(([value, label]) => ({ value, label }))} />
        </Flex>
        <ErrorNotice error={claims.error} style={{ marginBottom: 12 }} />
        {opened && detail.data && (
          <Alert
            closable
            onClose={() => setOpened(null)}
            style={{ marginBottom: 12 }}
            type={detail.data.eligibility.eligible ? 'success' : 'error'}
            message={detail.data.eligibility.eligible ? `${detail.data.claimedCase.caseNo}：符合补贴条件，审计链校验通过` : `${detail.data.claimedCase.caseNo}：不符合补贴条件`}
            description={
              <>
                {detail.data.eligibility.reasons.map((r) => (
                  <div key={r.code}>{r.message}</div>
                ))}
                <div>
                  履行记录：第 {detail.data.auditSeq} 条，哈希 <Typography.Text code>{detail.data.auditHash.slice(0, 16)}…</Typography.Text>；标准 {detail.data.tariffVersion}
                </div>
                <div style={{ marginTop: 8 }}>
                  <FraudFlagList flags={detail.data.fraudFlags} />
                </div>
              </>
            }
          />
        )}
        <Table<SubsidyClaim> rowKey="id" size="middle" columns={columns} dataSource={claims.data ?? []} loading={claims.loading} scroll={{ x: 1100 }} />
      </Card>
      {acting && (
        <ClaimActionModal
          claim={acting.claim}
          action={acting.action}
          onClose={() => setActing(null)}
          onDone={() => {
            setActing(null);
            claims.reload();
          }}
        />
      )}
    </Flex>
  );
}
