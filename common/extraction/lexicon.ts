// Lexicons of the register of Libyan security media offices, in folded form (foldArabic). Multi-word
// entries are arrays of folded words.

import { DISTRICTS } from "../districts";
import { foldArabic } from "../arabic";
import type { HonourKind, Weekday } from "./types";

const words = (s: string) => foldArabic(s).split(" ");

/** Heads of titles, longest first. The words after a head (definite nouns, places) complete it. */
export const TITLE_HEADS: string[][] = [
  "عضو مجلس النواب",
  "عضو مجلس الدولة",
  "عضو المجلس البلدي",
  "رئيس المجلس البلدي",
  "عميد البلدية",
  "عميد بلدية",
  "رئيس مجلس النواب",
  "رئيس مجلس الوزراء",
  "رئيس الحكومة",
  "رئيس أركان",
  "رئيس جهاز",
  "رئيس هيئة",
  "رئيس مصلحة",
  "رئيس قسم",
  "رئيس فرع",
  "رئيس مكتب",
  "رئيس لجنة",
  "رئيس غرفة",
  "رئيس",
  "وكيل وزارة",
  "وكيل",
  "وزير",
  "مدير مديرية أمن",
  "مدير مديرية",
  "مدير أمن",
  "مدير إدارة",
  "مدير مكتب",
  "مدير فرع",
  "مدير مركز",
  "مدير منفذ",
  "مدير",
  "آمر منفذ",
  "آمر كتيبة",
  "آمر قسم",
  "آمر",
  "قائد",
  "نائب رئيس",
  "نائب",
  "مساعد وزير",
  "منسق",
  "مندوب",
  "ممثل",
  "شيخ قبيلة",
  "أعيان",
  "حكيم",
]
  .map(words)
  .sort((a, b) => b.length - a.length);

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
]
  .map(words)
  .sort((a, b) => b.length - a.length);

/** Verbs that open a meeting report and take the host as subject. */
export const HOST_VERBS = new Set(
  ["عقد", "عقدت", "ترأس", "ترأست", "استقبل", "التقى", "اجتمع", "اجتمعت", "عقدت"].map(foldArabic),
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
  ].map(foldArabic),
);
/** Participles that continue the same speaker (مؤكدًا، مشيرًا …). */
export const SPEECH_PARTICIPLES = new Set(
  ["مؤكدا", "مشيرا", "مشددا", "موضحا", "داعيا", "مضيفا", "معربا", "لافتا"].map(foldArabic),
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

/** Districts plus towns and crossings that security reports name. */
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
  { fold: "راس اجدير", text: "رأس اجدير", pcode: "LY0215", nameEn: "Ras Ajdir" },
  { fold: "غدامس", text: "غدامس", pcode: "LY0209", nameEn: "Ghadames" },
  { fold: "الجغبوب", text: "الجغبوب", pcode: "LY0104", nameEn: "Jaghbub" },
  { fold: "بنينا", text: "بنينا", pcode: "LY0103", nameEn: "Benina" },
  { fold: "توكره", text: "توكرة", pcode: "LY0102", nameEn: "Tocra" },
  { fold: "سوسه", text: "سوسة", pcode: "LY0106", nameEn: "Susa" },
  { fold: "الكفره", text: "الكفرة", pcode: "LY0107", nameEn: "Kufra" },
  { fold: "درنه", text: "درنة", pcode: "LY0101", nameEn: "Derna" },
  { fold: "مصراته", text: "مصراتة", pcode: "LY0214", nameEn: "Misrata" },
];
const PLACE_BY_FOLD = new Map(PLACES.map((p) => [p.fold, p]));
export function findPlace(fold: string): Place | null {
  return PLACE_BY_FOLD.get(fold) ?? PLACE_BY_FOLD.get(fold.replace(/^ال/, "")) ?? null;
}
