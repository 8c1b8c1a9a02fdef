import type { Language } from "../../../../common/enums";
import type { Agency } from "../../../../common/schemas/agencies";

export function agencyName(agency: Pick<Agency, "nameAr" | "nameEn">, language: Language): string {
  return language === "ar" ? agency.nameAr || agency.nameEn : agency.nameEn || agency.nameAr;
}

export function byAgencyName(language: Language) {
  return (a: Agency, b: Agency) => agencyName(a, language).localeCompare(agencyName(b, language), language);
}
