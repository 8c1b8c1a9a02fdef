import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { app, common, errors, fields, login, nav, validation } from "../../../common/i18n/ar.json";
// the whole catalogue as a file of its own (hashed, precompressed), fetched by loadCatalogues
import arabicUrl from "../../../common/i18n/ar.json?url";
import { LANGUAGES, type Language } from "../../../common/enums";

const STORAGE_KEY = "tansiq.language";

export const DEFAULT_LANGUAGE: Language = "ar";

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** The language chosen before signing in (kept in this browser); Arabic when none. */
export function storedLanguage(): Language {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLanguage(saved) ? saved : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

function storeLanguage(language: Language) {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

export const i18n = i18next.createInstance();

// The sign-in page loads only what it says (server/http/web-bundle.test.ts): the parts of the Arabic catalogue
// that the sign-in page, the session check and error messages use are in the entry; the rest of Arabic (the
// fallback, so always loaded in full) comes with the signed-in layout or a public page (loadCatalogues), and
// English, ~13 kB gzipped, when it is chosen.
void i18n.use(initReactI18next).init({
  resources: { ar: { translation: { app, common, errors, fields, login, nav, validation } } },
  partialBundledLanguages: true,
  lng: storedLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false }, // React escapes
  initAsync: false,
});

let fullArabic: Promise<void> | undefined;

/** The whole Arabic catalogue, once: awaited before the signed-in layout or a public page renders. */
export function loadCatalogues(): Promise<void> {
  fullArabic ??= fetch(arabicUrl)
    .then((response) => {
      if (!response.ok) throw new Error(`${arabicUrl}: ${response.status}`);
      return response.json() as Promise<object>;
    })
    .then((ar) => {
      i18n.addResourceBundle("ar", "translation", ar, true, true);
    })
    .catch((error: unknown) => {
      fullArabic = undefined; // a later page tries again
      throw error;
    });
  return fullArabic;
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}

export function directionOf(language: Language): "rtl" | "ltr" {
  return language === "ar" ? "rtl" : "ltr";
}

/** Switches the interface language: catalogue, `<html lang dir>`, and the browser's remembered choice. */
export async function applyLanguage(language: Language): Promise<void> {
  storeLanguage(language);
  if (typeof document !== "undefined") {
    document.documentElement.lang = language;
    document.documentElement.dir = directionOf(language);
  }
  if (language === "en" && !i18n.hasResourceBundle("en", "translation")) {
    const en = await import("../../../common/i18n/en.json");
    i18n.addResourceBundle("en", "translation", en.default);
  }
  if (i18n.language !== language) await i18n.changeLanguage(language);
}

/** A text whose key is only known at run time (e.g. an audit action); undefined when the catalogue lacks it. */
export function optionalText(key: string): string | undefined {
  const value: unknown = i18n.getResource(currentLanguage(), "translation", key);
  return typeof value === "string" && value.length > 0 ? value : undefined;
}
