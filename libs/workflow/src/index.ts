import { judicialConfirmation } from './judicial-confirmation/jc.workflow';
import { judicialConfirmationV2 } from './judicial-confirmation/jc-v2.workflow';
import { peopleMediation } from './people-mediation/pm.workflow';

export * from './definition';
export * from './json-schema';
export * from './decide';
export * from './describe';
export * from './state-value';
export * from './registry';
export * from './workflow.errors';
export * from './channels';
export * from './catalogue';
export * from './routes/route';
export * from './routes/routes';
export * from './routes/route-table';
export * from './migration';
export * from './migrations';
export { peopleMediation, judicialConfirmation, judicialConfirmationV2 };
