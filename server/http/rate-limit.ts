import { lt, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { AppError } from "./app-error";
import { rateLimitHits } from "./rate-limit.table";

/**
 * A fixed-window rate limit counted in the database, so that every instance behind a load balancer shares the
 * count (an in-process counter would let N instances allow N times the limit). One upsert per request: the key's
 * counter for the current window goes up by one and comes back; over `max`, the request is refused.
 */
export async function takeRateLimit(
  db: Db,
  key: string,
  now: Date,
  { max, windowMs }: { max: number; windowMs: number },
): Promise<void> {
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const [row] = await db
    .insert(rateLimitHits)
    .values({ key, windowStart, hits: 1 })
    .onConflictDoUpdate({
      target: [rateLimitHits.key, rateLimitHits.windowStart],
      set: { hits: sql`${rateLimitHits.hits} + 1` },
    })
    .returning({ hits: rateLimitHits.hits });
  if ((row?.hits ?? 0) > max) {
    throw new AppError("rate_limited", {
      retryAfter: (windowStart.getTime() + windowMs - now.getTime()) / 1000,
    });
  }
}

/** Drops counters of windows long past (run by the hourly jobs). */
export async function pruneRateLimits(db: Db, now: Date, keepMs = 3600_000): Promise<void> {
  await db.delete(rateLimitHits).where(lt(rateLimitHits.windowStart, new Date(now.getTime() - keepMs)));
}
