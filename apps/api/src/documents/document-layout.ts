/** One piece of a document, in reading order. The renderer knows only these. */
export type Block =
  /** A section heading of the standard form (纠纷主要事实、争议事项：…). */
  | { type: 'heading'; text: string }
  /** A labelled value on one line (申请日期：2026年3月9日). */
  | { type: 'field'; label: string; value: string }
  | { type: 'paragraph'; text: string }
  /** A line to sign on, with what the case records about the signature (已签名, 已盖章). */
  | { type: 'signature'; label: string; value: string }
  /** Right-aligned, as the date and the seal stand at the foot of a form. */
  | { type: 'right'; text: string };

/** A document laid out as the standard form has it, before any rendering. */
export interface DocumentLayout {
  kind: string;
  title: string;
  /** 编号: the case number. */
  number: string;
  blocks: Block[];
}

const DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 2026-03-09 → 2026年3月9日, as forms write dates. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** 3 → 三, 12 → 十二: small counts as forms spell them (一式三份). */
export function chineseCount(n: number): string {
  if (n < 10) return DIGITS[n];
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  return String(n);
}
