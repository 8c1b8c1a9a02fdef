import { DISTRICTS } from "../../../common/districts";
import { currentLanguage } from "./i18n";

/** A district's name in the interface language, by P-code; "" for none or an unknown code. */
export function districtName(pcode: string | null | undefined): string {
  const district = DISTRICTS.find((d) => d.pcode === pcode);
  if (!district) return "";
  return currentLanguage() === "en" ? district.nameEn : district.nameAr;
}
