import { assign, setup } from 'xstate';
import { ALL_WORKFLOWS } from '../channels';
import type { WorkflowDefinition } from '../definition';
import { RouteTable, wiringProblems } from './route-table';
import { ROUTES } from './routes';
import type { RouteRule } from './route';

const R4 = ROUTES.find((r) => r.id === 'R4')!;

/** A one-state workflow whose only event asks for the given action. */
function withAction(action: unknown, outcomes: Record<string, string> = {}): WorkflowDefinition {
  const machine = setup({ actions: { noteIt: assign({ noted: true }), mystery: () => undefined } }).createMachine({
    id: 'x',
    initial: 'a',
    context: { noted: false },
    states: { a: { on: { GO: { target: 'b', actions: [action as never] } } }, b: { type: 'final' } },
  });
  const pm = ALL_WORKFLOWS.find((d) => d.id === 'pm')!;
  return { ...pm, id: 'x', machine, events: { GO: { label: '走', labelEn: 'Go', roles: ['MEDIATOR'] } }, manifest: { ...pm.manifest, outcomes } };
}

describe('the route table and the channels, checked at startup', () => {
  it('fit together as shipped', () => {
    expect(wiringProblems(ALL_WORKFLOWS, ROUTES)).toEqual([]);
    expect(() => new RouteTable(ROUTES, ALL_WORKFLOWS)).not.toThrow();
  });

  it('refuse a machine asking for an effect the engine does not interpret', () => {
    expect(wiringProblems([withAction('mystery')], [])).toEqual(['x@1: state a asks for the unknown effect mystery']);
  });

  it('refuse an event asking for a lookup its workflow does not declare', () => {
    const def = withAction('noteIt');
    const asking = { ...def, events: { GO: { ...def.events.GO, lookups: ['earlierPetitions'] } } };
    expect(wiringProblems([asking], [])).toEqual(['x@1: GO asks for the unknown lookup earlierPetitions']);
    expect(wiringProblems([{ ...asking, lookups: { earlierPetitions: { workflows: ['x'], find: () => [] } } }], [])).toEqual([]);
  });

  it('accept assign actions and the engine effects', () => {
    expect(wiringProblems([withAction('noteIt')], [])).toEqual([]);
    expect(wiringProblems([withAction({ type: 'report', params: { outcome: 'DONE' } }, { DONE: '完成' })], [])).toEqual([]);
  });

  it('refuse a report of an outcome the manifest does not list', () => {
    expect(wiringProblems([withAction({ type: 'report', params: { outcome: 'DONE' } })], [])).toEqual(['x@1: state a reports DONE, which its manifest does not list']);
  });

  it('refuse a route to an unregistered workflow', () => {
    const rule: RouteRule = { ...R4, id: 'R99', to: { ...R4.to, workflow: 'nowhere' } };
    expect(wiringProblems(ALL_WORKFLOWS, [rule])).toEqual(['route R99 sends to the unregistered workflow nowhere']);
  });

  it('refuse a route that leaves an outcome of the receiving channel unmapped', () => {
    const { CONFIRMED: _dropped, ...up } = R4.up;
    expect(wiringProblems(ALL_WORKFLOWS, [{ ...R4, up }])).toEqual(["route R4: no mapping for jc's outcome CONFIRMED"]);
  });

  it('refuse a mapping to an event the sender does not take from the engine', () => {
    expect(wiringProblems(ALL_WORKFLOWS, [{ ...R4, up: { ...R4.up, CONFIRMED: 'SEEK_CONSENT' } }])).toEqual(['route R4: pm has no engine event SEEK_CONSENT to take in CONFIRMED']);
  });

  it('refuse a receiving organisation type that does not handle the channel', () => {
    expect(wiringProblems(ALL_WORKFLOWS, [{ ...R4, to: { ...R4.to, orgTypes: ['PETITION_BUREAU'] } }])).toEqual(['route R4: jc cases are not handled by PETITION_BUREAU']);
  });

  it('finds the rules an event sets off, honouring conditions on its data', () => {
    const table = new RouteTable(ROUTES, ALL_WORKFLOWS);
    expect(table.from('pm', 'APPLY_JUDICIAL_CONFIRMATION', {}, 'agreedWritten').map((r) => r.id)).toEqual(['R4']);
    expect(table.from('pm', 'SEEK_CONSENT', {}, 'registered')).toEqual([]);
    expect(table.from('pm', 'TRANSFER', { to: 'COURT', receivingOrgId: 'org-court' }, 'mediating').map((r) => r.id)).toEqual(['R7']);
    expect(table.from('pm', 'TRANSFER', { to: 'COURT' }, 'mediating')).toEqual([]);
    expect(table.from('pm', 'TRANSFER', { to: 'POLICE', receivingOrgId: 'x' }, 'mediating').map((r) => r.id)).toEqual(['R23b']);
    expect(table.from('pm', 'TRANSFER', { to: 'POLICE' }, 'mediating')).toEqual([]);
    expect(table.from('pm', 'TRANSFER', { to: 'ADMINISTRATIVE', receivingOrgId: 'x' }, 'mediating')).toEqual([]);
  });

  it('tells the labour suits apart by the state they leave: a final award (R11) or any other ground (R10)', () => {
    const table = new RouteTable(ROUTES, ALL_WORKFLOWS);
    expect(table.from('lab', 'FILE_SUIT', {}, 'post.finalWindows').map((r) => r.id)).toEqual(['R11']);
    expect(table.from('lab', 'FILE_SUIT', {}, 'post.workerSuit').map((r) => r.id)).toEqual(['R11']);
    expect(table.from('lab', 'FILE_SUIT', {}, 'post.partySuit').map((r) => r.id)).toEqual(['R10']);
    expect(table.from('lab', 'FILE_SUIT', {}, 'arb.overdue').map((r) => r.id)).toEqual(['R10']);
    expect(table.from('lab', 'FILE_SUIT', {}, 'arb.notAccepted').map((r) => r.id)).toEqual(['R10']);
  });

  it('refuse start data the events do not carry, and opening input the receiver does not take', () => {
    const start = { event: 'FILE', data: { applicantPartyIds: 'applicantPartyIds', form: 'form', memo: 'note' } };
    expect(wiringProblems(ALL_WORKFLOWS, [{ ...R4, start }])).toEqual(["route R4: jc's FILE has no field memo", "route R4: pm's APPLY_JUDICIAL_CONFIRMATION has no field note"]);
    expect(wiringProblems(ALL_WORKFLOWS, [{ ...R4, input: { ...R4.input, colour: 'agreementForm' } }])).toEqual(['route R4: jc opens with no input field colour']);
    expect(wiringProblems(ALL_WORKFLOWS, [{ ...R4, input: { ...R4.input, mediationOrgName: '$event.orgName' } }])).toEqual(["route R4: pm's APPLY_JUDICIAL_CONFIRMATION has no field orgName"]);
  });

  it('refuse a route from a state the sending machine does not have', () => {
    expect(wiringProblems(ALL_WORKFLOWS, [{ ...R4, from: { ...R4.from, states: ['nowhere'] } }])).toEqual(['route R4: pm has no state nowhere']);
  });
});
