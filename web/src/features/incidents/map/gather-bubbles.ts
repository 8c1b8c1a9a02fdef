/** A cluster where the map draws it: its centre in the map's pixels and its count. */
export type Placed<T> = { item: T; x: number; y: number; count: number };
/** What the map draws: one or more clusters (`members`), at their centre, `size` pixels wide. */
export type Bubble<T> = { members: T[]; x: number; y: number; count: number; size: number };

/** A bubble's width for its count, against the largest count shown (`small`: a phone's narrow map). */
export function bubbleSize(count: number, largest: number, small: boolean): number {
  const [least, range] = small ? [24, 16] : [26, 22];
  return Math.round(least + range * Math.sqrt(Math.min(1, count / Math.max(1, largest))));
}

/**
 * The clusters as bubbles that do not overlap: bubbles that would touch are gathered into one (their counts
 * summed, at their centre weighted by count), again until none does, so each can be seen and clicked. Sizes are
 * measured against the largest count before gathering; drawn against the largest after (never less), a bubble is
 * never wider than when it was measured, so none overlaps once drawn.
 */
export function gatherBubbles<T>(placed: readonly Placed<T>[], small: boolean, gap = 2): Bubble<T>[] {
  const largest = Math.max(1, ...placed.map((p) => p.count));
  const reach = (a: number, b: number) =>
    (bubbleSize(a, largest, small) + bubbleSize(b, largest, small)) / 2 + gap;
  const byCount = (a: { count: number }, b: { count: number }) => b.count - a.count;
  let bubbles = placed.map((p) => ({ members: [p.item], x: p.x, y: p.y, count: p.count })).sort(byCount);
  for (let gathered = true; gathered;) {
    gathered = false;
    const kept: typeof bubbles = [];
    for (const bubble of bubbles) {
      const near = kept.find(
        (k) => Math.hypot(k.x - bubble.x, k.y - bubble.y) < reach(k.count, bubble.count),
      );
      if (!near) {
        kept.push(bubble);
        continue;
      }
      const count = near.count + bubble.count;
      // Weighted by count (a bubble of none counts as one, so empty ones still meet halfway).
      const [a, b] = [Math.max(1, near.count), Math.max(1, bubble.count)];
      near.x = (near.x * a + bubble.x * b) / (a + b);
      near.y = (near.y * a + bubble.y * b) / (a + b);
      near.count = count;
      near.members.push(...bubble.members);
      gathered = true;
    }
    bubbles = kept.sort(byCount);
  }
  const largestShown = Math.max(1, ...bubbles.map((b) => b.count));
  return bubbles.map((b) => ({ ...b, size: bubbleSize(b.count, largestShown, small) }));
}
