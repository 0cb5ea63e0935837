import type { Precondition } from '../definition';
import { everyParty, notInFuture } from '../building-blocks';
import type { Classification, ZzContext } from './zz.context';
import { TARGET_RECORDS } from './zz.events';

const ART_31 = '信访工作条例 第三十一条';
const CENTRE_OPINION = '关于加强社会治安综合治理中心规范化建设的意见（2024）';
/** The centre closes the loop as a mediation organisation does: it follows the outcome through (回访). */
const CLOSED_LOOP = `人民调解法 第三十一条；${CENTRE_OPINION}`;

/**
 * 法治化路线图: the channels the law provides for each kind of matter (spec (c) R1–R14), legal channels first. A matter
 * with no channel in the engine (criminal, land rights awaiting the government, petition-only) is referred outside.
 */
export const CHANNELS_BY_CLASSIFICATION: Record<Classification, string[]> = {
  CIVIL: ['pm', 'ct'],
  LABOUR: ['lab'],
  // 农村土地承包经营纠纷调解仲裁法 第四条: mediation, arbitration or a suit, as the party chooses.
  LAND_CONTRACT: ['pm', 'land', 'ct'],
  LAND_RIGHTS: [],
  ADMINISTRATIVE: ['rx'],
  PUBLIC_ORDER: ['ps', 'pm'],
  CRIMINAL: [],
  TRAFFIC: ['pm', 'ct'],
  // 诉访分离: the petition channel takes only what no legal channel takes (第三十一条第六项).
  PETITION_ONLY: ['xf'],
};

/** Authorities outside the engine a matter may be referred to, and the classifications each takes. */
export const OUTSIDE_BY_AUTHORITY: Record<string, Classification[]> = {
  POLICE: ['CRIMINAL', 'PUBLIC_ORDER', 'TRAFFIC'],
  PROCURATORATE: ['CRIMINAL'],
  GOVERNMENT: ['LAND_RIGHTS', 'ADMINISTRATIVE'],
  RECONSIDERATION: ['ADMINISTRATIVE'],
  // 诉访分离: 信访 takes only what no legal channel takes.
  PETITION_BUREAU: ['PETITION_ONLY'],
};

export const zzPreconditions: Record<string, Precondition<ZzContext>> = {
  channelFitsClassification: {
    check: (context, event) => {
      const matter = (event.data.matter ?? context.classification) as Classification | undefined;
      return !!matter && (CHANNELS_BY_CLASSIFICATION[matter] ?? []).includes(event.data.channel);
    },
    message: '分流渠道与甄别研判的纠纷类别不符：应当依照法律途径分流（劳动争议先申请劳动仲裁，民事纠纷调解或者诉讼），信访渠道只受理没有法定途径的事项',
    messageEn: 'The channel does not fit the triage: the law’s own channel comes first, and petitions take only what no legal channel takes',
    legalBasis: `${ART_31}；${CENTRE_OPINION}`,
  },
  targetRecordKnown: {
    check: (context, event) => {
      const record = TARGET_RECORDS[event.data.channel];
      return !record || event.data[record] !== undefined || context[record as keyof ZzContext] !== undefined;
    },
    message: '分流到信访、行政复议或者农村土地承包仲裁的，须在研判或者派单时记录受理机关所需的情况（信访形式和类别；被申请的行政行为、作出机关、知道之日和复议请求；土地承包纠纷类型和土地坐落）',
    messageEn: 'A dispatch to a petition office, a reconsideration organ or a land commission carries what that body needs to open the case, recorded at triage or with the dispatch',
    legalBasis: `${ART_31}；${CENTRE_OPINION}`,
  },
  authorityFitsClassification: {
    check: (context, event) => !!context.classification && (OUTSIDE_BY_AUTHORITY[event.data.authority] ?? []).includes(context.classification),
    message: '移交机关与纠纷类别不符：有法定途径的事项不得转入信访渠道，应依法分类处理',
    messageEn: 'The authority does not fit the triage: a matter with a legal channel is not referred to the petition office',
    legalBasis: ART_31,
  },
  everyPartyConsents: everyParty('consentedPartyIds', '先行调解须经各方当事人同意；一方明确拒绝的，不得调解', 'Every party must consent to mediation at the counter', '人民调解法 第十七条'),
  everyChildEnded: {
    check: (context) => context.openChildren === 0,
    message: '分流的案件尚未全部办结，不能回访结案（案结事了）',
    messageEn: 'A dispatched case is still open: the follow-up and closure wait until every one has ended',
    legalBasis: CLOSED_LOOP,
  },
  startedNotInFuture: notInFuture('startedOn', '先行调解开始日期'),
  resolvedNotInFuture: notInFuture('resolvedOn', '调解成功日期'),
  visitedNotInFuture: notInFuture('visitedOn', '回访日期'),
};
