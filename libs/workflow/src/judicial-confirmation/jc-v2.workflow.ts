import type { WorkflowDefinition } from '../definition';
import type { JcV2Context } from './jc-v2.context';
import { jcV2Events } from './jc-v2.events';
import { jcV2Machine } from './jc-v2.machine';
import { jcV2Preconditions } from './jc-v2.preconditions';
import { judicialConfirmation } from './jc.workflow';

/**
 * 司法确认, version 2: version 1 with the interested person's six-month objection (D-JC5) and a changed ruling
 * (民诉解释 第三百七十二条). Opening, roles and manifest are version 1's; cases of version 1 move by `jcMigrations`.
 */
export const judicialConfirmationV2: WorkflowDefinition<JcV2Context> = {
  ...judicialConfirmation,
  version: 2,
  legalBasis: '中华人民共和国民事诉讼法 第二百零五条、第二百零六条；民诉解释 第三百七十二条',
  machine: jcV2Machine,
  events: jcV2Events,
  preconditions: jcV2Preconditions,
  manifest: { ...judicialConfirmation.manifest },
};
