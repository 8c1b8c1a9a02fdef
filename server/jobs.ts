import type { FastifyInstance } from "fastify";
import { startAuditChainer } from "./audit/chain-events";
import { forgetClientAddresses } from "./features/community";
import { sweepDueCommitments } from "./features/meetings";
import { sendWeeklyReports } from "./features/reports";
import { sweepDueTasks } from "./features/tasks";
import { pruneRateLimits } from "./http/rate-limit";

const MAIL_EVERY_MS = 30 * 1000;

/**
 * Background work of a serving instance: linking new audit events into the chain, the due/overdue sweeps of tasks and of meeting commitments, the weekly report e-mails (idempotent:
 * any number of instances may run them) and the mail outbox retries. Tests call `sweepDueTasks`,
 * `sweepDueCommitments` and `mailer.drain()` directly with an injected clock.
 */
export function startBackgroundJobs(app: FastifyInstance): () => void {
  const sweep = async () => {
    await sweepDueTasks(app.db, app.clock.now()).catch((error: unknown) =>
      app.log.warn({ err: error }, "due sweep"),
    );
    await sweepDueCommitments(app.db, app.clock.now()).catch((error: unknown) =>
      app.log.warn({ err: error }, "commitment due sweep"),
    );
    await pruneRateLimits(app.db, app.clock.now()).catch((error: unknown) =>
      app.log.warn({ err: error }, "rate-limit prune"),
    );
    await forgetClientAddresses(app.db, app.clock.now()).catch((error: unknown) =>
      app.log.warn({ err: error }, "community address prune"),
    );
    if (app.mailer) {
      await sendWeeklyReports(app.db, app.config, app.clock.now())
        .then((sent) => sent && app.mailer?.kick())
        .catch((error: unknown) => app.log.warn({ err: error }, "weekly report e-mails"));
    }
  };
  void sweep();
  const stopChainer = startAuditChainer(app.db, (error: unknown) =>
    app.log.warn({ err: error }, "audit chainer"),
  );
  const timers = [
    setInterval(() => void sweep(), app.config.sweepEveryMs),
    setInterval(() => app.mailer?.kick(), MAIL_EVERY_MS),
  ];
  for (const timer of timers) timer.unref();
  return () => {
    stopChainer();
    timers.forEach(clearInterval);
  };
}
