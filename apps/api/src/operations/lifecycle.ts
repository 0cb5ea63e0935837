import type { FastifyInstance } from 'fastify';
import { sendHookProblem } from '../http/problem-details.filter';

/** Paths answered while draining, so probes and scrapers see the shutdown instead of a refusal. */
const ALWAYS_ANSWERED = /^\/(api\/health(\/|$|\?)|metrics($|\?))/;

/**
 * Whether this process takes new work. A SIGTERM turns it to draining: readiness fails at once, and after the
 * configured delay every new request is refused with 503 while the requests already accepted run to their end.
 */
export class Lifecycle {
  private draining = false;
  private refusing = false;
  private inFlight = 0;
  /** When a request last arrived or ended: a client that just got its answer may be about to send the next one. */
  private lastActivity = 0;

  get ready(): boolean {
    return !this.draining;
  }

  get requestsInFlight(): number {
    return this.inFlight;
  }

  beginDrain(): void {
    this.draining = true;
  }

  refuseNewRequests(): void {
    this.refusing = true;
  }

  /** Resolves once no accepted request is open and none arrived or ended for `quietMs`, or at `deadline` (epoch ms). */
  async settled(quietMs: number, deadline: number): Promise<boolean> {
    while (Date.now() < deadline) {
      if (this.inFlight === 0 && Date.now() - this.lastActivity >= quietMs) return true;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return this.inFlight === 0;
  }

  /** Counts requests from arrival until their response is written or their connection closes. */
  track(fastify: FastifyInstance): void {
    fastify.addHook('onRequest', (request, reply, done) => {
      this.lastActivity = Date.now();
      if (this.refusing && !ALWAYS_ANSWERED.test(request.url)) {
        reply.header('Connection', 'close').header('Retry-After', '1');
        sendHookProblem(reply, 503, 'SHUTTING_DOWN', '系统正在重启，请稍后重试', 'The engine is restarting: send the request again', request.url);
        return;
      }
      this.inFlight++;
      reply.raw.once('close', () => {
        this.inFlight--;
        this.lastActivity = Date.now();
      });
      done();
    });
  }
}
