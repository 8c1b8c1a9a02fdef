import { describe, expect, it } from "vitest";
import { createFiguresCache } from "./figures-cache";
import type { LiveEvent } from "./live-hub";

function fakeHub() {
  const listeners: ((event: LiveEvent) => void)[] = [];
  let listening = true;
  return {
    subscribe: (listener: (event: LiveEvent) => void) => {
      listeners.push(listener);
      return () => {};
    },
    isListening: () => listening,
    setListening: (value: boolean) => (listening = value),
    emit: (event: LiveEvent) => listeners.forEach((l) => l(event)),
  };
}
const change = (entity: string): LiveEvent => ({ type: "change", change: { entity, id: "x" } });

describe("figures cache: kept until a change of what they count is heard", () => {
  it("keeps a figure until a change of one of its kinds, and only that", async () => {
    const hub = fakeHub();
    const cache = createFiguresCache(hub);
    let computed = 0;
    const figure = () => cache.get("map:all", ["incident"], async () => ++computed);
    expect(await figure()).toBe(1);
    expect(await figure()).toBe(1);
    hub.emit(change("task"));
    expect(await figure()).toBe(1);
    hub.emit(change("incident"));
    expect(await figure()).toBe(2);
    hub.emit({ type: "resync" });
    expect(await figure()).toBe(3);
    cache.invalidate();
    expect(await figure()).toBe(4);
  });

  it("does not keep a value computed while a change was heard, nor anything while the hub is deaf", async () => {
    const hub = fakeHub();
    const cache = createFiguresCache(hub);
    let computed = 0;
    const first = await cache.get("k", ["incident"], async () => {
      hub.emit(change("incident")); // committed while this was being computed: the value may be stale
      return ++computed;
    });
    expect(first).toBe(1);
    expect(await cache.get("k", ["incident"], async () => ++computed)).toBe(2);
    hub.setListening(false);
    expect(await cache.get("k2", ["incident"], async () => ++computed)).toBe(3);
    expect(await cache.get("k2", ["incident"], async () => ++computed)).toBe(4);
  });

  it("shares one computation among readers asking at once, expires, and holds at most maxEntries", async () => {
    const hub = fakeHub();
    let clock = 0;
    const cache = createFiguresCache(hub, { maxEntries: 2, maxAgeMs: 1_000, now: () => clock });
    let computed = 0;
    const slow = () =>
      cache.get(
        "k",
        ["incident"],
        () => new Promise<number>((resolve) => setTimeout(() => resolve(++computed), 10)),
      );
    expect(await Promise.all([slow(), slow(), slow()])).toEqual([1, 1, 1]);
    clock = 1_500;
    expect(await slow()).toBe(2);
    await cache.get("a", [], async () => 0);
    await cache.get("b", [], async () => 0);
    expect(cache.size()).toBe(2);
  });
});
