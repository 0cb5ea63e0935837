import type { Precondition } from '../definition';
import { everyParty, notInFuture, withinDeadline } from '../building-blocks';
import type { JcContext } from './jc.context';

export const jcPreconditions: Record<string, Precondition<JcContext>> = {
  jointApplication: everyParty(
    'applicantPartyIds',
    '司法确认须由双方当事人共同申请',
    'Judicial confirmation needs a joint application by all parties',
    '民事诉讼法 第二百零五条；民诉解释 第三百五十一条',
  ),
  withinConfirmationWindow: withinDeadline(
    'D-JC1',
    '须自调解协议生效之日起三十日内申请司法确认，期限已过',
    'The application must be made within 30 days of the agreement taking effect; the window has passed',
    '人民调解法 第三十三条；民事诉讼法 第二百零五条',
  ),
  registeredNotInFuture: notInFuture('registeredOn', '立案日期'),
  servedNotInFuture: notInFuture('servedOn', '送达日期'),
  supplementDueLater: {
    check: (_context, event) => typeof event.data.dueOn === 'string' && event.data.dueOn > event.today,
    message: '补正期限须晚于今天',
    messageEn: 'The supplement deadline must be after today',
    legalBasis: '民诉解释 第三百五十四条',
  },
};
