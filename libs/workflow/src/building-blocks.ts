import type { DateBound, JsonSchema } from './json-schema';
import type { DeadlineSpec, Precondition, WorkflowEvent } from './definition';

// ---------- event data schema fragments ----------

export const dateField = (title: string): JsonSchema => ({ type: 'string', format: 'date', title });

/** The day something happened: never later than today, and never before the days in `notBefore`. */
export const pastDateField = (title: string, notBefore: DateBound[] = []): JsonSchema => ({
  ...dateField(title),
  'x-notAfterToday': true,
  ...(notBefore.length ? { 'x-notBefore': notBefore } : {}),
});

/** A day agreed for the future (a performance deadline): never before the days in `notBefore`. */
export const laterDateField = (title: string, notBefore: DateBound[]): JsonSchema => ({ ...dateField(title), 'x-notBefore': notBefore });

/** An amount of money in yuan: not negative, whole fen (at most two decimals), below a trillion. */
export const yuanField = (title: string): JsonSchema => ({ type: 'number', title, minimum: 0, maximum: 999_999_999_999.99, 'x-yuan': true });

export const textField = (title: string, maxLength = 2000): JsonSchema => ({ type: 'string', title, minLength: 1, maxLength });

export const partyIdsField = (title: string): JsonSchema => ({
  type: 'array',
  title,
  items: { type: 'string' },
  minItems: 1,
  uniqueItems: true,
  'x-source': 'parties',
});

export const enumField = (title: string, values: Record<string, string>): JsonSchema => ({
  type: 'string',
  title,
  enum: Object.keys(values),
  'x-enumLabels': Object.values(values),
});

export const objectSchema = (properties: Record<string, JsonSchema>, required: string[] = []): JsonSchema => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});

/** The three answers of the 群众满意度测评, asked at the follow-up visit or through a party's short link. */
export const SATISFACTION_RATINGS: Record<string, string> = { SATISFIED: '满意', BASICALLY_SATISFIED: '基本满意', DISSATISFIED: '不满意' };

/** Each party's satisfaction as the follow-up visit heard it; optional, and one answer per party. */
export const satisfactionField: JsonSchema = {
  type: 'array',
  title: '当事人满意度',
  items: objectSchema({ partyId: { type: 'string', title: '当事人', 'x-source': 'parties' }, rating: enumField('满意度', SATISFACTION_RATINGS) }, ['partyId', 'rating']),
  minItems: 1,
  'x-uniqueBy': 'partyId',
};

/** Routes a party can still take, told to them when mediation ends without agreement (人民调解法 第二十六条). */
export const ROUTES = {
  LITIGATION: '向人民法院提起诉讼',
  ARBITRATION: '申请仲裁',
  ADMINISTRATIVE: '请求行政机关处理',
  PETITION: '信访渠道',
  OTHER_MEDIATION: '其他调解组织调解',
  // The 综治中心 takes in any dispute and routes it on (spec S1 step 4 names it beside litigation and 信访).
  GOVERNANCE_CENTRE: '到综治中心寻求多元化解',
};

export const rightsNoticeField: JsonSchema = {
  ...objectSchema(
    {
      routes: { type: 'array', title: '告知的其他救济途径', items: enumField('途径', ROUTES), minItems: 1, uniqueItems: true },
      notifiedOn: dateField('告知日期'),
      method: enumField('告知方式', { WRITTEN: '书面告知', ORAL: '口头告知并记录' }),
    },
    ['routes', 'notifiedOn', 'method'],
  ),
  title: '权利告知',
};

// ---------- preconditions shared by several workflows ----------

type WithParties = { partyIds: string[] };

/** Every party of the case appears in the id list `field` of the event data. */
export function everyParty(field: string, message: string, messageEn: string, legalBasis: string): Precondition<WithParties> {
  return {
    check: (context, event) => {
      const listed = event.data[field];
      return Array.isArray(listed) && context.partyIds.every((id) => listed.includes(id));
    },
    message,
    messageEn,
    legalBasis,
    detail: (context, event) => {
      const missing = partiesMissing(context.partyIds, event.data[field]);
      return missing.length ? { zh: `尚缺：${missing.map((id) => partyName(event, id)).join('、')}`, en: `missing: ${missing.join(', ')}` } : undefined;
    },
  };
}

/** The party ids of `partyIds` that the list `listed` (event data) leaves out. */
export function partiesMissing(partyIds: string[], listed: unknown): string[] {
  return partyIds.filter((id) => !Array.isArray(listed) || !listed.includes(id));
}

/** A party as people name them, from the engine; its id when the engine gave no names. */
export function partyName(event: WorkflowEvent, id: string): string {
  return event.partyNames?.[id] ?? id;
}

/** The date in `field` of the event data is not later than the day the event is applied. */
export function notInFuture(field: string, label: string): Precondition {
  return {
    check: (_context, event) => typeof event.data[field] !== 'string' || event.data[field] <= event.today,
    message: `${label}不得晚于今天`,
    messageEn: `${field} cannot be in the future`,
  };
}

/** Today is on or before the due date of the case's pending deadline `deadlineId`. */
export function withinDeadline(deadlineId: string, message: string, messageEn: string, legalBasis: string): Precondition {
  return {
    check: (_context, event: WorkflowEvent) => {
      const due = event.deadlines[deadlineId];
      return typeof due === 'string' && event.today <= due;
    },
    message,
    messageEn,
    // Shown while days remain too: without the verdict.
    rule: message.replace(/[，,]\s*期限已过$/, ''),
    ruleEn: messageEn.replace(/[;,]\s*the (window|period|time limit) has passed$/i, ''),
    legalBasis,
    detail: (_context, event: WorkflowEvent) => {
      const due = event.deadlines[deadlineId];
      return typeof due === 'string' ? { zh: `期限已于${due}届满`, en: `it ended on ${due}` } : undefined;
    },
  };
}

/** XState guard implementations built from the preconditions, so the machine and the explanations never disagree. */
export function guardsFrom<T>(preconditions: Record<string, Precondition<T>>) {
  const guards: Record<string, (args: { context: T; event: WorkflowEvent }) => boolean> = {};
  for (const [name, p] of Object.entries(preconditions)) guards[name] = ({ context, event }) => p.check(context, event);
  return guards;
}

// ---------- deadlines shared by several workflows ----------

/**
 * D-JC1: the parties may jointly apply for 司法确认 within 30 days of the agreement taking effect. The mediation case
 * and the court's application case both run it, each with its own expiry event.
 */
export function confirmationWindow(onExpiry: string, metBy: string[]): DeadlineSpec {
  return {
    id: 'D-JC1',
    label: '申请司法确认期限（协议生效之日起三十日）',
    period: { amount: 30, unit: 'day' },
    dayType: 'calendar',
    legalBasis: '人民调解法 第三十三条；民事诉讼法 第二百零五条',
    confidence: 'V',
    anchor: { contextDate: 'agreementEffectiveOn' },
    onExpiry,
    metBy,
  };
}

// ---------- effects the engine interprets (see EFFECT_TYPES) ----------

/** No-op implementations of the engine's effects, to spread into a machine's `setup({ actions })`. */
export const engineEffects = {
  report: (_args: unknown, _params: { outcome: string; data?: Record<string, unknown> }) => undefined,
  acceptTransfer: () => undefined,
  returnTransfer: (_args: unknown, _params: { reasonField: string }) => undefined,
  notifyRisk: (_args: unknown, _params: { level: string; reportedTo?: string; summary?: string }) => undefined,
  supervise: (_args: unknown, _params: { caseField: string; noteField: string }) => undefined,
};

/** Reports an outcome, in this channel's words, to the case that sent this one (a no-op for a case opened directly). */
export const report = (outcome: string, data?: Record<string, unknown>) => ({ type: 'report' as const, params: { outcome, ...(data ? { data } : {}) } });

/** Marks the transfer that created this case as signed for (签收). */
export const acceptTransfer = { type: 'acceptTransfer' as const };

/** Marks the transfer that created this case as returned (退回); `reasonField` names the event data field with the reason. */
export const returnTransfer = (reasonField = 'reason') => ({ type: 'returnTransfer' as const, params: { reasonField } });

/** The event schema of a return: a reason is required (退回须说明理由). */
export const returnSchema = (reasons: Record<string, string>): JsonSchema =>
  objectSchema({ reason: enumField('退回理由', reasons), explanation: textField('说明', 1000) }, ['reason', 'explanation']);

export const pauseDeadlines = (...specIds: string[]) => ({ type: 'pauseDeadlines' as const, params: { specIds } });
export const resumeDeadlines = (...specIds: string[]) => ({ type: 'resumeDeadlines' as const, params: { specIds } });

/**
 * Data of an event the engine delivers when a case this one sent reports an outcome (see RouteRule.up): the outcome
 * in the receiving channel's words, which case reported it and on what day, plus the report's own data fields.
 */
export const outcomeSchema = (extra: Record<string, JsonSchema> = {}, required: string[] = []): JsonSchema =>
  objectSchema(
    {
      outcome: { type: 'string', title: '结果' },
      sourceCaseId: { type: 'string', title: '报告案件' },
      sourceCaseNo: { type: 'string', title: '报告案件案号' },
      reportedOn: dateField('报告日期'),
      ...extra,
    },
    ['outcome', 'sourceCaseId', 'reportedOn', ...required],
  );
