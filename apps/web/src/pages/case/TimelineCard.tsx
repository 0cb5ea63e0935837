import { Card, Empty, Timeline, Tooltip, Typography } from 'antd';
import { useShared } from '../../api/hooks';
import type { HistoryEntry, JsonSchema, Party, Vocabulary, WorkflowDescription } from '../../api/types';
import { ErrorNotice } from '../../components/ErrorNotice';
import { describeData } from '../../components/SchemaFields';
import { chinaTime } from '../../lib/format';

interface Props {
  entries: HistoryEntry[] | undefined;
  error: unknown;
  onRetry: () => void;
  workflow: WorkflowDescription | undefined;
  parties: Party[];
  names: Record<string, string>;
}

/** The audit trail, oldest first: what was done, by whom, when (China time), and each entry's chained hash. */
export function TimelineCard({ entries, error, onRetry, workflow, parties, names }: Props) {
  const vocabulary = useShared<Vocabulary>('/vocabulary');
  return (
    <Card size="small" title="办理记录" data-testid="timeline">
      {error ? <ErrorNotice error={error} onRetry={onRetry} /> : null}
      {entries && !entries.length ? <Empty description="暂无记录" /> : null}
      <Timeline
        items={(entries ?? []).map((e) => {
          const details =
            e.type === 'OPEN'
              ? openingDetails(e.data ?? {}, vocabulary.data, workflow?.openingSchema ?? undefined, parties, names)
              : describeData(e.data ?? {}, workflow?.events.find((ev) => ev.type === e.type)?.schema, parties, names);
          return {
            key: e.seq,
            color: e.actor.role === 'SYSTEM' ? 'gray' : 'blue',
            content: (
              <div data-testid="timeline-entry">
                <div>
                  <Typography.Text strong>{e.typeLabel}</Typography.Text>
                  <Typography.Text type="secondary">
                    {' '}
                    {e.from === null ? `→ ${e.toLabel}` : e.from === e.to ? `（${e.toLabel}，状态不变）` : `${e.fromLabel} → ${e.toLabel}`}
                  </Typography.Text>
                </div>
                <div style={{ fontSize: 13, color: '#555' }}>
                  {e.actor.name}（{e.actor.roleLabel}）· {chinaTime(e.at)}
                </div>
                {details.length ? (
                  <ul style={{ margin: '4px 0', paddingInlineStart: 18, fontSize: 13 }}>
                    {details.map((d) => (
                      <li key={d.label} className="break-anywhere">
                        {d.label}：{d.value}
                      </li>
                    ))}
                  </ul>
                ) : null}
                <Tooltip title={`记录哈希 ${e.hash}，前一条 ${e.prevHash}`}>
                  <Typography.Text type="secondary" style={{ fontSize: 11 }} className="break-anywhere" data-testid="entry-hash">
                    #{e.seq} 哈希 {e.hash.slice(0, 16)}…
                  </Typography.Text>
                </Tooltip>
              </div>
            ),
          };
        })}
      />
    </Card>
  );
}

/** What the opening entry records, in words; identifiers the page shows elsewhere are left out. */
function openingDetails(data: Record<string, unknown>, vocabulary: Vocabulary | undefined, openingSchema: JsonSchema | undefined, parties: Party[], names: Record<string, string>) {
  const label = (list: { code: string; label: string }[] | undefined, code: unknown) => list?.find((c) => c.code === code)?.label ?? String(code);
  const out: { label: string; value: string }[] = [];
  if (data.category) out.push({ label: '纠纷类别', value: label(vocabulary?.categories, data.category) });
  if (data.source) out.push({ label: '案件来源', value: label(vocabulary?.sources, data.source) });
  if (data.summary) out.push({ label: '简要情况', value: String(data.summary) });
  if (Array.isArray(data.parties)) {
    const listed = data.parties as { role: string; name: string }[];
    out.push({ label: '当事人', value: listed.map((p) => `${p.name}（${label(vocabulary?.partyRoles, p.role)}）`).join('、') });
  }
  if (data.input && typeof data.input === 'object') out.push(...describeData(data.input as Record<string, unknown>, openingSchema, parties, names));
  return out;
}
