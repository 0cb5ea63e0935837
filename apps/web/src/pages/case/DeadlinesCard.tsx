import { Alert, Card, Empty, Flex, Tag, Tooltip, Typography } from 'antd';
import type { Deadline } from '../../api/types';
import { DAY_TYPE_LABELS, PERIOD_UNIT_LABELS, daysLeftColor, daysLeftText } from '../../lib/format';

const STATUS_COLORS: Record<string, string> = { met: 'green', missed: 'red', cancelled: 'default' };

/** The case's legal deadlines: due date, days left, how the period is counted, legal basis and status. */
export function DeadlinesCard({ deadlines }: { deadlines: Deadline[] }) {
  const sorted = [...deadlines].sort((a, b) => rank(a) - rank(b) || a.dueOn.localeCompare(b.dueOn));
  return (
    <Card size="small" title="法定期限" data-testid="deadlines">
      {sorted.length ? null : <Empty description="当前没有期限" image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      <Flex vertical gap={12}>
        {sorted.map((d) => (
          <div key={d.id} data-testid={`deadline-${d.specId}`} style={{ borderInlineStart: `3px solid ${d.status === 'pending' ? '#1677ff' : '#d9d9d9'}`, paddingInlineStart: 12 }}>
            <Flex wrap gap={6} align="center">
              <Typography.Text strong>{d.label}</Typography.Text>
              <Tag color={d.status === 'pending' ? daysLeftColor(d.daysLeft) : STATUS_COLORS[d.status]}>
                {d.status === 'pending' ? daysLeftText(d.daysLeft) : d.statusLabel}
              </Tag>
              {d.soft ? (
                <Tooltip title="工作时限：逾期不产生法律后果，但会提醒并报上级督办">
                  <Tag>工作时限</Tag>
                </Tooltip>
              ) : null}
            </Flex>
            <div style={{ color: '#555', fontSize: 13, lineHeight: 1.8 }}>
              <div>
                {d.dueOn} 届满
                {/* A period of 0 is a day fixed by a decision (a hearing date), not a span: no "期间 0日". */}
                {d.period.amount > 0 ? ` · 期间 ${d.period.amount}${PERIOD_UNIT_LABELS[d.period.unit] ?? d.period.unit}（${DAY_TYPE_LABELS[d.dayType] ?? d.dayType}）` : ''} · {d.statusLabel}
              </div>
              <div>法律依据：{d.legalBasis}</div>
            </div>
            {d.provisional ? (
              <Alert
                type="warning"
                showIcon
                style={{ marginTop: 6 }}
                title="暂定期限"
                description="期间跨越的年份尚未公布节假日安排，届满日暂按常规工作日计算；管理员导入国务院公布的安排后将自动重新计算。"
              />
            ) : null}
          </div>
        ))}
      </Flex>
    </Card>
  );
}

function rank(d: Deadline): number {
  return d.status === 'pending' ? 0 : d.status === 'missed' ? 1 : 2;
}
