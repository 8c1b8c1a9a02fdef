import type { Language } from "../../../../common/enums";
import type { Person } from "../../../../common/schemas/personnel";

export function personName(person: Pick<Person, "nameAr" | "nameEn">, language: Language): string {
  return language === "en" && person.nameEn ? person.nameEn : person.nameAr;
}

export function personPosition(
  person: Pick<Person, "positionAr" | "positionEn">,
  language: Language,
): string | null {
  return language === "en"
    ? (person.positionEn ?? person.positionAr)
    : (person.positionAr ?? person.positionEn);
}
