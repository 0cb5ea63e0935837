/*
 * Shapes of the API's answers, as the console reads them (see /api/docs). Views the engine declares as types are
 * imported from it (type-only: nothing of the engine reaches the bundle, see apps/web/tsconfig.json); the older
 * shapes below are still written out here, and `CaseViewMatchesEngine` fails the type check when the engine's case
 * view stops matching this file's.
 */
import type { CaseView as EngineCaseView, DisputeView, InboxEntryView, InboxView, TransferView } from '@app/cases';
import type { QueueSpec } from '@app/workflow';

export type { DisputeView, InboxEntryView, InboxView, QueueSpec, TransferView };
export type DisputeCase = DisputeView['cases'][number];
export type DisputeTransfer = DisputeView['transfers'][number];

export interface CodeLabel {
  code: string;
  label: string;
}

export interface Vocabulary {
  categories: CodeLabel[];
  sources: CodeLabel[];
  partyRoles: CodeLabel[];
  roles: CodeLabel[];
  orgTypes: CodeLabel[];
  regionLevels: CodeLabel[];
  deadlineStatuses: CodeLabel[];
  securityEventKinds: CodeLabel[];
}

export interface Me {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  roleLabels: string[];
  orgId: string;
  orgName: string | null;
  orgType: string | null;
  orgTypeLabel: string | null;
  regionCode: string;
  regionName: string | null;
}

export interface LoginAnswer {
  accessToken: string;
  user: { id: string; roles: string[]; orgId: string; regionCode: string };
}

export interface Region {
  code: string;
  name: string;
  level: string;
  levelLabel: string;
  parentCode: string | null;
}

export interface OrganisationRef {
  id: string;
  name: string;
  type: string;
  typeLabel: string;
  regionCode: string;
  parentId: string | null;
}

export interface OrgUser {
  id: string;
  displayName: string;
  roles: string[];
  roleLabels: string[];
}

export interface NextDeadline {
  label: string;
  dueOn: string;
  daysLeft: number;
  legalBasis: string;
}

/** What every view of a case starts with (the engine's `CaseHeading`). */
export interface CaseHeading {
  id: string;
  caseNo: string;
  workflow: { id: string; version: number; title: string };
  state: string;
  stateLabel: string;
  closed: boolean;
  version: number;
  category: string;
  categoryLabel: string;
  summary: string;
}

export interface CaseSummary extends CaseHeading {
  regionCode: string;
  regionName: string;
  orgId: string;
  orgName: string;
  originOrgName: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  partyNames: string[];
  nextDeadline: NextDeadline | null;
  overdue: boolean;
  openedAt: string;
  updatedAt: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Party {
  id: string;
  role: string;
  roleLabel: string;
  name: string;
  idNumber?: string;
  phone?: string;
  address?: string;
}

export interface Deadline {
  id: string;
  specId: string;
  label: string;
  dueOn: string;
  dayType: 'calendar' | 'working';
  period: { amount: number; unit: string };
  legalBasis: string;
  status: 'pending' | 'met' | 'missed' | 'cancelled';
  statusLabel: string;
  daysLeft: number;
  state: string;
  soft: boolean;
  provisional: boolean;
}

export interface CaseLink {
  relation: string;
  relationLabel: string;
  direction: 'FROM' | 'TO';
  caseId: string;
  caseNo: string;
  workflowId: string;
  orgId: string;
  orgName: string;
  at: string;
}

export interface CaseView extends CaseHeading {
  /** 一案一码: the code every case of one dispute shares, across channels (`GET /api/disputes/:code`). */
  disputeCode: string;
  /** The transfer that brought the case to its organisation, with its dossier; null for a case opened here. */
  transfer: TransferView | null;
  source: string;
  sourceLabel: string;
  region: { code: string; name: string };
  parties: Party[];
  personalDataMasked: boolean;
  assignment: { orgId: string; orgName: string; assigneeId: string | null; assigneeName: string | null };
  origin: { orgId: string; orgName: string; caseId: string | null } | null;
  links: CaseLink[];
  deadlines: Deadline[];
  availableEvents: { type: string; label: string; labelEn: string }[];
  openedAt: string;
  openedBy: string;
  updatedAt: string;
  /** The engine's date (China time): forms default dates to it and refuse later days where the engine would. */
  today: string;
}

/** True while the engine's case view has every field this file's `CaseView` says it has; the type check fails otherwise. */
export type CaseViewMatchesEngine = EngineCaseView extends CaseView ? true : never;
export const CASE_VIEW_MATCHES_ENGINE: CaseViewMatchesEngine = true;

export interface HistoryEntry {
  seq: number;
  at: string;
  actor: { id: string; name: string; role: string; roleLabel: string };
  type: string;
  typeLabel: string;
  from: string | null;
  fromLabel: string | null;
  to: string;
  toLabel: string;
  data: Record<string, unknown>;
  hash: string;
  prevHash: string;
}

/** The subset of JSON Schema the workflows describe event data with; forms are generated from it. */
export interface JsonSchema {
  type?: 'object' | 'string' | 'boolean' | 'integer' | 'number' | 'array';
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: (string | number | boolean)[];
  const?: unknown;
  format?: 'date' | 'date-time';
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  'x-enumLabels'?: string[];
  /** A day something happened: the engine refuses one later than its today, so the picker offers none. */
  'x-notAfterToday'?: boolean;
  /** Days it may not precede (case facts or other fields), checked by the engine, which names them in its refusal. */
  'x-notBefore'?: { ref: string; label: string }[];
  /**
   * Where the choices come from: `parties` (the case's), `courts` (basic courts), `orgs:TYPE1,TYPE2` (organisations
   * of those types), `orgUsers:ROLE` (users of the person's organisation with the role).
   */
  'x-source'?: string;
}

export interface WorkflowState {
  /** Dotted path from the root for a nested state: `trial.simple`. */
  id: string;
  /** The compound or parallel state this one is in; null at the top level. */
  parent: string | null;
  type: 'atomic' | 'compound' | 'parallel' | 'final';
  label: string;
  final: boolean;
  initial: boolean;
  description?: string;
  legalBasis?: string;
}

export interface WorkflowEvent {
  type: string;
  label: string;
  roles: string[];
  roleLabels: string[];
  schema?: JsonSchema;
  legalBasis?: string;
  system: boolean;
  preconditionTexts: { name: string; message: string; legalBasis?: string }[];
}

export interface WorkflowDescription {
  id: string;
  version: number;
  title: string;
  legalBasis: string;
  initial: string;
  states: WorkflowState[];
  events: WorkflowEvent[];
  mermaid: string;
  openRoles: string[];
  openingSchema: JsonSchema | null;
}

/**
 * `GET /api/workflows/channels`: who opens cases, and each channel's work queues, from the channels' manifests.
 * Written out here because the engine builds it in its controller without naming the type.
 */
export interface ChannelsView {
  openingRoles: string[];
  channels: {
    id: string;
    title: string;
    openRoles: string[];
    handlingOrgTypes: string[];
    caseNumberKind: string;
    queues: QueueSpec[];
  }[];
}

export interface WorkflowSummary {
  id: string;
  version: number;
  title: string;
  legalBasis: string;
}

export interface AdminUser {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  roleLabels: string[];
  orgId: string;
  orgName: string | null;
  active: boolean;
  /** Until when failed logins lock the account; null when it is not locked. */
  lockedUntil: string | null;
}

export interface AdminOrganisation {
  id: string;
  name: string;
  shortName: string;
  type: string;
  typeLabel: string;
  regionCode: string;
  regionName: string;
  parentId: string | null;
  parentName: string | null;
  activeUsers: number;
}

/** One row of the security log (安全审计日志). */
export interface SecurityEvent {
  at: string;
  kind: string;
  kindLabel: string;
  actor: { id: string | null; username: string | null; name: string | null };
  ip: string | null;
  caseId: string | null;
  subject: { id: string; name: string | null } | null;
  detail: Record<string, unknown>;
  chain: { key: string; seq: number; hash: string };
}

export interface SecurityLogVerify {
  ok: boolean;
  checked: number;
  chains: number;
  firstBroken: { chainKey: string; seq: number; reason: string } | null;
}
