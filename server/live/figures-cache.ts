import type { LiveEvent, LiveHub } from "./live-hub";

/**
 * Figures (counts and sums that many readers ask for: the map's, the dashboard's) kept between requests and dropped
 * the moment a committed change of a kind they count is heard on the live hub — from any instance, as the
 * server-sent events are. A value is kept only if no such change was heard while it was computed; the hub's
 * `resync` (it missed changes) drops everything; while the hub does not listen nothing is kept; and every value
 * expires after `maxAgeMs` all the same. Readers asking the same figure at once share one computation.
 *
 * A key must name everything the figure depends on besides the records: the reader's visibility class (the
 * feature's policy gives it) and the request's filters.
 */
export type FiguresCache = {
  get<T>(key: string, entities: readonly string[], compute: () => Promise<T>): Promise<T>;
  /** Drops every value: this instance committed a write (its own readers must see it before the hub hears it). */
  invalidate(): void;
  /** How many values are kept (for tests and the bench). */
  size(): number;
};

export type FiguresCacheOptions = { maxEntries?: number; maxAgeMs?: number; now?: () => number };

export function createFiguresCache(
  live: Pick<LiveHub, "subscribe" | "isListening">,
  options: FiguresCacheOptions = {},
): FiguresCache {
  const maxEntries = options.maxEntries ?? 2_000;
  const maxAgeMs = options.maxAgeMs ?? 60_000;
  const now = options.now ?? (() => Date.now());
  const generations = new Map<string, number>();
  let epoch = 0;
  live.subscribe((event: LiveEvent) => {
    if (event.type === "resync") {
      epoch++;
      kept.clear();
    } else generations.set(event.change.entity, (generations.get(event.change.entity) ?? 0) + 1);
  });
  const stampOf = (entities: readonly string[]) =>
    `${epoch}:${entities.map((e) => generations.get(e) ?? 0).join(",")}`;
  const kept = new Map<string, { value: unknown; stamp: string; at: number }>();
  const pending = new Map<string, { stamp: string; promise: Promise<unknown> }>();

  return {
    size: () => kept.size,
    invalidate: () => {
      epoch++;
      kept.clear();
    },
    async get<T>(key: string, entities: readonly string[], compute: () => Promise<T>): Promise<T> {
      if (!live.isListening()) return compute();
      const stamp = stampOf(entities);
      const hit = kept.get(key);
      if (hit && hit.stamp === stamp && now() - hit.at < maxAgeMs) {
        kept.delete(key); // most recently used last: the first key is the one to drop
        kept.set(key, hit);
        return hit.value as T;
      }
      const running = pending.get(key);
      if (running && running.stamp === stamp) return running.promise as Promise<T>;
      const promise = compute();
      pending.set(key, { stamp, promise });
      try {
        const value = await promise;
        if (stampOf(entities) === stamp) {
          kept.delete(key);
          kept.set(key, { value, stamp, at: now() });
          if (kept.size > maxEntries) kept.delete(kept.keys().next().value!);
        }
        return value;
      } finally {
        if (pending.get(key)?.promise === promise) pending.delete(key);
      }
    },
  };
}
