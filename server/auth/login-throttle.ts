import type { Db } from "../db/client";
import { takeRateLimit } from "../http/rate-limit";

const WINDOW_MS = 5 * 60_000;

/**
 * Per-address limit on login attempts (on top of the per-account lockout): at most `max` in a 5-minute window,
 * counted in the database (http/rate-limit.ts), so every instance shares one count and no spray of other
 * addresses can reset it; old windows are pruned by the hourly jobs. Throws `rate_limited` over the limit.
 */
export function takeLoginAttempt(db: Db, address: string, now: Date, max: number): Promise<void> {
  return takeRateLimit(db, `login:${address}`, now, { max, windowMs: WINDOW_MS });
}
