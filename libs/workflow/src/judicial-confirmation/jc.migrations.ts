import type { WorkflowMigration } from '../migration';
import type { JcV2Context } from './jc-v2.context';
import type { JcContext } from './jc.context';
import { jcMachine } from './jc.machine';

/**
 * Where each open state of 司法确认 v1 lands in v2. Version 2 only adds to the objection stage, so every state keeps its
 * id and its meaning. A v1 objection under review is always a party's (v1 knew no other), so its rejection ends in
 * `enforceable` as it did in v1: the v2 field `partiesObjectionDueOn` stays empty.
 */
export const JC_V1_TO_V2_STATES: Record<string, string> = {
  preparing: 'preparing',
  filed: 'filed',
  acceptanceReview: 'acceptanceReview',
  registered: 'registered',
  supplementRequested: 'supplementRequested',
  verification: 'verification',
  confirmed: 'confirmed',
  objectionWindow: 'objectionWindow',
  objectionReview: 'objectionReview',
  enforceable: 'enforceable',
};

const v1Label = (state: string) => (jcMachine.states[state]?.meta as { label?: string } | undefined)?.label ?? state;

export const jcV1ToV2: WorkflowMigration = {
  workflow: 'jc',
  from: 1,
  to: 2,
  description: '第2版增加利害关系人异议（自知道或者应当知道民事权益受到侵害之日起六个月内）和改变原裁定（民诉解释 第三百七十二条）；其余状态不变。',
  migrate({ value, context }) {
    const node = jcMachine.states[value];
    if (!node) return { refused: `第1版司法确认流程没有“${value}”状态，无法确定迁移后的状态` };
    if (node.type === 'final') return { refused: `案件已办结（${v1Label(value)}），已结案的案件保留在原版本，不迁移` };
    const to = JC_V1_TO_V2_STATES[value];
    if (!to) return { refused: `第1版的“${v1Label(value)}”状态在第2版中没有对应状态` };
    // Every v1 fact keeps its meaning in v2, which only adds `partiesObjectionDueOn`.
    const next: JcV2Context = { ...(context as JcContext) };
    return { value: to, context: { ...next } };
  },
};

export const jcMigrations: WorkflowMigration[] = [jcV1ToV2];
