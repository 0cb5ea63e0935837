import { Injectable, Logger } from '@nestjs/common';
import { EventsHandler, type IEventHandler } from '@nestjs/cqrs';
import { SYSTEM_VIEWER } from '@app/organisations';
import { Clock, DomainError } from '@app/shared';
import { ApplyTransition } from '../domain/apply-transition';
import { TransitionNotAllowedError } from '../domain/case.errors';
import { CaseChangedEvent } from '../events/case-changed.event';
import { OutboxStore } from '../ports/outbox-store.port';

const BATCH = 100;
/** Failed deliveries after which a message is stuck: no longer tried until an administrator releases it. */
export const OUTBOX_MAX_ATTEMPTS = 5;

/**
 * Delivers messages between cases (a court's ruling back to the mediation case) as engine events. Each delivery uses
 * the message id as its idempotency key, so a message delivered twice — after a crash, or by two engine processes —
 * is applied once.
 */
@Injectable()
export class OutboxDispatcher {
  private readonly logger = new Logger(OutboxDispatcher.name);
  private running: Promise<number> | null = null;
  private again = false;

  constructor(
    private readonly outbox: OutboxStore,
    private readonly applyTransition: ApplyTransition,
    private readonly clock: Clock,
  ) {}

  /** Delivers everything pending; returns how many messages were delivered. */
  drain(): Promise<number> {
    // A message committed while a drain is under way may have missed its query: run once more afterwards.
    if (this.running) this.again = true;
    this.running ??= this.deliverAll().finally(() => (this.running = null));
    return this.running;
  }

  private async deliverAll(): Promise<number> {
    let delivered = 0;
    for (;;) {
      this.again = false;
      const batch = await this.outbox.pending(BATCH, OUTBOX_MAX_ATTEMPTS);
      for (const message of batch) {
        try {
          await this.applyTransition.execute({
            caseId: message.targetCaseId,
            type: message.eventType,
            data: message.data,
            viewer: SYSTEM_VIEWER,
            idempotencyKey: `outbox:${message.id}`,
            present: ({ record }) => ({ caseId: record.id, version: record.version }),
          });
          await this.outbox.markDelivered(message.id, this.clock.now());
          delivered++;
        } catch (error) {
          // A signal down a route (the court ended its entrustment) matters only while the case it reaches still waits
          // for it; one that has moved past that point has nothing to take in.
          if (error instanceof TransitionNotAllowedError && typeof message.data.signal === 'string') {
            await this.outbox.markDelivered(message.id, this.clock.now());
            continue;
          }
          const text = error instanceof DomainError ? `${error.code}: ${error.message}` : String(error);
          this.logger.warn(`Could not deliver ${message.eventType} to case ${message.targetCaseId}: ${text}`);
          await this.outbox.markFailed(message.id, text, this.clock.now());
        }
      }
      if (batch.length < BATCH && !this.again) return delivered;
    }
  }
}

@EventsHandler(CaseChangedEvent)
export class DeliverOutboxAfterCommit implements IEventHandler<CaseChangedEvent> {
  private readonly logger = new Logger(DeliverOutboxAfterCommit.name);
  constructor(private readonly dispatcher: OutboxDispatcher) {}

  handle(event: CaseChangedEvent): void {
    if (!event.hasOutbox) return;
    this.dispatcher.drain().catch((error) => this.logger.error(`Outbox delivery failed: ${String(error)}`));
  }
}
