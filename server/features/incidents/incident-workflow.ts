import type { IncidentAction, IncidentStatus } from "../../../common/enums";

/** Every status step of an incident, from → to. Closing is open from any status but closed itself. */
const STEPS: Record<IncidentAction, Partial<Record<IncidentStatus, IncidentStatus>>> = {
  investigate: { open: "under_investigation" },
  refer: { under_investigation: "referred_to_prosecution" },
  close: { open: "closed", under_investigation: "closed", referred_to_prosecution: "closed" },
  reopen: { closed: "under_investigation" },
};

/** The status an action leads to from `status`, or null when the action is not a step from there. */
export function nextIncidentStatus(status: IncidentStatus, action: IncidentAction): IncidentStatus | null {
  return STEPS[action][status] ?? null;
}

/** Actions whose reason is required (the others take one optionally). */
export const REASON_REQUIRED: readonly IncidentAction[] = ["close", "reopen"];
