import type { AnyStateMachine } from 'xstate';
import type { Role } from '@app/shared';
import type { JsonSchema } from './json-schema';

export type IsoDate = string;

/**
 * A legal deadline declared on a state. The engine turns it into a durable timer row when the state is entered;
 * the machine never keeps time itself (no XState `after`), so nothing is lost when the process stops.
 */
export interface DeadlineSpec {
  /** Deadline id from the domain specification's table (b), e.g. `D-JC1`. */
  id: string;
  label: string;
  period: { amount: number; unit: 'day' | 'month' | 'year' };
  dayType: 'calendar' | 'working';
  /** Statute and article, in Chinese, e.g. `人民调解法 第三十三条`. */
  legalBasis: string;
  /** How sure the specification is of the rule: verified, secondary source, or unverified. */
  confidence: 'V' | 'S' | 'U';
  /**
   * Where the period starts. By default the day the state is entered; `contextDate` names a context field holding
   * the legal start (e.g. the day an agreement took effect), so re-entering the state does not restart the clock.
   * When that field is empty the deadline is not created.
   */
  anchor?: { contextDate: string };
  /** Event the engine sends to the case when the deadline falls due. Without it, falling due only marks it missed. */
  onExpiry?: string;
  /** A service-level target rather than a legal bar: missing it triggers supervision, not a legal effect. */
  soft?: boolean;
  /** Set for rules the specification marks unverified or locally variable: the period is configuration under this key. */
  configKey?: string;
  /** Events that fulfil the deadline when they end it; ending it by any other event cancels it. Default: any end fulfils it. */
  metBy?: string[];
  /**
   * Other states the period keeps running through: a 30-day review period started at registration runs on while the
   * court verifies or waits for documents, and ends only when the case leaves all of them.
   */
  runsThrough?: string[];
  /** Calendar periods end on the next working day when the last day is a rest day, unless this is false. */
  rollForward?: boolean;
  /**
   * A context field holding `{ amount, unit, dayType }` that replaces `period` and `dayType`: for rules that are local
   * configuration copied onto the case when it opens (a hearing's notice period in its region).
   */
  contextPeriod?: string;
}

export interface StateMeta {
  label: string;
  labelEn: string;
  deadlines?: DeadlineSpec[];
  legalBasis?: string;
}

/** A legal precondition of an event, checked by the machine as a guard and explained to people when it fails. */
export interface Precondition<TContext = any> {
  check: (context: TContext, event: WorkflowEvent) => boolean;
  message: string;
  messageEn: string;
  /**
   * The condition as shown before acting (forms, documentation), where `message` is worded as the refusal it becomes
   * ("…，期限已过"); `message` when absent.
   */
  rule?: string;
  ruleEn?: string;
  legalBasis?: string;
  /** What exactly stood in the way (the earlier case it found), added to the message when the check fails. */
  detail?: (context: TContext, event: WorkflowEvent) => { zh: string; en: string } | undefined;
  /** A sharper explanation built from the data, e.g. naming the panel member who must withdraw; the message otherwise. */
  explain?: (context: TContext, event: WorkflowEvent) => { message: string; messageEn: string } | undefined;
}

export interface EventSpec {
  label: string;
  labelEn: string;
  /** Roles allowed to send the event. `SYSTEM` events come only from the engine (deadlines, linked cases). */
  roles: Role[];
  /** JSON Schema of `data`; titles are the Chinese field labels forms show. */
  schema?: JsonSchema;
  legalBasis?: string;
  /** Names of preconditions (keys of the workflow's `preconditions`) the transition's guards use. */
  preconditions?: string[];
  /** Facts the engine looks up before deciding the event (keys of the workflow's `lookups`), given in `WorkflowEvent.facts`. */
  lookups?: string[];
}

/** A case as a lookup sees it: enough to tell whether it concerns the same people and the same matter, and where it stands. */
export interface LookupCase {
  id: string;
  /** Null when the caller may not see the case: a lookup may find it, but never reveal its number. */
  caseNo: string | null;
  workflowId: string;
  state: string;
  closed: boolean;
  orgName: string;
  orgType: string;
  regionCode: string;
  disputeCode: string;
  category: string;
  summary: string;
  parties: { role: string; name: string; idNumber?: string; phone?: string }[];
  context: Record<string, any>;
  /** Due dates of its pending deadlines by deadline id. */
  deadlines: Record<string, IsoDate>;
}

/**
 * Something the law has the handling body find out for itself before it acts (the petitions on the same matter
 * elsewhere, 信访工作条例 第十九条、第三十六条). The engine reads the cases of `workflows` that share a party with the case
 * (the same identity number, or the same name and phone) or its dispute code, wherever they are held; `find` — pure —
 * decides which count and what the machine is told of each.
 */
export interface CaseLookup {
  workflows: string[];
  find: (subject: LookupCase, candidates: LookupCase[], today: IsoDate) => unknown;
}

/** What the engine hands the machine: the caller's data plus facts only the engine knows. */
export interface WorkflowEvent {
  type: string;
  data: Record<string, any>;
  /** Instant the event is applied (ISO-8601), from the engine clock. */
  at: string;
  /** The same instant as a China calendar date, for guards that compare dates. */
  today: IsoDate;
  /** Due dates of the case's pending deadlines by deadline id, so guards can enforce legal windows. */
  deadlines: Record<string, IsoDate>;
  actor: { id: string; role: Role };
  /**
   * Legal-policy settings for rules the specification marks unverified or local (e.g. `ct.allowLegacyPreFiling`),
   * from the engine's configuration. Guards read them instead of constants.
   */
  policy?: Record<string, unknown>;
  /** What the engine looked up for this event (`EventSpec.lookups`), by lookup name. */
  facts?: Record<string, unknown>;
  /** The case's parties as people name them (`张三（申请人）`) by party id, so a refusal can say who is missing. */
  partyNames?: Record<string, string>;
}

/** Facts about a case at opening, used to build the machine's initial context. */
export interface CaseOpening {
  partyIds: string[];
  openedOn: IsoDate;
  /** Extra input a linked case is spawned with (e.g. the agreement's effective date). */
  input?: Record<string, unknown>;
  /** The dispute category (api.md §Cases), for channels whose law depends on it (a labour dispute must arbitrate first). */
  category?: string;
  /** Set when the case was opened by a transfer: the route and the sending workflow. */
  origin?: { route: string; workflow: string };
  /** Legal-policy settings, as in `WorkflowEvent.policy`. */
  policy?: Record<string, unknown>;
  /** The region (division code) the case belongs to. */
  regionCode?: string;
  /** The organisation that opens or receives the case, for channels whose law depends on where it sits (土地承包仲裁 第二十一条). */
  org?: { type: string; regionCode: string };
}

export interface WorkflowDefinition<TContext = any> {
  id: string;
  version: number;
  title: string;
  titleEn: string;
  /** The statute that governs the channel. */
  legalBasis: string;
  machine: AnyStateMachine;
  events: Record<string, EventSpec>;
  preconditions: Record<string, Precondition<TContext>>;
  /** Roles that may open a case of this workflow directly. */
  openRoles: Role[];
  /** Extra facts needed to open a case directly (sent as `input` when opening), e.g. the agreement's effective date. */
  openingSchema?: JsonSchema;
  initialContext: (opening: CaseOpening) => TContext;
  /** What the engine needs to know about the channel: see `ChannelManifest`. */
  manifest: ChannelManifest;
  /** The lookups its events may ask for, by name. */
  lookups?: Record<string, CaseLookup>;
}

/**
 * What a channel declares about itself so that generic code never names it: the case-number word, who is assigned,
 * the roles and organisation types it introduces, what it reports to a case that sent it work, and its console queues.
 * States that receive transfers carry the XState tag `inbox`.
 */
export interface ChannelManifest {
  /** The word in the case number, e.g. 调 in （2026）枫源调字第3号, 民初, 民特, 劳人仲案. */
  caseNumberKind: string;
  /** Context field holding the user id of the person handling the case (mediator, judge, arbitrator). */
  assigneeField?: string;
  /** Roles this channel introduces, with their Chinese labels. */
  roles: Record<string, string>;
  /** Roles among them that deal with parties in person and so see identity numbers and phones of their cases. */
  caseHandlingRoles: string[];
  /**
   * Roles that may pause, resume and extend this channel's deadlines by hand: the officials of the handling
   * organisation who decide such matters (an extension also names the official who approved it).
   */
  deadlineOfficers: string[];
  /** Organisation types this channel introduces, with their Chinese labels. */
  orgTypes: Record<string, string>;
  /** Organisation types that handle cases of this workflow (open them, or receive them by transfer). */
  handlingOrgTypes: string[];
  /**
   * Where the people working this channel's cases are employed: each role (this channel's or another's) with the
   * organisation types it may be held in. The catalogue joins every channel's list; a user whose role has no home in
   * their organisation's type is refused (a 法官 in a village committee).
   */
  staff: Record<string, string[]>;
  /**
   * How the channel's cases end, in its own words (e.g. CONFIRMED, RETURNED), with Chinese labels. The machine reports
   * one with the `report` effect; each route into the channel maps every outcome to an event of the sending workflow.
   */
  outcomes: Record<string, string>;
  /** The link relation a case of this channel has to the case that sent it, e.g. 司法确认, 起诉, 劳动仲裁. */
  relationLabel: string;
  /** Work queues of the console for this channel's staff. */
  queues: QueueSpec[];
  /**
   * An organisation holding a case of this channel sees every case of the dispute, whoever handles it: the 综治中心
   * follows each case it dispatched and what those cases sent on (跟踪督办).
   */
  seesWholeDispute?: boolean;
  /** How the bureau's statistics read this channel's cases; a channel without it has no success or performance figures. */
  statistics?: StatisticsSpec;
  /** Events each case role of a team member (`CASE_ROLES`) may send on this channel's cases, where the generic list does not fit. */
  teamEvents?: Record<string, string[]>;
  /** Roles of the handling organisation that may invite and remove team members; by default the deadline officers. */
  teamManagers?: string[];
  /**
   * Facts of the case the case page shows, read from the context: what a hearing panel's secretary needs on one page
   * (the level, the panel, the record carried up). Never personal data beyond what the parties list shows.
   */
  facts?: (context: any) => Record<string, unknown>;
}

/**
 * States that count in the statistics: a case that ever entered one of `succeeded` was mediated successfully (调解成功),
 * one that entered `performed` saw its agreement performed (协议履行). `survey`: parties are asked for their
 * satisfaction (群众满意度测评) when a case closes.
 */
export interface StatisticsSpec {
  succeeded: string[];
  performed: string[];
  survey?: boolean;
}

/** A console work queue: open cases of the caller's organisation matching a state tag or states. */
export interface QueueSpec {
  id: string;
  label: string;
  roles: string[];
  /** Cases in a state carrying this tag (XState `tags`). */
  tag?: string;
  /** Only cases assigned to the caller. */
  assignedToMe?: boolean;
}

/**
 * Effects a machine may ask for, as data; the engine refuses at startup any machine action that is not one of these
 * and not an `assign`. The engine interprets them in the same transaction as the transition.
 */
export const EFFECT_TYPES = {
  /** Tell the case that sent this one how it went, in this channel's words: params `{ outcome, data? }`. */
  report: '向移送案件报告结果',
  /** The receiving organisation signed for the transfer that created this case (签收). */
  acceptTransfer: '签收移送',
  /** The receiving organisation returned the transfer (退回): params `{ reasonField }`, the event data field with the reason. */
  returnTransfer: '退回移送',
  /**
   * A risk colour was set or reported (人民调解法 第二十五条; 四色预警): params `{ level, reportedTo?, summary? }`. The
   * engine records it on the risk register, notifies the supervising organisation (and for RED the police station and
   * the 综治中心 of the case's region, escalating to the centre above) and sets the colour's review timer.
   */
  notifyRisk: '报告激化风险',
  /**
   * 督办: the case urges a case it sent on: params `{ caseField, noteField }`, the event data fields naming that case
   * and the note. The handling organisation of that case is notified.
   */
  supervise: '跟踪督办',
  /** Stop the clock of pending deadlines (中止): params `{ specIds }`; the days until resumption are not counted. */
  pauseDeadlines: '期限中止计算',
  /** Restart the clock of deadlines paused by `pauseDeadlines`: params `{ specIds }`. */
  resumeDeadlines: '期限恢复计算',
} as const;
export type EffectType = keyof typeof EFFECT_TYPES;

/** An effect the machine asks for, as data. The engine interprets it inside the same transaction. */
export interface Effect {
  type: string;
  params: Record<string, any>;
}
