import type { NeedAction, NeedStatus } from "../../../common/enums";

/**
 * The needs workflow, in one place: which step leads from which statuses to which. Who may take a step is the
 * policy's business (needs.policy.ts); fulfilment follows deliveries (record-delivery.ts) through `fulfilled`.
 *
 *   draft → submitted → endorsed → under_review → approved → in_progress → fulfilled
 *                 ↘ rejected ↙          ↘ rejected                     ↘ partially_fulfilled
 *   rejected | fulfilled | partially_fulfilled → (reopen) under_review
 */
export const NEED_TRANSITIONS: Record<NeedAction, { from: readonly NeedStatus[]; to: NeedStatus }> = {
  submit: { from: ["draft"], to: "submitted" },
  endorse: { from: ["submitted"], to: "endorsed" },
  review: { from: ["endorsed"], to: "under_review" },
  approve: { from: ["under_review"], to: "approved" },
  reject: { from: ["submitted", "endorsed", "under_review"], to: "rejected" },
  start: { from: ["approved"], to: "in_progress" },
  close_partial: { from: ["in_progress"], to: "partially_fulfilled" },
  reopen: { from: ["rejected", "fulfilled", "partially_fulfilled"], to: "under_review" },
};

/** The status a step leads to from `status`, or null when the step is not allowed there. */
export function nextStatus(status: NeedStatus, action: NeedAction): NeedStatus | null {
  const rule = NEED_TRANSITIONS[action];
  return rule.from.includes(status) ? rule.to : null;
}

/** The steps open from a status. */
export function stepsFrom(status: NeedStatus): NeedAction[] {
  return (Object.keys(NEED_TRANSITIONS) as NeedAction[]).filter((a) => nextStatus(status, a) !== null);
}

/** Statuses in which pledges and deliveries may be recorded. */
export const DELIVERABLE_STATUSES: readonly NeedStatus[] = ["approved", "in_progress"];

/** Statuses of a need still to be met (counted as unmet in the register and the chart). */
export const OPEN_STATUSES: readonly NeedStatus[] = ["approved", "in_progress"];

/**
 * After a delivery of `delivered` out of `quantity`: the new status, or an error when it would exceed the need.
 * A need approved but not started moves to in_progress; covered in full, it is fulfilled.
 */
export function afterDelivery(
  status: NeedStatus,
  quantity: number,
  deliveredBefore: number,
  delivery: number,
):
  | { ok: true; status: NeedStatus; delivered: number }
  | { ok: false; reason: "over_delivery" | "invalid_transition" } {
  if (!DELIVERABLE_STATUSES.includes(status)) return { ok: false, reason: "invalid_transition" };
  // Quantities have two decimals: compare in hundredths, as integers.
  const cents = (n: number) => Math.round(n * 100);
  const delivered = cents(deliveredBefore) + cents(delivery);
  if (cents(delivery) <= 0 || delivered > cents(quantity)) return { ok: false, reason: "over_delivery" };
  return {
    ok: true,
    status: delivered === cents(quantity) ? "fulfilled" : "in_progress",
    delivered: delivered / 100,
  };
}
