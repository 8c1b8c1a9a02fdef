import type { FastifyInstance } from "fastify";
import { sweepDueTasks } from "./features/tasks";

const SWEEP_EVERY_MS = 60 * 60 * 1000;
const MAIL_EVERY_MS = 30 * 1000;

/**
 * Background work of a serving instance: the due/overdue sweep (idempotent: any number of instances may run it)
 * and the mail outbox retries. Tests call `sweepDueTasks` and `mailer.drain()` directly with an injected clock.
 */
export function startBackgroundJobs(app: FastifyInstance): () => void {
  const sweep = () =>
    sweepDueTasks(app.db, app.clock.now()).catch((error: unknown) =>
      app.log.warn({ err: error }, "due sweep"),
    );
  void sweep();
  const timers = [
    setInterval(() => void sweep(), SWEEP_EVERY_MS),
    setInterval(() => app.mailer?.kick(), MAIL_EVERY_MS),
  ];
  for (const timer of timers) timer.unref();
  return () => timers.forEach(clearInterval);
}
