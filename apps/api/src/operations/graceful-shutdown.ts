import type { INestApplication } from '@nestjs/common';
import type { Logger } from 'pino';
import { Lifecycle } from './lifecycle';

export interface ShutdownSettings {
  /** Longest wait for accepted requests to finish (FENGQIAO_SHUTDOWN_GRACE_MS). */
  graceMs: number;
  /** How long requests are still served after readiness fails, for a load balancer to notice (FENGQIAO_SHUTDOWN_DELAY_MS). */
  delayMs: number;
}

/** No new request for this long once none is in flight: a client that just got an answer is not cut off mid-connect. */
const QUIET_MS = 500;

/**
 * On SIGTERM or SIGINT: report not-ready, keep serving for the delay, refuse new requests with 503 while the accepted
 * ones finish (within the grace period), then close — the deadline worker ends its run, the listener and the database
 * close — and exit. Nest's own shutdown hooks are not used: they close the database before the HTTP server and so
 * cut off requests in flight.
 */
export function shutDownOnSignals(app: INestApplication, settings: ShutdownSettings, log: Logger): void {
  let started = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (started) return;
    started = true;
    shutDown(app, settings, log, signal).then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

async function shutDown(app: INestApplication, settings: ShutdownSettings, log: Logger, signal: NodeJS.Signals): Promise<void> {
  const lifecycle = app.get(Lifecycle);
  const deadline = Date.now() + settings.graceMs;
  lifecycle.beginDrain();
  log.info({ signal, inFlight: lifecycle.requestsInFlight, graceMs: settings.graceMs }, 'shutting down: not ready any more');
  if (settings.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(settings.delayMs, settings.graceMs)));
  lifecycle.refuseNewRequests();
  const drained = await lifecycle.settled(QUIET_MS, deadline);
  if (!drained) log.warn({ inFlight: lifecycle.requestsInFlight }, 'grace period over: closing with requests still open');
  await app.close();
  log.info({ drained }, 'shutdown complete');
}
