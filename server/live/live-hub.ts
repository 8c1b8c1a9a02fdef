import { EventEmitter } from "node:events";
import pg from "pg";
import type { Database } from "../db/client";
import { LIVE_CHANNEL, type LiveChange } from "./publish-change";

/** What subscribers hear: a committed change, or `resync` after the hub missed changes (it was cut off). */
export type LiveEvent = { type: "change"; change: LiveChange } | { type: "resync" };

export type LiveHub = {
  subscribe(listener: (event: LiveEvent) => void): () => void;
  /** Resolves once the hub listens for the first time (PostgreSQL: the LISTEN is in place). */
  ready: Promise<void>;
  /** Whether the hub listens now (false while PostgreSQL is unreachable). */
  isListening(): boolean;
  close(): Promise<void>;
};

export type LiveHubOptions = {
  /** How often the listening connection is checked: a silent partition sends no error. */
  heartbeatMs?: number;
  /** First and longest wait between reconnection attempts (doubling, with jitter). */
  backoffMs?: { first: number; max: number };
};

function parse(payload: string | undefined): LiveChange | null {
  try {
    const value = JSON.parse(payload ?? "") as LiveChange;
    return typeof value.entity === "string" && typeof value.id === "string" ? value : null;
  } catch {
    return null;
  }
}

/**
 * Fans NOTIFYs on the live channel out to this instance's subscribers. On PostgreSQL a dedicated connection
 * LISTENs, so a change committed through any instance reaches every instance; on PGlite the embedded engine
 * delivers its own notifications in process. The PostgreSQL connection is checked by a heartbeat and, once
 * lost (reset, restart or silent partition), re-established with backoff for as long as the hub lives; after
 * a gap subscribers get `resync` (changes during the gap were not heard: clients refetch what they show).
 */
export function createLiveHub(
  database: Database,
  log: (error: unknown) => void,
  options: LiveHubOptions = {},
): LiveHub {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const emit = (event: LiveEvent) => emitter.emit("event", event);
  const onPayload = (payload: string | undefined) => {
    const change = parse(payload);
    if (change) emit({ type: "change", change });
  };
  let closed = false;
  let listening = false;
  let stop: () => Promise<void> = async () => {};

  const ready = (async () => {
    if (database.pglite) {
      stop = await database.pglite.listen(LIVE_CHANNEL, onPayload);
      listening = true;
      return;
    }
    const pool = database.pool;
    if (!pool) return;
    const heartbeatMs = options.heartbeatMs ?? 5_000;
    const backoff = options.backoffMs ?? { first: 500, max: 15_000 };
    let client: pg.Client | null = null;
    let heartbeat: NodeJS.Timeout | undefined;
    let retry: NodeJS.Timeout | undefined;
    let attempt = 0;
    let firstReady: () => void = () => {};
    const first = new Promise<void>((resolve) => (firstReady = resolve));

    const drop = (current: pg.Client, error: unknown) => {
      if (client !== current) return; // already dropped
      client = null;
      listening = false;
      clearInterval(heartbeat);
      log(error);
      // A connection behind a silent partition may never finish ending: do not wait for it.
      void current.end().catch(() => {});
      schedule();
    };
    const schedule = () => {
      if (closed || retry) return;
      const wait = Math.min(backoff.max, backoff.first * 2 ** attempt) * (0.75 + Math.random() / 2);
      attempt++;
      retry = setTimeout(() => {
        retry = undefined;
        void connect();
      }, wait);
      retry.unref();
    };
    const connect = async () => {
      if (closed) return;
      const next = new pg.Client({
        ...pool.options,
        connectionTimeoutMillis: Math.max(1_000, heartbeatMs),
        query_timeout: Math.max(1_000, heartbeatMs),
        statement_timeout: 0,
        keepAlive: true,
      });
      next.on("notification", (message) => {
        if (message.channel === LIVE_CHANNEL) onPayload(message.payload);
      });
      next.on("error", (error) => drop(next, error));
      next.on("end", () => drop(next, new Error("live connection ended")));
      client = next;
      try {
        await next.connect();
        await next.query(`listen ${LIVE_CHANNEL}`);
      } catch (error) {
        drop(next, error);
        return;
      }
      if (closed || client !== next) {
        void next.end().catch(() => {});
        return;
      }
      const wasCutOff = attempt > 0;
      attempt = 0;
      listening = true;
      heartbeat = setInterval(() => {
        next.query("select 1").catch((error: unknown) => drop(next, error));
      }, heartbeatMs);
      heartbeat.unref();
      firstReady();
      if (wasCutOff) emit({ type: "resync" });
    };
    stop = async () => {
      clearTimeout(retry);
      clearInterval(heartbeat);
      const current = client;
      client = null;
      listening = false;
      await current?.end().catch(() => {});
    };
    await connect();
    await first;
  })();

  return {
    ready,
    isListening: () => listening,
    subscribe(listener) {
      emitter.on("event", listener);
      return () => emitter.off("event", listener);
    },
    async close() {
      closed = true;
      await Promise.race([ready.catch(() => {}), new Promise((r) => setTimeout(r, 100))]);
      await stop();
      emitter.removeAllListeners();
    },
  };
}
