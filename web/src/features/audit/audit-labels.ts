import type { ParseKeys } from "i18next";
import { describeEvent, type DescribableEvent } from "../../../../common/audit/describe-event";
import { currentLanguage, i18n, optionalText } from "../../app/i18n";

export { AUDIT_ENTITIES } from "../../../../common/audit/describe-event";

/** Every action the catalogue names (`auditActions.<record>.<verb>`); the action filter offers these. */
export function auditActions(): string[] {
  // the Arabic catalogue, the source of keys, is loaded in full before any signed-in page (loadCatalogues)
  const catalogue = i18n.getResourceBundle("ar", "translation") as { auditActions?: Record<string, object> };
  return Object.entries(catalogue.auditActions ?? {}).flatMap(([record, verbs]) =>
    Object.keys(verbs).map((verb) => `${record}.${verb}`),
  );
}

/** An action's name in the user's language. */
export function actionLabel(action: string): string {
  return optionalText(`auditActions.${action}`) ?? i18n.t("audit.unknownAction");
}

export function entityLabel(entity: string): string {
  return optionalText(`enums.entity.${entity}`) ?? entity;
}

/** The event as a sentence in the user's language, with agencies named instead of their ids. */
export function describe(event: DescribableEvent, agencyName: (id: string) => string | null) {
  const translate = (key: string, vars?: Record<string, string>) =>
    i18n.exists(key) ? i18n.t(key as ParseKeys, vars) : undefined;
  const nameOf = (field: string, id: string) =>
    /agency/i.test(field) || field === "sharedWith" ? agencyName(id) : null;
  return describeEvent(event, translate, currentLanguage(), nameOf);
}
