import { Tag, Tooltip } from 'antd';
import type { NextDeadline } from '../api/types';
import { daysLeftColor, daysLeftText } from '../lib/format';

/** The case's state with its Chinese label; closed cases in grey. */
export function StateTag({ label, closed }: { label: string; closed?: boolean }) {
  return <Tag color={closed ? 'default' : 'processing'}>{label}</Tag>;
}

/** The next pending deadline: due date and days left, legal basis on hover. */
export function NextDeadlineTag({ deadline }: { deadline: NextDeadline | null }) {
  if (!deadline) return <span style={{ color: '#999' }}>无</span>;
  return (
    <Tooltip title={`${deadline.label}（${deadline.legalBasis}）`}>
      <Tag color={daysLeftColor(deadline.daysLeft)} style={{ whiteSpace: 'normal' }}>
        {deadline.dueOn} · {daysLeftText(deadline.daysLeft)}
      </Tag>
    </Tooltip>
  );
}
