import { Writable } from "node:stream";
import type { FastifyInstance } from "fastify";

/**
 * One log line per request, when it is answered: method, path, status, time taken. Fastify's own request logging
 * (a line when a request arrives and another when it ends) is off, so a busy server does not bury its start
 * banner under two lines per request.
 */
export function logRequests(app: FastifyInstance) {
  app.addHook("onResponse", async (request, reply) => {
    const line = {
      req: { method: request.method, url: request.url.split("?")[0] },
      res: { statusCode: reply.statusCode },
      ms: Math.round(reply.elapsedTime),
    };
    if (reply.statusCode >= 500) request.log.error(line, "request");
    else request.log.info(line, "request");
  });
}

const LEVELS: Record<number, string> = {
  10: "TRACE",
  20: "DEBUG",
  30: "INFO",
  40: "WARN",
  50: "ERROR",
  60: "FATAL",
};

/** One JSON log record as a short line a person reads in a terminal ("10:04:02 INFO  GET /api/v1/tasks 200 12 ms"). */
export function prettyLogLine(json: string): string {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const time = new Date(typeof record.time === "number" ? record.time : Date.now())
    .toISOString()
    .slice(11, 19);
  const level = (LEVELS[record.level as number] ?? "INFO").padEnd(5);
  const req = record.req as { method?: string; url?: string } | undefined;
  const res = record.res as { statusCode?: number } | undefined;
  const request = req?.method
    ? `${req.method} ${req.url ?? ""} ${res?.statusCode ?? ""} ${String(record.ms ?? "")} ms`
    : "";
  const message = typeof record.msg === "string" && record.msg !== "request" ? record.msg : "";
  const err = record.err as { message?: string; stack?: string } | undefined;
  return [time, level, message, request, err?.stack ?? err?.message ?? ""].filter(Boolean).join(" ");
}

/** Standard output made readable for a person: used when the server runs in a terminal; JSON otherwise. */
export function terminalLogStream(out: NodeJS.WritableStream = process.stdout): NodeJS.WritableStream {
  let pending = "";
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      pending += chunk.toString();
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) if (line.trim()) out.write(`${prettyLogLine(line)}\n`);
      done();
    },
  });
}
