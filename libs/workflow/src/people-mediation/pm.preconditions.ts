import type { Precondition } from '../definition';
import { everyParty, notInFuture, partiesMissing, partyName } from '../building-blocks';
import type { PmContext } from './pm.context';
import { withinDeadline } from '../building-blocks';

export const pmPreconditions: Record<string, Precondition<PmContext>> = {
  allPartiesConsent: everyParty(
    'consentedPartyIds',
    '须经各方当事人同意方可调解，一方明确拒绝的不得调解',
    'Every party must consent; mediation may not proceed over a party’s refusal',
    '人民调解法 第十七条',
  ),
  allPartiesConsentToExtend: everyParty(
    'consentedPartyIds',
    '延长调解期限须经各方当事人同意',
    'Extending mediation needs the consent of every party',
    '人民调解工作若干规定 第三十三条（地方规定）',
  ),
  agreementTakesEffect: {
    check: (context, event) => {
      const d = event.data;
      const signed: unknown = d.signedPartyIds;
      return (
        Array.isArray(signed) &&
        context.partyIds.every((id) => signed.includes(id)) &&
        d.mediatorSigned === true &&
        d.committeeSealed === true
      );
    },
    message: '书面调解协议须经各方当事人签名、盖章或按指印，调解员签名并加盖人民调解委员会印章后方生效',
    messageEn: 'A written agreement takes effect only when every party has signed, the mediator has signed and the committee seal is affixed',
    legalBasis: '人民调解法 第二十九条',
    // Which signature or seal is missing, so the mediator knows whom to go back to.
    detail: (context, event) => {
      const unsigned = partiesMissing(context.partyIds, event.data.signedPartyIds);
      const zh = [
        ...(unsigned.length ? [`${unsigned.map((id) => partyName(event, id)).join('、')}尚未签名、盖章或按指印`] : []),
        ...(event.data.mediatorSigned === true ? [] : ['调解员尚未签名']),
        ...(event.data.committeeSealed === true ? [] : ['尚未加盖人民调解委员会印章']),
      ];
      const en = [
        ...(unsigned.length ? [`not signed by ${unsigned.join(', ')}`] : []),
        ...(event.data.mediatorSigned === true ? [] : ['the mediator has not signed']),
        ...(event.data.committeeSealed === true ? [] : ['the committee seal is missing']),
      ];
      return zh.length ? { zh: zh.join('；'), en: en.join('; ') } : undefined;
    },
  },
  effectiveNotInFuture: notInFuture('effectiveOn', '协议生效日期'),
  reachedNotInFuture: notInFuture('reachedOn', '口头协议达成日期'),
  jointApplication: everyParty(
    'applicantPartyIds',
    '司法确认须由双方当事人共同申请',
    'Judicial confirmation needs a joint application by all parties',
    '人民调解法 第三十三条；民事诉讼法 第二百零五条',
  ),
  withinConfirmationWindow: withinDeadline(
    'D-JC1',
    '须自调解协议生效之日起三十日内申请司法确认，期限已过',
    'The application must be made within 30 days of the agreement taking effect; the window has passed',
    '人民调解法 第三十三条；民事诉讼法 第二百零五条',
  ),
  rightsNoticeGiven: {
    check: (_context, event) => {
      const notice = event.data.rightsNotice;
      return (
        typeof notice === 'object' &&
        notice !== null &&
        Array.isArray(notice.routes) &&
        notice.routes.length > 0 &&
        typeof notice.notifiedOn === 'string' &&
        typeof notice.method === 'string'
      );
    },
    message: '须告知当事人可以依法通过仲裁、行政、司法等途径维护自己的权利，并记录告知的途径、日期和方式',
    messageEn: 'The parties must be told which arbitration, administrative and judicial routes remain open, and the notice recorded',
    legalBasis: '人民调解法 第二十六条',
  },
  // Once the parties agreed, the agreement stands whatever the court then does with its own case; a later
  // re-mediation after a default is the committee's, not the court's.
  noAgreementYet: {
    check: (context) => context.agreementForm === undefined,
    message: '当事人已达成调解协议，人民法院终止委托不影响协议效力',
    messageEn: 'The parties already reached an agreement; the court ending its entrustment does not undo it',
    legalBasis: '人民调解法 第三十一条',
  },
  wasConfirmed: {
    check: (context) => context.confirmed,
    message: '协议未经司法确认，不能申请强制执行，可就协议向人民法院起诉',
    messageEn: 'The agreement was not judicially confirmed, so it cannot be enforced directly; a suit on the agreement is the route',
    legalBasis: '人民调解法 第三十二条、第三十三条',
  },
};
