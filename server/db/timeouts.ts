import { z } from "zod";

const Env = z.object({
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(3_500),
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(2_500),
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
});

/**
 * How long a request may wait on PostgreSQL. An outage must answer 503 within 5 seconds, not hang: a connection
 * (or a free pool slot) within the connect timeout, a statement within the statement timeout — enforced by the
 * server and, for a silent network partition the server never hears of, by the client a quarter of a second later. A
 * transaction left idle is ended by the server, so a stuck request cannot hold its locks. Migrations and the
 * operations commands use their own connections without these limits.
 */
export function poolTimeouts(env: NodeJS.ProcessEnv = process.env) {
  const e = Env.parse(env);
  return {
    connectionTimeoutMillis: e.DATABASE_CONNECT_TIMEOUT_MS,
    statement_timeout: e.DATABASE_STATEMENT_TIMEOUT_MS,
    query_timeout: e.DATABASE_STATEMENT_TIMEOUT_MS + 250,
    idle_in_transaction_session_timeout: e.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  };
}
