import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import {
  formatDate,
  formatDateTime,
  formatMoney,
  formatNumber,
  type DisplayPrefs,
} from "../../../common/dates";
import { useMe } from "../features/auth";
import { currentLanguage, optionalText } from "./i18n";

/** Formatters bound to the interface language and the user's calendar and digits (one object per preference set). */
export function useFormat() {
  useTranslation(); // re-render on language change
  const { data: me } = useMe();
  const language = currentLanguage();
  const calendar = me?.calendar ?? "gregorian";
  const numerals = me?.numerals ?? "latn";
  return useMemo(() => {
    const prefs: DisplayPrefs = { language, calendar, numerals };
    return {
      prefs,
      dateTime: (iso: string) => formatDateTime(iso, prefs),
      date: (iso: string) => formatDate(iso, prefs),
      number: (value: number) => formatNumber(value, prefs),
      /** «45٬000 د.ل» / "LYD 45,000". */
      money: (value: number, currency: string) =>
        formatMoney(value, optionalText(`enums.currency.${currency}`) ?? currency, prefs),
      currency: (currency: string) => optionalText(`enums.currency.${currency}`) ?? currency,
    };
  }, [language, calendar, numerals]);
}
