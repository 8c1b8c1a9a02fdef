import type { Sensitivity } from "../../common/enums";
import { AppError } from "../http/app-error";
import type { Actor } from "./actor";
import { isLeadership, type Owned } from "./visibility";

/**
 * Who may make an internal record out of a restricted one: leadership, or a manager of the agency that owns the
 * restricted record (the people who decided it was restricted).
 */
export function mayDeclassify(actor: Actor | null, source: Owned): boolean {
  if (!actor) return false;
  return isLeadership(actor) || (actor.role === "manager" && actor.agencyId === source.agencyId);
}

/**
 * The sensitivity of a record derived from `source` (a problem turned into a task or need, a commitment into a
 * task or need): a restricted source gives a restricted record unless the actor asks for `internal` and may
 * declassify the source; otherwise the request is refused, naming the field. Every conversion uses this.
 */
export function derivedSensitivity(
  source: Owned,
  requested: Sensitivity | undefined,
  actor: Actor | null,
  field = "sensitivity",
): Sensitivity {
  if (source.sensitivity !== "restricted") return requested ?? source.sensitivity;
  if (requested === undefined || requested === "restricted") return "restricted";
  if (mayDeclassify(actor, source)) return "internal";
  throw new AppError("forbidden", { fields: [{ field, issue: "restricted_source" }] });
}
