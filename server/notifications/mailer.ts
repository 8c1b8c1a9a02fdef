import { and, asc, eq, lte, sql } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import type { Clock } from "../clock";
import type { Db } from "../db/client";
import { translate } from "../http/i18n";
import { mailOutbox } from "./notifications.table";

const MAX_ATTEMPTS = 8;
const BATCH = 20;

export type Mailer = {
  /** Sends what is due in the outbox; resolves when this pass is done. Concurrent calls share one pass. */
  drain(): Promise<number>;
  /** Asks for a pass soon (after a commit); errors are logged, never thrown. */
  kick(): void;
  close(): void;
};

/** Builds the outbox sender, or null when no SMTP server is configured (then no e-mail is sent). */
export function createMailer(options: {
  db: Db;
  smtpUrl: string | undefined;
  from: string;
  publicUrl: string | undefined;
  clock: Clock;
  log: (error: unknown) => void;
}): Mailer | null {
  if (!options.smtpUrl) return null;
  const transport: Transporter = nodemailer.createTransport(options.smtpUrl);
  const base = (options.publicUrl ?? "http://localhost:8080").replace(/\/$/, "");
  let running: Promise<number> | null = null;
  let again = false;

  const pass = async (): Promise<number> => {
    let sent = 0;
    for (;;) {
      // One row at a time under SKIP LOCKED: several instances drain the same outbox without sending twice.
      const done = await options.db.transaction(async (tx) => {
        const now = options.clock.now();
        const [row] = await tx
          .select()
          .from(mailOutbox)
          .where(and(eq(mailOutbox.status, "pending"), lte(mailOutbox.nextAttemptAt, now)))
          .orderBy(asc(mailOutbox.nextAttemptAt))
          .limit(1)
          .for("update", { skipLocked: true });
        if (!row) return false;
        const link = `${base}${row.linkPath}`;
        try {
          await transport.sendMail({
            from: options.from,
            to: row.toAddress,
            subject: row.subject,
            text: `${row.body}\n\n${translate(row.language, "notifications.email.open")}: ${link}\n`,
            headers: { "Content-Language": row.language },
          });
          await tx
            .update(mailOutbox)
            .set({ status: "sent", sentAt: now, attempts: row.attempts + 1 })
            .where(eq(mailOutbox.id, row.id));
          sent++;
        } catch (error) {
          const attempts = row.attempts + 1;
          await tx
            .update(mailOutbox)
            .set({
              attempts,
              lastError: String(error).slice(0, 500),
              status: attempts >= MAX_ATTEMPTS ? "failed" : "pending",
              nextAttemptAt: sql`${now.toISOString()}::timestamptz + make_interval(mins => ${2 ** attempts}::int)`,
            })
            .where(eq(mailOutbox.id, row.id));
        }
        return true;
      });
      if (!done || sent >= BATCH * 50) return sent;
    }
  };

  const drain = (): Promise<number> => {
    if (running) {
      again = true;
      return running;
    }
    running = pass().finally(() => {
      running = null;
      if (again) {
        again = false;
        mailer.kick();
      }
    });
    return running;
  };

  const mailer: Mailer = {
    drain,
    kick: () => {
      drain().catch(options.log);
    },
    close: () => transport.close(),
  };
  return mailer;
}
