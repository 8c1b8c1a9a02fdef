// Lexicons of the register of Libyan security media offices, in folded form (foldArabic). Multi-word
// entries are arrays of folded words.

import { DISTRICTS } from "../districts";
import demonymsData from "./data/demonyms.json";
import notNamesData from "./data/not-names.json";
import placesData from "./data/places.json";
import titlesData from "./data/titles.json";
import { foldArabic } from "../arabic";
import type { HonourKind, Weekday } from "./types";

const words = (s: string) => foldArabic(s).split(" ");

/** Heads of titles, longest first (data/titles.json, with its sources). The words after a head (definite
 * nouns, places, a nationality adjective) complete it. */
export const TITLE_HEADS: string[][] = titlesData.heads.map(words).sort((a, b) => b.length - a.length);

/** Nationality adjectives, folded, masculine and feminine → country (data/demonyms.json). */
export const DEMONYMS = new Map<string, string>(
  demonymsData.demonyms.flatMap(([m, f, country]) => [
    [foldArabic(m!), country!],
    [foldArabic(f!), country!],
  ]),
);

/** Country names, folded (data/demonyms.json). */
export const COUNTRIES = new Set<string>(demonymsData.demonyms.map(([, , country]) => foldArabic(country!)));

/** Words that are never part of a person's name (data/not-names.json). */
export const NOT_NAMES = new Set(notNamesData.words.map(foldArabic));

/** Nouns that stand in construct inside a title or body without the article (مدير إدارة مكافحة …). */
export const BODY_NOUNS = new Set(
  [
    "جهاز",
    "إدارة",
    "ادارة",
    "مديرية",
    "قسم",
    "فرع",
    "مكتب",
    "مركز",
    "منفذ",
    "هيئة",
    "مصلحة",
    "وحدة",
    "كتيبة",
    "أمن",
    "شرطة",
    "حرس",
    "خفر",
    "مكافحة",
    "شؤون",
    "حماية",
    "دعم",
    "مجلس",
    "بلدية",
    "وزارة",
    "منطقة",
    "دائرة",
    "غرفة",
    "عمليات",
  ].map(foldArabic),
);

/** Ranks, folded without the article. Civil honorifics too. */
export const RANKS: string[][] = [
  "فريق أول",
  "فريق",
  "لواء",
  "عميد",
  "عقيد",
  "مقدم",
  "رائد",
  "نقيب",
  "ملازم أول",
  "ملازم",
  "مساعد أول",
  "رقيب",
  "عريف",
  "دكتور",
  "مهندس",
  "مستشار",
  "حاج",
  "شيخ",
  "أستاذ",
  "سيد",
  "سيدة",
  "معالي",
  "سعادة",
]
  .map(words)
  .sort((a, b) => b.length - a.length);

/** Verbs that open a meeting report and take the host as subject. */
export const HOST_VERBS = new Set(
  [
    "عقد",
    "عقدت",
    "ترأس",
    "ترأست",
    "استقبل",
    "استقبلت",
    "التقى",
    "التقت",
    "اجتمع",
    "اجتمعت",
    "زار",
    "زارت",
    "بحث",
    "بحثت",
    "ناقش",
    "ناقشت",
    "تباحث",
    "أجرى",
    "أجرت",
  ].map(foldArabic),
);
/** Host verbs that also open sentences of another kind («وجرى بحث …»): a host only when a title or rank follows. */
export const WEAK_HOST_VERBS = new Set(
  ["زار", "زارت", "بحث", "بحثت", "ناقش", "ناقشت", "تباحث", "أجرى", "أجرت"].map(foldArabic),
);
/** Words that end the host phrase. */
export const HOST_STOP = new Set(
  [
    "اجتماعا",
    "اجتماعًا",
    "اجتماع",
    "لقاء",
    "جلسة",
    "صباح",
    "مساء",
    "ظهر",
    "اليوم",
    "أمس",
    "بحضور",
    "بمقر",
    "بمكتبه",
    "بديوان",
    "بزيارة",
    "بجولة",
    "في",
    "يوم",
    "وذلك",
    "لبحث",
    "لمناقشة",
  ].map(foldArabic),
);

export const ATTENDEE_TRIGGERS: string[][] = [
  "بحضور",
  "وبحضور",
  "بمشاركة",
  "وبمشاركة",
  "وحضر الاجتماع",
  "وحضر اللقاء",
  "حضر الاجتماع",
  "وشارك في الاجتماع",
  "كل من",
  "رافقه خلالها",
  "رافقه خلال الزيارة",
  "رافقه",
  "يرافقه",
  "ويرافقه",
  "برفقة",
  "وبرفقة",
  "رافقها",
].map(words);

export const ATTENDEE_STOP = new Set(
  [
    "بالإضافة",
    "بالاضافة",
    "إلى جانب",
    "وعدد",
    "عدد",
    "وذلك",
    "لمناقشة",
    "لبحث",
    "حيث",
    "بمقر",
    "في",
    "وتم",
    "تم",
    "وجرى",
    "وناقش",
    "ناقش",
    "لاستعراض",
    "صباح",
    "مساء",
    "اليوم",
  ].map(foldArabic),
);

/** Speech verbs (folded, without the leading و/ف). */
export const SPEECH_VERBS = new Set(
  [
    "أكد",
    "شدد",
    "أشار",
    "أعرب",
    "أوضح",
    "دعا",
    "قال",
    "أضاف",
    "بين",
    "لفت",
    "نوه",
    "ثمن",
    "طالب",
    "أعلن",
    "استعرض",
    "أثنى",
    "تحدث",
    "قدم",
    "تعهد",
    "جدد",
    "وجه",
    "أبدى",
    // feminine (a woman speaking, or a ministry/delegation as subject)
    "أكدت",
    "شددت",
    "أشارت",
    "أعربت",
    "أوضحت",
    "دعت",
    "قالت",
    "أضافت",
    "بينت",
    "لفتت",
    "نوهت",
    "ثمنت",
    "طالبت",
    "أعلنت",
    "استعرضت",
    "أثنت",
    "تحدثت",
    "تعهدت",
    "جددت",
    "أبدت",
  ].map(foldArabic),
);
/** Participles that continue the same speaker (مؤكدًا، مشيرًا …). */
export const SPEECH_PARTICIPLES = new Set(
  [
    "مؤكدا",
    "مشيرا",
    "مشددا",
    "موضحا",
    "داعيا",
    "مضيفا",
    "معربا",
    "لافتا",
    "مؤكدة",
    "مشيرة",
    "مشددة",
    "موضحة",
    "داعية",
    "مضيفة",
    "معربة",
    "لافتة",
  ].map(foldArabic),
);
/** Turns that hand the word to a new speaker. */
export const TURNS: string[][] = [
  "من جهته",
  "من جانبه",
  "وبدوره",
  "بدوره",
  "من ناحيته",
  "من جهتها",
  "من جانبها",
  "وبدورها",
].map(words);

/** Narrators: a clause whose subject is one of these is narrative, not a statement. */
export const NARRATORS = ["مكتب الإعلام", "المكتب الإعلامي", "إدارة الإعلام", "الصفحة الرسمية"].map(words);

/** Pledge and decision markers (a word starting with one of these). */
export const COMMITMENT_MARKERS = [
  "استعداد",
  "سيتم",
  "ستشهد",
  "سيشهد",
  "سوف",
  "تعهد",
  "التزام",
  "التزم",
  "سيعمل",
  "ستعمل",
  "ستقوم",
  "سيقوم",
  "وعد",
  "تقرر",
  "اتفق",
  "الاتفاق على",
].map(foldArabic);

export const HONOUR_KINDS: { words: string[]; kind: HonourKind }[] = [
  { words: ["درع"], kind: "shield" },
  { words: ["درعا"], kind: "shield" },
  { words: ["دروع"], kind: "shield" },
  { words: ["شهاده", "تقدير"], kind: "certificate" },
  { words: ["شهادات", "تقدير"], kind: "certificate" },
  { words: ["شهاده", "شكر"], kind: "certificate" },
  { words: ["وسام"], kind: "medal" },
  { words: ["ميداليه"], kind: "medal" },
  { words: ["نوط"], kind: "medal" },
  { words: ["هديه"], kind: "other" },
];

export const WEEKDAYS: Record<string, Weekday> = {
  الاحد: "sunday",
  الاثنين: "monday",
  الثلاثاء: "tuesday",
  الاربعاء: "wednesday",
  الخميس: "thursday",
  الجمعه: "friday",
  السبت: "saturday",
};
export const WEEKDAY_INDEX: Record<Weekday, number> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};

export const PARTS_OF_DAY: Record<string, "morning" | "noon" | "afternoon" | "evening" | "night"> = {
  صباح: "morning",
  ظهر: "noon",
  ظهيره: "noon",
  عصر: "afternoon",
  مساء: "evening",
  ليله: "night",
  ليل: "night",
};

/** Gregorian month names, the Levantine ones, and Libya's own. */
export const MONTHS: Record<string, number> = {
  يناير: 1,
  فبراير: 2,
  مارس: 3,
  ابريل: 4,
  مايو: 5,
  يونيو: 6,
  يوليو: 7,
  اغسطس: 8,
  سبتمبر: 9,
  اكتوبر: 10,
  نوفمبر: 11,
  ديسمبر: 12,
  "كانون الثاني": 1,
  شباط: 2,
  اذار: 3,
  نيسان: 4,
  ايار: 5,
  حزيران: 6,
  تموز: 7,
  اب: 8,
  ايلول: 9,
  "تشرين الاول": 10,
  "تشرين الثاني": 11,
  "كانون الاول": 12,
  النوار: 2,
  الربيع: 3,
  الطير: 4,
  الماء: 5,
  الصيف: 6,
  هانيبال: 8,
  الفاتح: 9,
  التمور: 10,
  الحرث: 11,
};

export type Place = { fold: string; text: string; pcode: string | null; nameEn: string | null };

/** Districts plus towns, crossings and the neighbours' places that security reports name. */
export const PLACES: Place[] = [
  ...DISTRICTS.map((d) => ({
    fold: foldArabic(d.nameAr),
    text: d.nameAr,
    pcode: d.pcode as string | null,
    nameEn: d.nameEn as string | null,
  })),
  { fold: "امساعد", text: "أمساعد", pcode: "LY0104", nameEn: "Emsaed" },
  { fold: "البيضاء", text: "البيضاء", pcode: "LY0106", nameEn: "Al Bayda" },
  { fold: "شحات", text: "شحات", pcode: "LY0106", nameEn: "Shahhat" },
  { fold: "القبه", text: "القبة", pcode: "LY0101", nameEn: "Al Qubbah" },
  { fold: "البريقه", text: "البريقة", pcode: "LY0105", nameEn: "Brega" },
  { fold: "غدامس", text: "غدامس", pcode: "LY0209", nameEn: "Ghadames" },
  { fold: "الجغبوب", text: "الجغبوب", pcode: "LY0104", nameEn: "Jaghbub" },
  { fold: "بنينا", text: "بنينا", pcode: "LY0103", nameEn: "Benina" },
  { fold: "توكره", text: "توكرة", pcode: "LY0102", nameEn: "Tocra" },
  { fold: "سوسه", text: "سوسة", pcode: "LY0106", nameEn: "Susa" },
  { fold: "الكفره", text: "الكفرة", pcode: "LY0107", nameEn: "Kufra" },
  { fold: "درنه", text: "درنة", pcode: "LY0101", nameEn: "Derna" },
  { fold: "مصراته", text: "مصراتة", pcode: "LY0214", nameEn: "Misrata" },
  ...placesData.places.map(([text, nameEn, , pcode]) => ({
    fold: foldArabic(text as string),
    text: text as string,
    pcode: (pcode as string | null) ?? null,
    nameEn: (nameEn as string | null) ?? null,
  })),
];
const PLACE_BY_FOLD = new Map<string, Place>();
for (const p of PLACES) if (!PLACE_BY_FOLD.has(p.fold)) PLACE_BY_FOLD.set(p.fold, p);
/** Longest place name, in words. */
export const PLACE_MAX_WORDS = Math.max(...PLACES.map((p) => p.fold.split(" ").length));
export function findPlace(fold: string): Place | null {
  return PLACE_BY_FOLD.get(fold) ?? PLACE_BY_FOLD.get(fold.replace(/^ال/, "")) ?? null;
}
