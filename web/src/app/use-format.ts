import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { formatDate, formatDateTime, formatNumber, type DisplayPrefs } from "../../../common/dates";
import { useMe } from "../features/auth";
import { currentLanguage } from "./i18n";

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
    };
  }, [language, calendar, numerals]);
}
