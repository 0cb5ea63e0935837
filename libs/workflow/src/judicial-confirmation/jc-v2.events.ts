import type { EventSpec } from '../definition';
import { dateField, objectSchema, textField } from '../building-blocks';
import { jcEvents } from './jc.events';

/** Version 2's events: version 1's, with the interested person's objection and a changed ruling (民诉解释 第三百七十二条). */
export const jcV2Events: Record<string, EventSpec> = {
  ...jcEvents,
  FILE_OBJECTION: { ...jcEvents.FILE_OBJECTION, preconditions: ['partiesWithinFifteenDays'] },
  REJECT_OBJECTION: { ...jcEvents.REJECT_OBJECTION, preconditions: ['partiesWindowStillOpen'] },
  FILE_INTERESTED_PERSON_OBJECTION: {
    label: '利害关系人提出异议',
    labelEn: 'An interested person objects to the ruling',
    roles: ['COURT_CLERK', 'JUDGE'],
    schema: objectSchema(
      {
        objector: textField('利害关系人（姓名或名称）', 100),
        knewOn: dateField('知道或应当知道民事权益受到侵害之日'),
        grounds: textField('异议理由'),
      },
      ['objector', 'knewOn', 'grounds'],
    ),
    legalBasis: '民诉解释 第三百七十二条',
    preconditions: ['knewOfHarmNotInFuture', 'interestedPersonInTime'],
  },
  AMEND_RULING: {
    label: '改变原裁定',
    labelEn: 'Change the ruling',
    roles: ['JUDGE'],
    schema: objectSchema({ rulingNo: textField('裁定书文号', 60), changes: textField('改变的内容', 2000) }, ['rulingNo', 'changes']),
    legalBasis: '民诉解释 第三百七十二条',
    preconditions: ['partiesWindowStillOpen'],
  },
};
