import { useTranslation } from "react-i18next";
import { formatDate, formatDateTime, formatNumber, type DisplayPrefs } from "../../../common/dates";
import { useMe } from "../features/auth";
import { currentLanguage } from "./i18n";

/** Formatters bound to the interface language and the user's calendar and digits. */
export function useFormat() {
  useTranslation(); // re-render on language change
  const { data: me } = useMe();
  const prefs: DisplayPrefs = {
    language: currentLanguage(),
    calendar: me?.calendar ?? "gregorian",
    numerals: me?.numerals ?? "latn",
  };
  return {
    prefs,
    dateTime: (iso: string) => formatDateTime(iso, prefs),
    date: (iso: string) => formatDate(iso, prefs),
    number: (value: number) => formatNumber(value, prefs),
  };
}
