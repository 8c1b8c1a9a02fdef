/** How a failed database call is answered and logged: outage (503), refused value (400), or a bug (500). */

type CauseChain = { code?: unknown; message?: unknown; cause?: unknown };

/** Connection-level failures: the database is down, unreachable, restarting or too slow to answer. */
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now
  "57014", // query_canceled: the statement timeout
  "25P03", // idle_in_transaction_session_timeout
  "53300", // too_many_connections
  "40001", // serialization_failure: try again
  "40P01", // deadlock_detected: try again
]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Query read timeout|not queryable|Connection ended|connection (?:is )?closed|terminating connection/i;

function* causes(error: unknown): Generator<CauseChain> {
  let e: unknown = error;
  for (let depth = 0; depth < 5 && e && typeof e === "object"; depth++) {
    yield e as CauseChain;
    e = (e as CauseChain).cause;
  }
}

/** True when the request failed because the database could not be reached or answer in time. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const e of causes(error)) {
    const code = typeof e.code === "string" ? e.code : "";
    if (UNAVAILABLE_CODES.has(code) || code.startsWith("08")) return true;
    if (typeof e.message === "string" && UNAVAILABLE_MESSAGES.test(e.message)) return true;
  }
  return false;
}

/**
 * True when PostgreSQL refused a value (SQLSTATE class 22, data exception: a date out of range, a character
 * it cannot store, a number too large). Schemas refuse these first, naming the field; this is the net.
 */
export function isRefusedValue(error: unknown): boolean {
  for (const e of causes(error)) if (typeof e.code === "string" && e.code.startsWith("22")) return true;
  return false;
}

/** Values quoted in a database message ('invalid input syntax for type date: "…"') are record content. */
const redactQuoted = (message: string) => message.replace(/"[^"]*"/g, '"…"');

/**
 * The log form of an error: its type, message and stack, and for a failed query the SQL text and the
 * database's code and constraint — never the query's parameters, a message's quoted values or a `detail`
 * (`Key (username)=(…)`): those are record content and stay out of server logs.
 */
export function errorForLog(
  error: unknown,
): { type: string; message: string; stack: string } & Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error, message: String(error), stack: "" };
  const query = (error as { query?: unknown }).query;
  const isQueryError = typeof query === "string" && "params" in error;
  const out: { type: string; message: string; stack: string } & Record<string, unknown> = {
    type: error.name,
    message: isQueryError ? "Failed query" : error.message,
    stack: isQueryError ? "" : (error.stack ?? ""),
  };
  if (isQueryError) out.query = query;
  const copy = (e: CauseChain & Record<string, unknown>) => ({
    ...(typeof e.code === "string" ? { code: e.code } : {}),
    ...(typeof e.constraint === "string" ? { constraint: e.constraint } : {}),
    ...(typeof e.table === "string" ? { table: e.table } : {}),
    ...(typeof e.column === "string" ? { column: e.column } : {}),
    ...(typeof e.message === "string" ? { message: redactQuoted(e.message) } : {}),
  });
  const cause = (error as CauseChain).cause;
  if (cause && typeof cause === "object") out.cause = copy(cause as CauseChain & Record<string, unknown>);
  const own = error as unknown as CauseChain & Record<string, unknown>;
  if (typeof own.code === "string") out.code = own.code;
  if (!isQueryError && "severity" in own) Object.assign(out, copy(own));
  return out;
}
