import type { Precondition } from '../definition';
import type { SubContext } from './sub.context';

export const subPreconditions: Record<string, Precondition<SubContext>> = {
  spotCheckCleared: {
    check: (context) => !context.spotCheckPending,
    message: '抽查回访尚未完成，不能审定',
    messageEn: 'The claim was picked for a spot check and its call-back is not recorded yet',
  },
};
