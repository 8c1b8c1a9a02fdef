import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { eq, lt } from "drizzle-orm";
import { LIMITS } from "../../../common/limits";
import { meetsWork } from "../../../common/community/proof-of-work";
import type { Db } from "../../db/client";
import { AppError } from "../../http/app-error";
import { pruneRateLimits, takeRateLimit } from "../../http/rate-limit";
import { communitySalts } from "./community.table";

// The public side's defences, none of them a third-party service: a client address is never stored, only counted
// as an HMAC under a random salt that lives as long as its rate-limit window (and is then deleted with the
// counters); each report answers a proof-of-work challenge signed with the same salt (so every instance can check
// it) and used once.

const WINDOW_MS = LIMITS.communityAddressWindowMs;
const windowOf = (at: Date) => new Date(Math.floor(at.getTime() / WINDOW_MS) * WINDOW_MS);

/** The salt of the window holding `at`, made (by whichever instance comes first) when missing. */
async function saltOf(db: Db, at: Date, create: boolean): Promise<string | null> {
  const windowStart = windowOf(at);
  if (create)
    await db
      .insert(communitySalts)
      .values({ windowStart, salt: randomBytes(32).toString("hex") })
      .onConflictDoNothing();
  const [row] = await db.select().from(communitySalts).where(eq(communitySalts.windowStart, windowStart));
  return row?.salt ?? null;
}

const hmac = (salt: string, value: string) => createHmac("sha256", salt).update(value).digest("base64url");

/** The rate-limit key of a client address in this window: an HMAC under the window's salt, never the address. */
export async function addressKey(db: Db, now: Date, address: string): Promise<string> {
  const salt = await saltOf(db, now, true);
  return hmac(salt!, address).slice(0, 32);
}

type Limit = { max: number; windowMs: number };

/** One per-address and one global limit, both counted in the database that every instance shares. */
export async function takeCommunityLimits(
  db: Db,
  now: Date,
  address: string,
  name: string,
  perAddress: Limit,
  global: Limit,
): Promise<void> {
  await takeRateLimit(db, `community:${name}:all`, now, global);
  await takeRateLimit(db, `community:${name}:${await addressKey(db, now, address)}`, now, perAddress);
}

/** A challenge: issued-at, 16 random bytes, and a MAC under the window's salt. */
export async function issueChallenge(db: Db, now: Date): Promise<string> {
  const body = `${now.getTime().toString(36)}.${randomBytes(16).toString("base64url")}`;
  const salt = await saltOf(db, now, true);
  return `${body}.${hmac(salt!, `challenge:${body}`).slice(0, 22)}`;
}

const badWork = () =>
  new AppError("validation_failed", { fields: [{ field: "challenge", issue: "invalid" }] });

/**
 * Accepts an answered challenge once: signed by this installation, not older than its lifetime, the work done,
 * and not used before (its random part takes a one-time counter, shared by every instance).
 */
export async function spendChallenge(db: Db, now: Date, challenge: string, nonce: string): Promise<void> {
  const [issued, random, mac] = challenge.split(".");
  if (!issued || !random || !mac || challenge.split(".").length !== 3) throw badWork();
  const at = parseInt(issued, 36);
  if (!Number.isFinite(at) || at > now.getTime() || now.getTime() - at > LIMITS.communityChallengeMs)
    throw badWork();
  const salt = await saltOf(db, new Date(at), false);
  if (!salt) throw badWork();
  const expected = Buffer.from(hmac(salt, `challenge:${issued}.${random}`).slice(0, 22));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw badWork();
  if (!meetsWork(challenge, nonce, LIMITS.communityWorkBits)) throw badWork();
  try {
    await takeRateLimit(db, `community:challenge:${random}`, new Date(at), {
      max: 1,
      windowMs: WINDOW_MS * 2,
    });
  } catch {
    throw badWork();
  }
}

/**
 * Forgets client addresses: the counters and salts of windows that ended more than a window ago (a challenge may
 * be answered across a window's edge, so a salt outlives its own window by one). Run by the hourly jobs; tests call it with a moved clock.
 */
export async function forgetClientAddresses(db: Db, now: Date): Promise<void> {
  await pruneRateLimits(db, now, WINDOW_MS * 2);
  await db
    .delete(communitySalts)
    .where(lt(communitySalts.windowStart, new Date(now.getTime() - WINDOW_MS * 2)));
}
