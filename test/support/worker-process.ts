/*
 * A separate engine process for the multi-process deadline tests, run with `node -r scripts/ts-register.js`: it
 * opens the engine on the database its environment names (no HTTP server, no timer), tells the parent it is ready,
 * waits for "go" so both processes start together, runs the deadline worker once and sends back what it did.
 */
import { NestFactory } from '@nestjs/core';
import { DeadlineWorker } from '@app/cases';
import { AppModule } from '../../apps/api/src/app.module';
import { loadConfig } from '../../apps/api/src/config/app-config';

/** Sends to the parent and waits until the message is out, so exiting right after loses nothing. */
const send = (message: unknown) => new Promise<void>((resolve, reject) => process.send!(message, undefined, {}, (error) => (error ? reject(error) : resolve())));

async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(loadConfig(process.env)), { logger: false });
  const worker = app.get(DeadlineWorker);
  await send({ ready: true, workerId: worker.workerId });
  await new Promise<void>((resolve) => process.once('message', () => resolve()));
  const report = await worker.runOnce();
  await send({ workerId: worker.workerId, fired: report.fired.map((f) => ({ deadlineId: f.deadlineId, outcome: f.outcome, reason: f.reason })) });
  await app.close();
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
