import type { Language } from "../../../../common/enums";

export function titleIn(row: { titleAr: string; titleEn: string | null }, language: Language): string {
  return language === "en" ? row.titleEn || row.titleAr : row.titleAr;
}
