import { Injectable } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { DeadlineWorkerReport } from '@app/cases';

const EVENT_ROUTE = '/api/cases/:id/events';
const OUTCOME_BY_STATUS: Record<number, string> = { 200: 'applied', 400: 'invalid', 403: 'forbidden', 404: 'not_found', 409: 'refused', 412: 'conflict' };

/** Reads the machine id out of a case view as sent, without parsing the whole body on the write path. */
function workflowOf(payload: unknown): string {
  if (typeof payload !== 'string') return 'unknown';
  const at = payload.indexOf('"workflow":{"id":"');
  if (at < 0) return 'unknown';
  const start = at + 18;
  const end = payload.indexOf('"', start);
  return end > start && end - start <= 40 ? payload.slice(start, end) : 'unknown';
}

/**
 * The engine's Prometheus metrics, in a registry of its own per application (tests run several in one process).
 * Counters are kept as things happen; gauges read from the database (`observe`) are set when /metrics is scraped.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();
  private readonly requests = new Histogram({
    name: 'fengqiao_http_request_duration_seconds',
    help: 'HTTP request latency by method, route pattern and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly transitions = new Counter({
    name: 'fengqiao_transitions_total',
    help: 'Workflow events sent to cases, by workflow and outcome (applied, refused, conflict, invalid, forbidden, not_found, error)',
    labelNames: ['workflow', 'outcome'],
    registers: [this.registry],
  });
  private readonly firings = new Counter({ name: 'fengqiao_deadline_firings_total', help: 'Deadlines the worker fired, by outcome', labelNames: ['outcome'], registers: [this.registry] });
  private readonly workerRuns = new Counter({ name: 'fengqiao_deadline_worker_runs_total', help: 'Deadline worker runs, by result (ok, failed)', labelNames: ['result'], registers: [this.registry] });
  private readonly outboxDelivered = new Counter({ name: 'fengqiao_outbox_delivered_total', help: 'Outbox messages delivered by this process', registers: [this.registry] });
  readonly workerLag = new Gauge({ name: 'fengqiao_deadline_worker_lag_seconds', help: 'How long the oldest due, unfired deadline has been waiting (engine time)', registers: [this.registry] });
  readonly outboxBacklog = new Gauge({ name: 'fengqiao_outbox_backlog', help: 'Outbox messages not yet delivered', registers: [this.registry] });
  readonly outboxFailing = new Gauge({ name: 'fengqiao_outbox_failing', help: 'Undelivered outbox messages whose last attempt failed', registers: [this.registry] });
  readonly pool = new Gauge({ name: 'fengqiao_db_pool_connections', help: 'Database connections of this process, by state (total, idle, waiting)', labelNames: ['state'], registers: [this.registry] });
  readonly workerLastRun = new Gauge({ name: 'fengqiao_deadline_worker_last_run_timestamp_seconds', help: 'Wall time the last deadline worker run of this process ended', registers: [this.registry] });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'fengqiao_' });
  }

  /** Request latency for every route, and the outcome of every workflow event, from Fastify hooks. */
  track(fastify: FastifyInstance): void {
    fastify.addHook('onSend', (request, reply, payload, done) => {
      if (request.method === 'POST' && request.routeOptions?.url === EVENT_ROUTE) {
        this.transitions.inc({ workflow: reply.statusCode === 200 ? workflowOf(payload) : 'unknown', outcome: OUTCOME_BY_STATUS[reply.statusCode] ?? 'error' });
      }
      done(null, payload);
    });
    fastify.addHook('onResponse', (request, reply, done) => {
      const route = request.routeOptions?.url ?? 'unmatched';
      this.requests.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
      done();
    });
  }

  workerRan(report: DeadlineWorkerReport | null): void {
    this.workerRuns.inc({ result: report ? 'ok' : 'failed' });
    this.workerLastRun.set(Date.now() / 1000);
    if (!report) return;
    for (const fired of report.fired) this.firings.inc({ outcome: fired.outcome });
    this.outboxDelivered.inc(report.outboxDelivered);
  }
}
