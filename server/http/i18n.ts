import ar from "../../common/i18n/ar.json" with { type: "json" };
import en from "../../common/i18n/en.json" with { type: "json" };
import type { Language } from "../../common/enums";

const catalogs: Record<Language, unknown> = { ar, en };

function lookup(catalog: unknown, key: string): string | undefined {
  let node: unknown = catalog;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

/** Server-side translation from the same catalogues as the web; `{{name}}` placeholders. */
export function translate(
  language: Language,
  key: string,
  params: Record<string, string | number> = {},
): string {
  const template = lookup(catalogs[language], key) ?? lookup(catalogs.ar, key) ?? key;
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ""));
}

export function hasTranslation(language: Language, key: string): boolean {
  return lookup(catalogs[language], key) !== undefined;
}

/** The language of a request: the signed-in user's, else Accept-Language, else Arabic. */
export function languageFrom(
  userLanguage: Language | undefined,
  acceptLanguage: string | undefined,
): Language {
  if (userLanguage) return userLanguage;
  if (!acceptLanguage) return "ar";
  for (const part of acceptLanguage.split(",")) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (tag === "ar" || tag === "en") return tag;
  }
  return "ar";
}
