/** Times are shown in China time whatever the computer's own time zone, as legal dates are. */
const CHINA_TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** 2026-03-10T02:05:00Z → 2026-03-10 10:05 */
export function chinaTime(iso: string): string {
  const parts = Object.fromEntries(CHINA_TIME.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour === '24' ? '00' : parts.hour}:${parts.minute}`;
}

/** How a pending deadline stands, in words: 剩 3 天 / 今天到期 / 已逾期 2 天. */
export function daysLeftText(daysLeft: number): string {
  if (daysLeft > 0) return `剩 ${daysLeft} 天`;
  if (daysLeft === 0) return '今天到期';
  return `已逾期 ${-daysLeft} 天`;
}

/** The colour a deadline is shown in: red when overdue, orange within three days. */
export function daysLeftColor(daysLeft: number): 'red' | 'orange' | 'blue' {
  if (daysLeft < 0) return 'red';
  if (daysLeft <= 3) return 'orange';
  return 'blue';
}

export const DAY_TYPE_LABELS: Record<string, string> = { calendar: '自然日', working: '工作日' };

export const PERIOD_UNIT_LABELS: Record<string, string> = { day: '日', month: '个月', year: '年' };

/** A list's count: the case list stops counting at 1000, shown as 1000+. */
export function countText(page: { total: number; totalCapped?: boolean } | undefined): string | undefined {
  return page ? `${page.total}${page.totalCapped ? '+' : ''}` : undefined;
}
