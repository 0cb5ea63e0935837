import { Alert, Descriptions, Empty, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { FraudCheckId, FraudFlag } from '@app/subsidy';
import { chinaTime } from '../lib/format';

/** The checks' names (mirrors FRAUD_CHECK_LABELS of libs/subsidy, which the console cannot import as a value). */
const CHECK_LABELS: Record<FraudCheckId, string> = {
  DUPLICATE_DISPUTE: '同一纠纷重复申报',
  SPLIT_DISPUTE: '一案拆分申报',
  OUTLIER_SHARE: '申报占比异常',
  TOO_FAST: '结案过快',
  MANY_SAME_DAY: '同日案件过多',
};

const CHECK_COLORS: Record<FraudCheckId, string> = { DUPLICATE_DISPUTE: 'red', SPLIT_DISPUTE: 'volcano', OUTLIER_SHARE: 'orange', TOO_FAST: 'gold', MANY_SAME_DAY: 'magenta' };

const REASON_LABELS: Record<string, string> = { SAME_DISPUTE_CODE: '同一纠纷编码', SAME_PARTIES: '当事人相同' };

const DIMENSION_LABELS: Record<string, string> = { VILLAGE: '村（社区）', MEDIATOR: '调解员' };

/** Figures of the evidence, in the order a reviewer reads them; anything else is shown under its own key. */
const FIGURES: [string, string, (v: unknown) => string][] = [
  ['dimension', '比较维度', (v) => DIMENSION_LABELS[String(v)] ?? String(v)],
  ['name', '对象', String],
  ['mediatorName', '调解员', String],
  ['day', '协议日期', String],
  ['cases', '案件数', String],
  ['claims', '本批申报数', String],
  ['batchSize', '本批申报总数', String],
  ['claimShare', '申报占比', (v) => `${Math.round(Number(v) * 1000) / 10}%`],
  ['totalCases', '案件总数', String],
  ['caseShare', '案件占比', (v) => `${Math.round(Number(v) * 1000) / 10}%`],
  ['ratio', '占比倍数', String],
  ['robustZ', '稳健 Z 值', String],
  ['openedAt', '受理时间', (v) => chinaTime(String(v))],
  ['agreedAt', '达成协议时间', (v) => chinaTime(String(v))],
  ['hours', '用时（小时）', String],
  ['category', '纠纷类别', String],
  ['disputeCode', '纠纷编码', String],
  ['windowDays', '比对期间（天）', String],
  ['thresholdHours', '阈值（小时）', String],
  ['thresholdCases', '阈值（件）', String],
];

interface OtherCase {
  caseId: string;
  caseNo: string;
  reason?: string;
  daysApart?: number;
  sharedParties?: string[];
}

function Evidence({ evidence }: { evidence: Record<string, unknown> }) {
  const known = new Set(['otherCases', 'thresholds', 'key', 'mediatorId', ...FIGURES.map(([k]) => k)]);
  const items = [
    ...FIGURES.filter(([k]) => evidence[k] !== undefined && evidence[k] !== null).map(([k, label, show]) => ({ key: k, label, children: show(evidence[k]) })),
    ...Object.entries(evidence)
      .filter(([k, v]) => !known.has(k) && (typeof v !== 'object' || v === null))
      .map(([k, v]) => ({ key: k, label: k, children: String(v) })),
  ];
  const thresholds = evidence.thresholds as Record<string, number> | undefined;
  if (thresholds) items.push({ key: 'thresholds', label: '阈值', children: `占比倍数 ≥ ${thresholds.shareRatio} 或稳健 Z 值 ≥ ${thresholds.robustZ}，且申报 ≥ ${thresholds.minClaims} 件` });
  const others = (evidence.otherCases as OtherCase[] | undefined) ?? [];
  return (
    <Flex vertical gap={4}>
      {items.length ? <Descriptions size="small" column={{ xs: 1, md: 2 }} items={items} /> : null}
      {others.length ? (
        <div>
          <Typography.Text type="secondary">相关案件：</Typography.Text>
          {others.map((o) => (
            <span key={o.caseId} style={{ marginRight: 12 }}>
              <Link to={`/cases/${o.caseId}`}>{o.caseNo}</Link>
              {o.reason ? `（${REASON_LABELS[o.reason] ?? o.reason}）` : null}
              {o.daysApart !== undefined ? ` 相隔 ${o.daysApart} 天` : null}
              {o.sharedParties?.length ? ` · 共同当事人 ${o.sharedParties.join('、')}` : null}
            </span>
          ))}
        </div>
      ) : null}
    </Flex>
  );
}

/** A claimed case's fraud flags (以案定补 疑点), each with its evidence; the reviewer decides, the flags only point. */
export function FraudFlagList({ flags, empty = '未发现疑点' }: { flags: FraudFlag[]; empty?: string }) {
  if (!flags.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  return (
    <Flex vertical gap={8}>
      {flags.map((f, i) => (
        <Alert
          key={`${f.check}-${i}`}
          type="warning"
          showIcon
          message={
            <span>
              <Tag color={CHECK_COLORS[f.check]}>{CHECK_LABELS[f.check] ?? f.check}</Tag>
              {f.label}
            </span>
          }
          description={<Evidence evidence={f.evidence} />}
        />
      ))}
    </Flex>
  );
}
