import type { ParseKeys } from "i18next";
import { actorOf } from "../../../common/audit/describe-event";
import { currentLanguage, i18n } from "./i18n";

/** Who did something, for a reader: the person's name, or the named automatic process — never an account name. */
export function actorName(entry: {
  actorLabel: string;
  actorName: { ar: string; en: string } | null;
}): string {
  const translate = (key: string) => (i18n.exists(key) ? i18n.t(key as ParseKeys) : undefined);
  return actorOf(entry, translate, currentLanguage());
}
