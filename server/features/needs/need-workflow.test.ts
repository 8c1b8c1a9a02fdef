import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NEED_ACTIONS, NEED_STATUSES } from "../../../common/enums";
import { NEED_TRANSITIONS, afterDelivery, nextStatus, stepsFrom } from "./need-workflow";

describe("need workflow", () => {
  it("follows the filing, endorsement and approval path", () => {
    expect(nextStatus("draft", "submit")).toBe("submitted");
    expect(nextStatus("submitted", "endorse")).toBe("endorsed");
    expect(nextStatus("endorsed", "review")).toBe("under_review");
    expect(nextStatus("under_review", "approve")).toBe("approved");
    expect(nextStatus("approved", "start")).toBe("in_progress");
    expect(nextStatus("in_progress", "close_partial")).toBe("partially_fulfilled");
    expect(nextStatus("fulfilled", "reopen")).toBe("under_review");
  });

  it("refuses skipped or backward steps", () => {
    expect(nextStatus("draft", "approve")).toBeNull();
    expect(nextStatus("submitted", "approve")).toBeNull();
    expect(nextStatus("approved", "endorse")).toBeNull();
    expect(nextStatus("fulfilled", "submit")).toBeNull();
    expect(nextStatus("draft", "reopen")).toBeNull();
    expect(stepsFrom("draft")).toEqual(["submit"]);
  });

  const status = fc.constantFrom(...NEED_STATUSES);
  const action = fc.constantFrom(...NEED_ACTIONS);

  it("property: a step either is refused or leads to its one target", () => {
    fc.assert(
      fc.property(status, action, (s, a) => {
        const to = nextStatus(s, a);
        expect(to === null || to === NEED_TRANSITIONS[a].to).toBe(true);
        expect(to !== null).toBe(NEED_TRANSITIONS[a].from.includes(s));
      }),
    );
  });

  it("property: every status is reachable from draft and nothing leads back to draft", () => {
    const seen = new Set<string>(["draft", "fulfilled"]); // fulfilled is reached by deliveries
    const queue = ["draft"] as (typeof NEED_STATUSES)[number][];
    while (queue.length) {
      const s = queue.shift()!;
      for (const a of stepsFrom(s)) {
        const to = nextStatus(s, a)!;
        expect(to).not.toBe("draft");
        if (!seen.has(to)) {
          seen.add(to);
          queue.push(to);
        }
      }
    }
    expect([...seen].sort()).toEqual([...NEED_STATUSES].sort());
  });

  it("property: any walk of random steps only ever visits workflow statuses, one legal step at a time", () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 40 }), (actions) => {
        let s: (typeof NEED_STATUSES)[number] = "draft";
        for (const a of actions) {
          const to = nextStatus(s, a);
          if (to) {
            expect(NEED_TRANSITIONS[a].from).toContain(s);
            s = to;
          }
        }
        expect(NEED_STATUSES).toContain(s);
      }),
    );
  });

  it("fulfils when deliveries cover the need, refuses more than the need", () => {
    expect(afterDelivery("approved", 10, 0, 4)).toEqual({ ok: true, status: "in_progress", delivered: 4 });
    expect(afterDelivery("in_progress", 10, 4, 6)).toEqual({ ok: true, status: "fulfilled", delivered: 10 });
    expect(afterDelivery("in_progress", 10, 4, 6.01)).toEqual({ ok: false, reason: "over_delivery" });
    expect(afterDelivery("draft", 10, 0, 1)).toEqual({ ok: false, reason: "invalid_transition" });
    expect(afterDelivery("fulfilled", 10, 10, 1)).toEqual({ ok: false, reason: "invalid_transition" });
  });

  it("property: deliveries never add up beyond the quantity, and fulfil exactly at it", () => {
    const hundredths = fc.integer({ min: 1, max: 100_000 });
    fc.assert(
      fc.property(hundredths, fc.array(hundredths, { maxLength: 30 }), (q, parts) => {
        const quantity = q / 100;
        let delivered = 0;
        let status: (typeof NEED_STATUSES)[number] = "approved";
        for (const p of parts) {
          const r = afterDelivery(status, quantity, delivered, p / 100);
          if (status === "fulfilled") {
            expect(r.ok).toBe(false);
            continue;
          }
          if (r.ok) {
            delivered = r.delivered;
            status = r.status;
          } else {
            expect(r.reason).toBe("over_delivery");
            expect(Math.round(delivered * 100) + p).toBeGreaterThan(q);
          }
          expect(Math.round(delivered * 100)).toBeLessThanOrEqual(q);
        }
        expect(status === "fulfilled").toBe(Math.round(delivered * 100) === q);
      }),
    );
  });
});
