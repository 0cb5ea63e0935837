/*
 * Shapes of the API's answers, as the console reads them: names for parts of schema.d.ts, which is generated from the
 * engine's OpenAPI document (`npm run api:types`), itself derived from the engine's view types. Nothing here is
 * written out by hand, so the console cannot drift from what the engine sends.
 */
import type { components, operations } from './schema';

/** Every named schema of the document, for pages that name a view of their own (`Schemas['RiskSweep']`). */
export type Schemas = components['schemas'];
type SuccessOf<R> = R extends { 200: infer A } ? A : R extends { 201: infer B } ? B : never;
type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;
/** The JSON body an operation (by its OpenAPI operation id) answers with on success. */
export type Answer<Op extends keyof operations> = JsonOf<SuccessOf<operations[Op]['responses']>>;

export type DisputeView = Schemas['DisputeView'];
export type InboxEntryView = Schemas['InboxEntryView'];
export type InboxView = Schemas['InboxView'];
export type QueueSpec = Schemas['QueueSpec'];
export type TransferView = Schemas['TransferView'];
export type DisputeCase = DisputeView['cases'][number];
export type DisputeTransfer = DisputeView['transfers'][number];

export type Vocabulary = Answer<'VocabularyController_get'>;
export type CodeLabel = Vocabulary['categories'][number];
export type Me = Answer<'AuthController_me'>;
export type LoginAnswer = Answer<'AuthController_login'>;
export type Region = Answer<'DirectoryController_regions'>[number];
export type OrganisationRef = Answer<'DirectoryController_organisations'>[number];
export type OrgUser = Answer<'DirectoryController_myUsers'>[number];

export type CaseSummary = Schemas['CaseSummaryView'];
export type NextDeadline = NonNullable<CaseSummary['nextDeadline']>;
/** A page of a list: the engine's lists share the case list's paging fields; only the case list stops counting (totalCapped). */
export type Page<T> = Omit<Schemas['CaseListView'], 'items' | 'totalCapped'> & { items: T[]; totalCapped?: boolean };

export type CaseView = Schemas['CaseView'];
export type Party = CaseView['parties'][number];
export type Deadline = Schemas['DeadlineView'];
export type CaseLink = CaseView['links'][number];
export type HistoryEntry = Schemas['HistoryEntryView'];

/** The subset of JSON Schema the workflows describe event data with; forms are generated from it. */
export type JsonSchema = Schemas['JsonSchema'];
export type WorkflowDescription = Answer<'WorkflowsController_get'>;
export type WorkflowState = WorkflowDescription['states'][number];
export type WorkflowEvent = WorkflowDescription['events'][number];
/** `GET /api/workflows/channels`: who opens cases, and each channel's work queues, from the channels' manifests. */
export type ChannelsView = Answer<'WorkflowsController_channels'>;
export type WorkflowSummary = Answer<'WorkflowsController_list'>[number];

export type AdminUser = Answer<'AdminUsersController_list'>['items'][number];
export type AdminOrganisation = Answer<'AdminOrganisationsController_list'>[number];
/** One row of the security log (安全审计日志). */
export type SecurityEvent = Answer<'SecurityLogController_list'>['items'][number];
export type SecurityLogVerify = Schemas['SecurityVerifyResult'];

/** A case of the 待分配 queue, with what the person may do with it. */
export type UnassignedCase = Schemas['UnassignedCaseItem'];
/** A missed deadline on the 督办 list of a supervising organisation. */
export type EscalatedDeadline = Schemas['EscalatedDeadlineItem'];
export type NotificationItem = Schemas['NotificationView'];
export type NotificationPage = Schemas['NotificationListView'];

type Resolves<T> = [T] extends [never] ? false : true;
/** Fails the type check when an `Answer` above stops resolving (an operation renamed, its status changed): `never` would accept anything. */
export const ANSWERS_RESOLVE: [Resolves<Vocabulary>, Resolves<Me>, Resolves<LoginAnswer>, Resolves<Region>, Resolves<OrganisationRef>, Resolves<OrgUser>, Resolves<WorkflowDescription>, Resolves<ChannelsView>, Resolves<WorkflowSummary>, Resolves<AdminUser>, Resolves<AdminOrganisation>, Resolves<SecurityEvent>] = [true, true, true, true, true, true, true, true, true, true, true, true];
