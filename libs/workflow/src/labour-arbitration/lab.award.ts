/*
 * Whether a labour-arbitration award is final (一裁终局), decided item by item (劳动争议调解仲裁法 第四十七条; 最高人民法院
 * 关于审理劳动争议案件适用法律问题的解释（一） 第十八条至第二十条). Pure: the local monthly minimum wage is an input, sent
 * with the award, never a constant.
 */

/** Kinds of award items, with their Chinese labels. */
export const AWARD_ITEM_KINDS = {
  WAGES: '劳动报酬',
  INJURY_MEDICAL: '工伤医疗费',
  SEVERANCE: '经济补偿',
  COMPENSATION: '赔偿金',
  WORKING_TIME: '执行国家劳动标准：工作时间',
  REST_LEAVE: '执行国家劳动标准：休息休假',
  SOCIAL_INSURANCE: '执行国家劳动标准：社会保险',
  OTHER: '其他事项（确认劳动关系、恢复劳动关系等）',
} as const;
export type AwardItemKind = keyof typeof AWARD_ITEM_KINDS;

/** 第四十七条第（一）项: money claims that are final up to twelve months of the local monthly minimum wage. */
export const AMOUNT_TESTED_KINDS: readonly AwardItemKind[] = ['WAGES', 'INJURY_MEDICAL', 'SEVERANCE', 'COMPENSATION'];
/** 第四十七条第（二）项: disputes over national labour standards, final whatever the amount. */
export const LABOUR_STANDARD_KINDS: readonly AwardItemKind[] = ['WORKING_TIME', 'REST_LEAVE', 'SOCIAL_INSURANCE'];

/** How many months of the local monthly minimum wage a money item may reach and still be final. */
export const FINAL_AWARD_MONTHS = 12;

export interface AwardItem {
  kind: AwardItemKind | string;
  /** The sum the item decides, in yuan. */
  amount?: number;
  description?: string;
}

export interface ItemFinality {
  kind: string;
  amount?: number;
  final: boolean;
  reason: string;
}

export interface AwardClassification {
  type: 'FINAL' | 'NON_FINAL';
  /** Twelve months of the local monthly minimum wage, in yuan; null when no valid wage was given. */
  threshold: number | null;
  items: ItemFinality[];
}

const cents = (yuan: number) => Math.round(yuan * 100);
const isAmount = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;

/**
 * Classifies an award. Each item is tested on its own (解释一 第十九条): a money item of wages, work-injury medical costs,
 * severance or compensation is final when its own amount does not exceed twelve months of the local monthly minimum
 * wage; a dispute over the national standards of working time, rest and leave or social insurance is final; any other
 * item is not. The award is final only when every item is; an award mixing final and non-final items is non-final
 * (第二十条). A money item without a determined amount, or an award without a valid minimum wage, cannot be shown to be
 * within the threshold and so counts as non-final, which keeps every party's right to sue.
 */
export function classifyAward(items: readonly AwardItem[], monthlyMinimumWage: number | undefined): AwardClassification {
  const threshold = isAmount(monthlyMinimumWage) && monthlyMinimumWage > 0 ? (cents(monthlyMinimumWage) * FINAL_AWARD_MONTHS) / 100 : null;
  const tested = items.map((item): ItemFinality => {
    const base = { kind: item.kind, ...(item.amount !== undefined ? { amount: item.amount } : {}) };
    if (LABOUR_STANDARD_KINDS.includes(item.kind as AwardItemKind)) return { ...base, final: true, reason: '执行国家劳动标准发生的争议（第四十七条第二项）' };
    if (!AMOUNT_TESTED_KINDS.includes(item.kind as AwardItemKind)) return { ...base, final: false, reason: '不属于第四十七条规定的终局裁决事项' };
    if (threshold === null) return { ...base, final: false, reason: '未载明当地月最低工资标准，无法认定为终局裁决' };
    if (!isAmount(item.amount)) return { ...base, final: false, reason: '该项数额不确定，无法认定为终局裁决' };
    return cents(item.amount) <= cents(threshold)
      ? { ...base, final: true, reason: `数额不超过当地月最低工资标准十二个月金额（${threshold}元）` }
      : { ...base, final: false, reason: `数额超过当地月最低工资标准十二个月金额（${threshold}元）` };
  });
  const type = tested.length > 0 && tested.every((i) => i.final) ? 'FINAL' : 'NON_FINAL';
  return { type, threshold, items: tested };
}
