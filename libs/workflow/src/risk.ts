import type { DeadlineSpec } from './definition';
import { enumField, textField } from './building-blocks';
import type { JsonSchema } from './json-schema';

/**
 * 四色预警: the risk colours of 矛盾纠纷排查 and 风险研判 (spec §11). Any channel may grade a case: the `notifyRisk`
 * effect records the colour on the dispute's risk register, tells who must know, and sets the colour's review timer.
 */
export const RISK_LEVELS = { RED: '红色', ORANGE: '橙色', YELLOW: '黄色', BLUE: '蓝色' } as const;
export type RiskLevel = keyof typeof RISK_LEVELS;

export function isRiskLevel(value: unknown): value is RiskLevel {
  return typeof value === 'string' && value in RISK_LEVELS;
}

/** The colours the risk register lists as open high risk. */
export const HIGH_RISK_LEVELS: RiskLevel[] = ['RED', 'ORANGE'];

export const riskLevelField = (title = '风险等级'): JsonSchema => enumField(title, RISK_LEVELS);

/** Who the reporter says was told, besides those the engine tells itself. */
export const RISK_RECIPIENTS = { POLICE: '公安机关', ZONGZHI_CENTRE: '综治中心', GOVERNMENT: '基层人民政府' };

export const riskSummaryField = textField('风险情况', 2000);

const REVIEW_BASIS = '人民调解法 第二十五条；信访工作条例 第二十五条；关于加强社会治安综合治理中心规范化建设的意见（2024）';

/**
 * How often each colour is looked at again (研判复核). The spec gives response targets, not statutory periods (red:
 * within hours, orange: the same day, yellow: the channel's own period, blue: monitoring with 回访), and local plans
 * differ, so each period is configuration (`FENGQIAO_LEGAL_PERIODS`, key `risk.review<Colour>`). A review missed is
 * escalated like any missed service target (督办).
 */
export const RISK_REVIEW_DEADLINES: Record<RiskLevel, DeadlineSpec> = {
  RED: review('RED', '红色风险研判复核（每日）', 1),
  ORANGE: review('ORANGE', '橙色风险研判复核（三日）', 3),
  YELLOW: review('YELLOW', '黄色风险研判复核（十五日）', 15),
  BLUE: review('BLUE', '蓝色风险跟踪回访（三十日）', 30),
};

function review(level: RiskLevel, label: string, days: number): DeadlineSpec {
  const name = level.charAt(0) + level.slice(1).toLowerCase();
  return {
    id: `D-RISK-${level}`,
    label,
    period: { amount: days, unit: 'day' },
    dayType: 'calendar',
    legalBasis: REVIEW_BASIS,
    confidence: 'U',
    soft: true,
    configKey: `risk.review${name}`,
    rollForward: false,
  };
}

/** The deadline span of review timers: no state node has this id, so no state change closes them. */
export const RISK_REVIEW_SPAN = '$risk';
