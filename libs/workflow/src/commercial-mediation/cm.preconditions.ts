import type { Precondition } from '../definition';
import { everyParty, notInFuture, withinDeadline } from '../building-blocks';
import type { CmContext } from './cm.context';

export const REGULATION = '商事调解条例';

/**
 * Legal-policy key (FENGQIAO_LEGAL_POLICY): the first day the 商事调解条例 applies. The specification has the date from a
 * secondary source (§0.4 [S]; answers.md reads 第三十三条 as 2026-05-01), so a deployment can correct it.
 */
export const IN_FORCE_FROM = 'cm.inForceFrom';
export const DEFAULT_IN_FORCE_FROM = '2026-05-01';

export const inForceFrom = (policy?: Record<string, unknown>) => {
  const v = policy?.[IN_FORCE_FROM];
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : DEFAULT_IN_FORCE_FROM;
};

/** Commercial disputes the organisation may mediate (条例 第二条), and the matters the regulation leaves out. */
export const COMMERCIAL_MATTERS = { CONTRACT: '商事合同纠纷', INVESTMENT: '投资、金融纠纷', IP: '知识产权纠纷', OTHER_COMMERCIAL: '其他商事纠纷' };
export const EXCLUDED_MATTERS = {
  MARRIAGE_FAMILY: '婚姻家庭纠纷',
  INHERITANCE: '继承纠纷',
  GUARDIANSHIP: '监护纠纷',
  LABOUR: '劳动人事争议',
  CONSUMER: '消费者权益纠纷',
};

export const cmPreconditions: Record<string, Precondition<CmContext>> = {
  regulationInForce: {
    check: (context, event) => context.appliedOn >= inForceFrom(event.policy),
    message: '商事调解条例自2026年5月1日起施行：本申请在施行之前收到，不能按商事调解受理，可以申请人民调解、行业调解或者通过诉讼、仲裁解决',
    messageEn: 'The Commercial Mediation Regulation applies from 2026-05-01: this application was received before then and cannot be taken as a commercial mediation',
    legalBasis: `${REGULATION} 第三十三条`,
  },
  commercialMatter: {
    check: (_context, event) => typeof event.data.matterType === 'string' && event.data.matterType in COMMERCIAL_MATTERS,
    message: '商事调解适用于商事纠纷；婚姻家庭、继承、监护、劳动人事、消费者权益纠纷不适用商事调解',
    messageEn: 'Commercial mediation is for commercial disputes; family, inheritance, guardianship, labour and consumer disputes are excluded',
    legalBasis: `${REGULATION} 第二条`,
  },
  everyPartySigned: everyParty(
    'signedPartyIds',
    '调解协议须由各方当事人签名或者盖章',
    'Every party must sign or seal the mediation agreement',
    '民法典 第四百九十条',
  ),
  effectiveNotInFuture: notInFuture('effectiveOn', '协议生效日期'),
  heldNotInFuture: notInFuture('heldOn', '调解日期'),
  performedNotInFuture: notInFuture('performedOn', '履行日期'),
  jointApplication: everyParty(
    'applicantPartyIds',
    '司法确认须由双方当事人共同申请',
    'Judicial confirmation needs a joint application by all parties',
    `${REGULATION} 第二十三条；民事诉讼法 第二百零五条`,
  ),
  withinConfirmationWindow: withinDeadline(
    'D-JC1',
    '须自调解协议生效之日起三十日内申请司法确认，期限已过',
    'The application must be made within 30 days of the agreement taking effect; the window has passed',
    '民事诉讼法 第二百零五条',
  ),
};
