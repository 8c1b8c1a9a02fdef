import { EventEmitter } from "node:events";
import pg from "pg";
import type { Database } from "../db/client";
import { LIVE_CHANNEL, type LiveChange } from "./publish-change";

export type LiveHub = {
  subscribe(listener: (change: LiveChange) => void): () => void;
  /** Resolves once the hub listens (PostgreSQL: the LISTEN is in place). */
  ready: Promise<void>;
  close(): Promise<void>;
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
 * LISTENs (reconnecting when lost), so a change committed through any instance reaches every instance; on
 * PGlite the embedded engine delivers its own notifications in process.
 */
export function createLiveHub(database: Database, log: (error: unknown) => void): LiveHub {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  const emit = (payload: string | undefined) => {
    const change = parse(payload);
    if (change) emitter.emit("change", change);
  };
  let closed = false;
  let stop: () => Promise<void> = async () => {};

  const ready = (async () => {
    if (database.pglite) {
      const unlisten = await database.pglite.listen(LIVE_CHANNEL, emit);
      stop = unlisten;
      return;
    }
    const pool = database.pool;
    if (!pool) return;
    let client: pg.Client | null = null;
    const connect = async (): Promise<void> => {
      if (closed) return;
      const next = new pg.Client(pool.options);
      next.on("notification", (message) => {
        if (message.channel === LIVE_CHANNEL) emit(message.payload);
      });
      next.on("error", (error) => {
        log(error);
        next.end().catch(() => {});
        if (!closed) setTimeout(() => void connect().catch(log), 1000).unref();
      });
      await next.connect();
      await next.query(`listen ${LIVE_CHANNEL}`);
      client = next;
    };
    await connect();
    stop = async () => {
      await client?.end().catch(() => {});
    };
  })();

  return {
    ready,
    subscribe(listener) {
      emitter.on("change", listener);
      return () => emitter.off("change", listener);
    },
    async close() {
      closed = true;
      await ready.catch(() => {});
      await stop();
      emitter.removeAllListeners();
    },
  };
}
