import { Button, Card, DatePicker, Flex, Form, Input, List, Select, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { useApi } from '../../api/hooks';
import { useSession } from '../../auth/session';
import { ErrorNotice } from '../../components/ErrorNotice';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { chinaTime } from '../../lib/format';
import { RISK_COLORS, RISK_LABELS, type RiskRegisterView, type RiskSweep } from './risk-types';

/**
 * 矛盾纠纷风险台账: the region's open RED and ORANGE disputes, each with who was told and when its review (研判复核)
 * falls due; below, the region's screening sweeps (排查), which the centre and its grid workers record.
 */
export function RiskRegisterPage() {
  const { hasRole } = useSession();
  const [regionCode, setRegionCode] = useState<string | undefined>();
  const register = useApi<RiskRegisterView>('/risk/register', { regionCode });
  const sweeps = useApi<RiskSweep[]>('/risk/sweeps', { regionCode });
  const data = register.data;
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          风险台账
        </Typography.Title>
        <Typography.Text type="secondary">
          四色预警：红色立即上报并通报派出所和综治中心，橙色当日处置，黄色属地化解，蓝色跟踪回访。各色研判复核期限届满未复核的，自动督办。
        </Typography.Text>
      </div>
      <Flex gap={8} align="center">
        <span>地区：</span>
        <RegionTreeSelect value={regionCode} onChange={setRegionCode} allowClear placeholder="本单位所在地区" />
      </Flex>
      <ErrorNotice error={register.error} onRetry={register.reload} />
      {data ? (
        <>
          <Flex gap={24}>
            {Object.entries(RISK_LABELS).map(([level, label]) => (
              <Statistic key={level} title={`${label}（最新定级）`} value={data.byLevel[level] ?? 0} valueStyle={{ color: RISK_COLORS[level] === 'gold' ? '#d4b106' : RISK_COLORS[level] }} />
            ))}
          </Flex>
          <Card size="small" title={`${data.regionName}：在办高风险纠纷（${data.items.length}）`}>
            <Table
              size="small"
              rowKey="disputeCode"
              pagination={false}
              dataSource={data.items}
              columns={[
                { title: '等级', render: (_, i) => <Tag color={RISK_COLORS[i.level]}>{i.levelLabel}</Tag> },
                { title: '一案一码', render: (_, i) => <Link to={`/disputes/${encodeURIComponent(i.disputeCode)}/supervision`}>{i.disputeCode}</Link> },
                { title: '报告案件', render: (_, i) => <Link to={`/cases/${i.caseId}`}>{i.caseNo}</Link> },
                { title: '单位', dataIndex: 'orgName' },
                { title: '地区', dataIndex: 'regionName' },
                { title: '风险情况', dataIndex: 'summary' },
                { title: '报告时间', render: (_, i) => chinaTime(i.reportedAt) },
                { title: '已通报', render: (_, i) => i.notified.map((n) => <Tag key={n.orgId}>{n.orgName}</Tag>) },
                { title: '在办案件', dataIndex: 'openCases' },
                { title: '复核期限', render: (_, i) => i.reviewDueOn ?? '—' },
              ]}
            />
          </Card>
        </>
      ) : null}
      <Card size="small" title="排查记录">
        {hasRole('CENTRE_DISPATCHER', 'GRID_WORKER') ? <SweepForm regionCode={regionCode ?? data?.regionCode} onDone={sweeps.reload} /> : null}
        <ErrorNotice error={sweeps.error} onRetry={sweeps.reload} />
        <List
          size="small"
          dataSource={sweeps.data ?? []}
          locale={{ emptyText: '暂无排查记录' }}
          renderItem={(s) => (
            <List.Item>
              <Flex vertical>
                <span>
                  {s.conductedOn}（{s.regionCode}）：{s.findings}
                </span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  记录于 {chinaTime(s.recordedAt)}
                  {s.disputeCodes.length ? `，涉及 ${s.disputeCodes.join('、')}` : ''}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      </Card>
    </Flex>
  );
}

function SweepForm({ regionCode, onDone }: { regionCode?: string; onDone: () => void }) {
  const [form] = Form.useForm();
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const submit = async (values: { conductedOn: { format: (f: string) => string }; findings: string; disputeCodes?: string[] }) => {
    setSaving(true);
    setError(undefined);
    try {
      await api('/risk/sweeps', { method: 'POST', body: { regionCode, conductedOn: values.conductedOn.format('YYYY-MM-DD'), findings: values.findings, disputeCodes: values.disputeCodes ?? [] } });
      form.resetFields();
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Form form={form} layout="inline" onFinish={submit} style={{ marginBottom: 12, rowGap: 8 }}>
      <Form.Item name="conductedOn" label="排查日期" rules={[{ required: true, message: '请选择排查日期' }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="findings" label="排查发现" rules={[{ required: true, min: 2, message: '请填写排查发现' }]}>
        <Input style={{ width: 320 }} maxLength={4000} />
      </Form.Item>
      <Form.Item name="disputeCodes" label="涉及纠纷">
        <Select mode="tags" style={{ width: 240 }} placeholder="一案一码（可选）" tokenSeparators={[',', ' ']} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving} disabled={!regionCode}>
        记录排查
      </Button>
      <ErrorNotice error={error} style={{ width: '100%', marginTop: 8 }} />
    </Form>
  );
}
