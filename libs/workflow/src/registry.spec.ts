import { DomainError } from '@app/shared';
import { decide, eventsHandledIn } from './decide';
import type { WorkflowDefinition } from './definition';
import { ALL_WORKFLOWS, INTAKE_WORKFLOW } from './index';
import { judicialConfirmation } from './judicial-confirmation/jc.workflow';
import { peopleMediation } from './people-mediation/pm.workflow';
import { WorkflowRegistry } from './registry';
import { WorkflowNotFoundError, WorkflowVersionMismatchError } from './workflow.errors';

/** A later version of the mediation workflow: same machine, new number, as a migration would register it. */
const pmV2: WorkflowDefinition = { ...peopleMediation, version: 2, title: '人民调解（第二版）' };

const envelope = {
  type: 'SEEK_CONSENT',
  data: {},
  at: '2025-03-10T02:00:00.000Z',
  today: '2025-03-10',
  deadlines: {},
  actor: { id: 'u-1', role: 'INTAKE_CLERK' as const },
};

describe('WorkflowRegistry', () => {
  it('registers every shipped workflow, the intake workflow included', () => {
    const registry = new WorkflowRegistry(ALL_WORKFLOWS);
    expect(registry.has(INTAKE_WORKFLOW)).toBe(true);
    expect(registry.get('pm', 1)).toBe(peopleMediation);
    expect(registry.get('jc', 1)).toBe(judicialConfirmation);
  });

  it('looks a workflow up by id and version, old versions included', () => {
    const registry = new WorkflowRegistry([pmV2, peopleMediation, judicialConfirmation]);
    expect(registry.get('pm', 1)).toBe(peopleMediation);
    expect(registry.get('pm', 2)).toBe(pmV2);
    expect(registry.get('jc', 1)).toBe(judicialConfirmation);
  });

  it('returns the highest version as the latest, whatever the registration order', () => {
    expect(new WorkflowRegistry([peopleMediation, pmV2]).latest('pm')).toBe(pmV2);
    expect(new WorkflowRegistry([pmV2, peopleMediation]).latest('pm')).toBe(pmV2);
    expect(new WorkflowRegistry([pmV2, peopleMediation, judicialConfirmation]).latest('jc')).toBe(judicialConfirmation);
  });

  it('lists the latest version of each workflow, and every version of one in order', () => {
    const registry = new WorkflowRegistry([pmV2, judicialConfirmation, peopleMediation]);
    expect(registry.list()).toHaveLength(2);
    expect(registry.list()).toEqual(expect.arrayContaining([pmV2, judicialConfirmation]));
    expect(registry.versions('pm').map((d) => d.version)).toEqual([1, 2]);
    expect(registry.versions('xf')).toEqual([]);
  });

  it('refuses to register the same id and version twice', () => {
    expect(() => new WorkflowRegistry([peopleMediation, judicialConfirmation, { ...peopleMediation }])).toThrow('Workflow pm@1 is registered twice');
  });

  it.each([
    ['an unknown id', () => new WorkflowRegistry(ALL_WORKFLOWS).get('nowhere', 1), { id: 'nowhere', version: 1 }],
    ['an unknown version', () => new WorkflowRegistry(ALL_WORKFLOWS).get('pm', 9), { id: 'pm', version: 9 }],
    ['the latest of an unknown id', () => new WorkflowRegistry(ALL_WORKFLOWS).latest('nowhere'), { id: 'nowhere', version: undefined }],
  ])('throws WorkflowNotFoundError for %s', (_name, lookup, metadata) => {
    let error: unknown;
    try {
      lookup();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WorkflowNotFoundError);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'WORKFLOW.NOT_FOUND', metadata, messageZh: expect.stringContaining('未找到流程') });
  });

  it('says whether a workflow is registered', () => {
    const registry = new WorkflowRegistry([judicialConfirmation]);
    expect(registry.has('jc')).toBe(true);
    expect(registry.has('pm')).toBe(false);
  });
});

describe('a stored state the machine does not have', () => {
  const context = peopleMediation.initialContext({ partyIds: ['p1', 'p2'], openedOn: '2025-03-01' });

  it('makes decide() throw WorkflowVersionMismatchError naming the workflow, version and state', () => {
    let error: unknown;
    try {
      decide(peopleMediation, { value: 'awaitingAppraisal', context }, envelope);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WorkflowVersionMismatchError);
    expect(error).toMatchObject({
      code: 'WORKFLOW.VERSION_MISMATCH',
      metadata: { id: 'pm', version: 1, state: 'awaitingAppraisal' },
      messageZh: expect.stringContaining('需要迁移'),
    });
  });

  it('makes eventsHandledIn() throw it too', () => {
    expect(() => eventsHandledIn(judicialConfirmation, { value: 'mediating', context })).toThrow(WorkflowVersionMismatchError);
  });

  it('rejects a state of another workflow (a jc state in pm)', () => {
    expect(() => decide(peopleMediation, { value: 'objectionWindow', context }, envelope)).toThrow(WorkflowVersionMismatchError);
  });
});
