/**
 * Per-address limit on login attempts (on top of the per-account lockout kept in the database): at most
 * `max` attempts in a sliding `windowMs`. Per instance: behind a load balancer each instance counts its own.
 */
export function createLoginThrottle(max = 30, windowMs = 5 * 60_000) {
  const attempts = new Map<string, number[]>();
  return {
    take(key: string, now: Date): boolean {
      const t = now.getTime();
      const recent = (attempts.get(key) ?? []).filter((at) => t - at < windowMs);
      if (recent.length >= max) {
        attempts.set(key, recent);
        return false;
      }
      recent.push(t);
      attempts.set(key, recent);
      if (attempts.size > 10_000) attempts.clear(); // bounded memory under a spray of addresses
      return true;
    },
  };
}
