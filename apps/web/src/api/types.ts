/* Shapes of the API's answers, as the console reads them (see /api/docs). */

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
}

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
  'x-source'?: string;
}

export interface WorkflowState {
  id: string;
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
