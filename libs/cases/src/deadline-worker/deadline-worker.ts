import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { chinaDate, startOfChinaDay, type IsoDate } from '@app/calendar';
import {
  CalendarService,
  DeadlinePlanner,
  DeadlineStore,
  escalationMessage,
  reminderHorizon,
  reminderMessage,
  type DeadlineWithCase,
  type Notification,
  type NotificationKind,
  type PendingNotification,
} from '@app/deadlines';
import { DirectoryService, type Directory } from '@app/organisations';
import { Clock, DomainError } from '@app/shared';
import { WorkflowRegistry } from '@app/workflow';
import { allOfficials, handlersOf, officialsOf, rolesThere } from '../domain/notice-address';
import { FireDeadlinesCommand, type FireDeadlineResult } from '../commands/fire-deadlines/fire-deadlines.command';
import { OutboxDispatcher } from '../outbox/outbox-dispatcher';
import { CaseStore, type LoadedCase } from '../ports/case-store.port';
import type { DeadlineWorkerReport, FiredDeadline, NotifiedDeadline } from './deadline-worker.report';
import { DeadlineWorkerSettings } from './deadline-worker.settings';

const NOTIFY_BATCH = 200;
/** Most firings committed in one statement. */
const COMMIT_CHUNK = 50;

/**
 * The durable timer: each run fires the deadlines that fell due (however long the engine was down), sends
 * reminders before due dates, escalates missed service targets to the supervising organisation, moves the estimate
 * of paused deadlines, and delivers the outbox. Any number of processes may run it against one database: a deadline
 * is claimed by one process at a time (a lease), its expiry event carries the idempotency key `deadline:<id>`, and
 * every stamp (fired, reminded, escalated) is written only where it is still empty.
 */
@Injectable()
export class DeadlineWorker {
  private readonly logger = new Logger(DeadlineWorker.name);
  /** Identifies this process's claims in the table, for whoever looks at a stuck row. */
  readonly workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private last: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: DeadlineStore,
    private readonly cases: CaseStore,
    private readonly commands: CommandBus,
    private readonly calendar: CalendarService,
    private readonly planner: DeadlinePlanner,
    private readonly directoryService: DirectoryService,
    private readonly outbox: OutboxDispatcher,
    private readonly clock: Clock,
    private readonly settings: DeadlineWorkerSettings,
    private readonly registry: WorkflowRegistry,
  ) {}

  /** Runs once, after any run of this process already under way (the timer and an administrator may ask at once). */
  runOnce(): Promise<DeadlineWorkerReport> {
    const run = this.last.then(
      () => this.run(),
      () => this.run(),
    );
    this.last = run.catch(() => undefined);
    return run;
  }

  private async run(): Promise<DeadlineWorkerReport> {
    const now = this.clock.now();
    const today = chinaDate(now);
    const calendarReloaded = await this.calendar.refresh();
    const fired = await this.fireDue(now);
    const reminders = await this.remind(now, today);
    const escalations = await this.escalate(now);
    const pausedRecomputed = await this.movePausedEstimates(today);
    const outboxDelivered = await this.outbox.drain();
    if (fired.length || reminders.length || escalations.length) {
      this.logger.log(`Deadlines: ${fired.length} due handled, ${reminders.length} reminders, ${escalations.length} escalations (engine time ${now.toISOString()})`);
    }
    return { ranAt: now.toISOString(), today, fired, reminders, escalations, pausedRecomputed, outboxDelivered, calendarReloaded };
  }

  /** Claims due deadlines batch by batch until none is left, firing up to `concurrency` at once. */
  private async fireDue(now: Date): Promise<FiredDeadline[]> {
    const { batchSize, concurrency, leaseMs } = this.settings;
    const report: FiredDeadline[] = [];
    const seen = new Set<string>();
    const release: string[] = [];
    for (;;) {
      const claimed = (await this.store.claimDue(now, this.workerId, new Date(Date.now() + leaseMs), batchSize)).filter((d) => !seen.has(d.id));
      if (!claimed.length) break;
      claimed.forEach((d) => seen.add(d.id));

      const marked = claimed.filter((d) => !d.onExpiry);
      const missed = new Set(await this.store.markMissed(marked.map((d) => d.id), now));
      for (const d of marked) report.push(entry(d, missed.has(d.id) ? 'missed' : 'skipped'));

      const firing = claimed.filter((d) => d.onExpiry);
      // One query for the batch's cases, and one commit per chunk of firings: round trips to the database, not the
      // machine, are what a firing costs.
      const cases = new Map((await this.cases.loadMany([...new Set(firing.map((d) => d.caseId))])).map((c) => [c.record.id, c]));
      const size = Math.max(1, Math.min(COMMIT_CHUNK, Math.ceil(firing.length / concurrency)));
      const chunks = Array.from({ length: Math.ceil(firing.length / size) }, (_, i) => firing.slice(i * size, (i + 1) * size));
      await forEachLimited(chunks, concurrency, async (chunk) => {
        for (const result of await this.fireChunk(chunk, now, cases)) {
          if (result.outcome === 'skipped') release.push(result.deadlineId);
          report.push(result);
        }
      });
      if (claimed.length < batchSize) break;
    }
    // Not due after all (extended or met meanwhile): give the claim back so a later due date is fired on time.
    await this.store.release(release);
    return report;
  }

  private async fireChunk(chunk: DeadlineWithCase[], now: Date, cases: Map<string, LoadedCase>): Promise<FiredDeadline[]> {
    let results: FireDeadlineResult[];
    try {
      results = await this.commands.execute(new FireDeadlinesCommand(chunk.map((d) => ({ deadline: d, preloaded: cases.get(d.caseId) }))));
    } catch (error) {
      results = chunk.map(() => ({ outcome: 'error' as const, error }));
    }
    return Promise.all(chunk.map((d, i) => this.settle(d, results[i], now)));
  }

  /** Records what became of one firing: closes it when the machine refused, counts a failure to retry later. */
  private async settle(d: DeadlineWithCase, result: FireDeadlineResult, now: Date): Promise<FiredDeadline> {
    if (result.outcome === 'fired' || result.outcome === 'replayed' || result.outcome === 'skipped') return entry(d, result.outcome, result.reason);
    if (result.outcome === 'refused') {
      // The machine will not take the event (the case moved on): close the deadline with the reason, never loop.
      const closed = await this.store.closeUnfired(d.id, now, `refused ${d.onExpiry}: ${result.reason}`);
      this.logger.warn(`Deadline ${d.id} (${d.specId}) of case ${d.case.caseNo} could not fire ${d.onExpiry}: ${result.reason}`);
      return entry(d, closed ? 'refused' : 'skipped', result.reason);
    }
    const error = result.error;
    const text = error instanceof DomainError ? `${error.code}: ${error.message}` : String(error);
    const attempts = await this.store.recordFailure(d.id, text, new Date(Date.now() + this.settings.retryMs));
    if (attempts >= this.settings.maxAttempts) {
      await this.store.closeUnfired(d.id, now, `failed after ${attempts} attempts: ${text}`);
      this.logger.error(`Deadline ${d.id} (${d.specId}) of case ${d.case.caseNo} closed unfired after ${attempts} failed attempts: ${text}`);
      return entry(d, 'refused', `failed after ${attempts} attempts: ${text}`);
    }
    this.logger.warn(`Firing deadline ${d.id} failed (attempt ${attempts}), will retry: ${text}`);
    return entry(d, 'failed', text);
  }

  /** One reminder per pending deadline once at most `reminderWorkingDays` working days are left, to the handling organisation. */
  private async remind(now: Date, today: IsoDate): Promise<NotifiedDeadline[]> {
    const days = this.settings.reminderWorkingDays;
    if (days <= 0) return [];
    const calendar = this.calendar.current();
    const before = startOfChinaDay(reminderHorizon(calendar, today, days));
    let directory: Directory | null = null;
    const next = async () => {
      const batch = await this.store.dueForReminder(now, before, NOTIFY_BATCH);
      if (batch.length) directory ??= await this.directoryService.current();
      return batch;
    };
    // To the officials who answer for the case's deadlines (the committee's directors) and its handlers (调解员).
    return this.notifyAll('REMINDER', now, next, (d) => ({
      orgId: d.orgId,
      roles: rolesThere(directory!, d.orgId, handlersOf(this.registry.get(d.case.workflowId, d.case.workflowVersion))),
      message: reminderMessage({ caseNo: d.case.caseNo, label: d.label, dueOn: d.dueOn, legalBasis: d.legalBasis, workingDaysLeft: calendar.workingDaysBetween(today, d.dueOn) }),
    }));
  }

  /**
   * 督办: a missed service target (a soft deadline, e.g. D-PM1) is escalated to the organisation one level up.
   * An organisation without a supervisor gets no escalation; its overdue list still shows the deadline.
   */
  private async escalate(now: Date): Promise<NotifiedDeadline[]> {
    let directory: Directory | null = null;
    const next = async () => {
      const batch = await this.store.missedUnescalated(NOTIFY_BATCH);
      // Loaded only when needed: most runs have nothing to escalate.
      if (batch.length) directory ??= await this.directoryService.current();
      return batch;
    };
    return this.notifyAll('ESCALATION', now, next, (d) => {
      const org = directory!.org(d.orgId);
      const supervisor = org?.parentId ? directory!.org(org.parentId) : undefined;
      if (!supervisor) return null;
      return { orgId: supervisor.id, roles: rolesThere(directory!, supervisor.id, officialsOf(this.registry.get(d.case.workflowId, d.case.workflowVersion)), allOfficials(this.registry)), message: escalationMessage({ caseNo: d.case.caseNo, label: d.label, dueOn: d.dueOn, legalBasis: d.legalBasis, orgName: org!.name }) };
    });
  }

  /** Stamps and notifies batch by batch; every candidate gets its stamp, so the loop ends. */
  private async notifyAll(
    kind: NotificationKind,
    now: Date,
    next: () => Promise<DeadlineWithCase[]>,
    compose: (d: DeadlineWithCase) => { orgId: string; roles: string[] | null; message: string } | null,
  ): Promise<NotifiedDeadline[]> {
    const out: NotifiedDeadline[] = [];
    const byId = new Map<string, DeadlineWithCase>();
    for (;;) {
      const batch = await next();
      if (!batch.length) return out;
      const items: PendingNotification[] = batch.map((d) => {
        byId.set(d.id, d);
        const content = compose(d);
        const notification: Notification | null = content
          ? { id: randomUUID(), ...content, caseId: d.caseId, deadlineId: d.id, kind, createdAt: now.toISOString(), readAt: null, readBy: null }
          : null;
        return { deadlineId: d.id, notification };
      });
      for (const n of await this.store.notify(kind, items, now)) {
        out.push({ notificationId: n.id, kind, deadlineId: n.deadlineId!, caseId: n.caseId, caseNo: byId.get(n.deadlineId!)!.case.caseNo, orgId: n.orgId, message: n.message });
      }
      if (batch.length < NOTIFY_BATCH) return out;
    }
  }

  /** While a pause runs the due date is "as if resumed today": move it on by the days paused so far. */
  private async movePausedEstimates(today: IsoDate): Promise<number> {
    const updates = [];
    for (const d of await this.store.paused()) {
      const next = this.planner.recompute(d, today);
      if (next.dueOn !== d.dueOn || next.provisional !== d.provisional) updates.push({ id: d.id, ...next, previous: { dueOn: d.dueOn, dueAt: d.dueAt } });
    }
    return updates.length ? (await this.store.applyRecomputed(updates)).length : 0;
  }
}

function entry(d: DeadlineWithCase, outcome: FiredDeadline['outcome'], reason?: string): FiredDeadline {
  return { deadlineId: d.id, caseId: d.caseId, caseNo: d.case.caseNo, specId: d.specId, label: d.label, event: d.onExpiry, outcome, ...(reason ? { reason } : {}) };
}

/** Runs `work` over `items` with at most `limit` in flight. */
async function forEachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]);
  });
  await Promise.all(lanes);
}
