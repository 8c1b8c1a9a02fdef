// Libya's 22 districts (OCHA COD, UNOSAT / Libya Bureau of Statistics and Census, 2018-05-07).
// Generated from ../shared/fixtures/geo/lby_admbnda_adm2_unosat_lbsc_20180507.geojson.

export const DISTRICTS = [
  { pcode: "LY0101", nameAr: "درنه", nameEn: "Derna" },
  { pcode: "LY0102", nameAr: "المرج", nameEn: "Almarj" },
  { pcode: "LY0103", nameAr: "بنغازي", nameEn: "Benghazi" },
  { pcode: "LY0104", nameAr: "طبرق", nameEn: "Tobruk" },
  { pcode: "LY0105", nameAr: "اجدابيا", nameEn: "Ejdabia" },
  { pcode: "LY0106", nameAr: "الجبل الاخضر", nameEn: "Al Jabal Al Akhdar" },
  { pcode: "LY0107", nameAr: "الكفرة", nameEn: "Alkufra" },
  { pcode: "LY0208", nameAr: "سرت", nameEn: "Sirt" },
  { pcode: "LY0209", nameAr: "نالوت", nameEn: "Nalut" },
  { pcode: "LY0210", nameAr: "المرقب", nameEn: "Almargeb" },
  { pcode: "LY0211", nameAr: "طرابلس", nameEn: "Tripoli" },
  { pcode: "LY0212", nameAr: "الجفارة", nameEn: "Aljfara" },
  { pcode: "LY0213", nameAr: "الزاوية", nameEn: "Azzawya" },
  { pcode: "LY0214", nameAr: "مصراته", nameEn: "Misrata" },
  { pcode: "LY0215", nameAr: "زوارة", nameEn: "Zwara" },
  { pcode: "LY0216", nameAr: "الجبل الغربي", nameEn: "Al Jabal Al Gharbi" },
  { pcode: "LY0317", nameAr: "الجفرة", nameEn: "Aljufra" },
  { pcode: "LY0318", nameAr: "وادى الشاطئ", nameEn: "Wadi Ashshati" },
  { pcode: "LY0319", nameAr: "سبها", nameEn: "Sebha" },
  { pcode: "LY0320", nameAr: "اوباري", nameEn: "Ubari" },
  { pcode: "LY0321", nameAr: "غات", nameEn: "Ghat" },
  { pcode: "LY0322", nameAr: "مرزق", nameEn: "Murzuq" },
] as const;

export type DistrictPcode = (typeof DISTRICTS)[number]["pcode"];
export const DISTRICT_PCODES = DISTRICTS.map((d) => d.pcode) as [DistrictPcode, ...DistrictPcode[]];
