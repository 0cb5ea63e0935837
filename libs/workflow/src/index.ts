import type { WorkflowDefinition } from './definition';
import { peopleMediation } from './people-mediation/pm.workflow';
import { judicialConfirmation } from './judicial-confirmation/jc.workflow';

export * from './definition';
export * from './json-schema';
export * from './decide';
export * from './describe';
export * from './registry';
export * from './workflow.errors';
export { peopleMediation, judicialConfirmation };

/** Every workflow version the engine can run, old versions included. */
export const ALL_WORKFLOWS: WorkflowDefinition[] = [peopleMediation, judicialConfirmation];

/** The workflow a case gets when `POST /api/cases` names none. */
export const INTAKE_WORKFLOW = 'pm';
