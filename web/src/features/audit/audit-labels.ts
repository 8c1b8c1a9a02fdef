import type { AuditEvent } from "../../../../common/schemas/audit";
import { optionalText } from "../../app/i18n";

/** The entities and actions the catalogue names; the filters offer these. */
export const AUDIT_ENTITIES = ["agencies", "users", "personnel"] as const;
export const AUDIT_ACTIONS = [
  "agency.create",
  "agency.update",
  "agency.deactivate",
  "agency.reactivate",
  "user.create",
  "user.update",
  "user.deactivate",
  "user.reactivate",
  "user.reset_password",
  "user.change_password",
  "user.preferences",
  "user.totp_setup",
  "user.totp_enable",
  "user.totp_disable",
  "person.create",
  "person.update",
  "person.deactivate",
  "person.reactivate",
  "auth.login",
  "auth.login_failed",
  "auth.lock",
  "auth.logout",
] as const;

/** An action's name in the user's language; a new action the catalogue lacks shows as sent. */
export function actionLabel(action: string): string {
  return optionalText(`auditActions.${action}`) ?? action;
}

export function entityLabel(entity: string): string {
  return optionalText(`enums.entity.${entity}`) ?? entity;
}

/** The readable reference (e.g. AGY-2026-000004) of the record the event touched, when its snapshot has one. */
export function eventReference(event: AuditEvent): string | null {
  for (const snapshot of [event.after, event.before]) {
    const reference = (snapshot as { reference?: unknown } | null)?.reference;
    if (typeof reference === "string") return reference;
  }
  return null;
}
