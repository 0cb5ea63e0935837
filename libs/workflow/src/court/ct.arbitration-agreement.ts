import { and } from 'xstate';
import type { EventSpec, Precondition, StateMeta } from '../definition';
import { dateField, enumField, notInFuture, objectSchema, report, textField } from '../building-blocks';
import type { CtContext } from './ct.context';

/*
 * R7(b): a valid written arbitration agreement bars the suit, but only if the defendant raises it before the first
 * hearing; a defendant who does not is taken to have accepted the court (仲裁法 第五条、第二十六条; 民事诉讼法
 * 第一百二十七条第二项; 民诉解释 第二百一十六条). The court then dismisses the suit; the parties go to arbitration.
 */

const MSJS = '最高人民法院关于适用《中华人民共和国民事诉讼法》的解释';

export const ARBITRATION_AGREEMENT_FORMS = {
  CONTRACT_CLAUSE: '合同中订立的仲裁条款',
  SEPARATE_AGREEMENT: '单独达成的仲裁协议书',
  OTHER_WRITTEN: '以其他书面方式达成的仲裁协议',
  ORAL: '仅有口头约定',
};

export const arbitrationAgreementEvents: Record<string, EventSpec> = {
  DISMISS_FOR_ARBITRATION_AGREEMENT: {
    label: '被告以仲裁协议提出异议，裁定驳回起诉',
    labelEn: 'The defendant invoked the arbitration agreement: dismiss the suit',
    roles: ['JUDGE'],
    schema: objectSchema(
      {
        objectedOn: dateField('被告提出异议日期'),
        firstHearingOn: dateField('首次开庭日期（尚未开庭的不填）'),
        agreementForm: enumField('仲裁协议形式', ARBITRATION_AGREEMENT_FORMS),
        agreementValid: { type: 'boolean', title: '仲裁协议有效（具备仲裁法第十六条的内容且无第十七条情形）' },
        ruledOn: dateField('裁定日期'),
        rulingNo: textField('裁定书文号', 60),
      },
      ['objectedOn', 'agreementForm', 'agreementValid', 'ruledOn'],
    ),
    legalBasis: `仲裁法 第五条、第二十六条；民事诉讼法 第一百二十七条第二项；${MSJS} 第二百一十六条`,
    preconditions: ['objectedBeforeFirstHearing', 'validWrittenArbitrationAgreement', 'dismissalNotInFuture'],
  },
};

export const arbitrationAgreementPreconditions: Record<string, Precondition<CtContext>> = {
  objectedBeforeFirstHearing: {
    // A remanded case was judged once, so its first hearing is long past whatever the judge enters.
    check: (context, event) => {
      const { objectedOn, firstHearingOn } = event.data;
      return (
        context.remandedOn === undefined &&
        typeof objectedOn === 'string' &&
        objectedOn <= event.today &&
        (typeof firstHearingOn !== 'string' || objectedOn < firstHearingOn)
      );
    },
    message: '当事人达成仲裁协议，一方向人民法院起诉未声明有仲裁协议，人民法院受理后，另一方在首次开庭前未对人民法院受理该案提出异议的，视为放弃仲裁协议，人民法院应当继续审理',
    messageEn: 'The defendant did not object to the court before the first hearing: the arbitration agreement is waived and the court goes on with the case',
    legalBasis: `仲裁法 第二十六条；${MSJS} 第二百一十六条`,
  },
  validWrittenArbitrationAgreement: {
    check: (_context, event) => typeof event.data.agreementForm === 'string' && event.data.agreementForm !== 'ORAL' && event.data.agreementValid === true,
    message: '只有有效的书面仲裁协议才排除人民法院管辖；仲裁协议不成立、无效、失效或者内容不明确无法执行的，人民法院继续审理',
    messageEn: 'Only a valid written arbitration agreement bars the court; the court goes on if the agreement is oral, void, lapsed or too unclear to perform',
    legalBasis: '仲裁法 第五条、第十六条、第十七条；民事诉讼法 第一百二十七条第二项',
  },
  dismissalNotInFuture: notInFuture('ruledOn', '裁定日期'),
};

/** The transition, for every state before judgment in which the court itself holds the case. */
export const arbitrationObjection = {
  DISMISS_FOR_ARBITRATION_AGREEMENT: {
    target: '#ct.dismissedForArbitration',
    guard: and(['objectedBeforeFirstHearing', 'validWrittenArbitrationAgreement', 'dismissalNotInFuture']),
    actions: ['recordClosure', report('DISMISSED')],
  },
} as const;

const meta = (m: StateMeta) => m;

export const dismissedForArbitration = {
  type: 'final' as const,
  description: '当事人有有效的书面仲裁协议，被告在首次开庭前提出异议：裁定驳回起诉，当事人应当申请仲裁。',
  meta: meta({ label: '裁定驳回起诉（有仲裁协议）', labelEn: 'Dismissed: arbitration agreement', legalBasis: `仲裁法 第五条、第二十六条；${MSJS} 第二百一十六条` }),
};
