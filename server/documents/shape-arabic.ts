// Arabic shaping for PDF text: letters become their Unicode presentation forms (isolated, final,
// initial, medial) by joining context, before react-pdf lays the text out. Why we shape ourselves and
// do not let the font do it: docs/decisions/0006-arabic-pdf.md. The text stays in logical order;
// react-pdf's bidi algorithm orders it on the line.

/** Presentation forms of a letter: [isolated, final] or [isolated, final, initial, medial]. */
type Forms = readonly [number, number] | readonly [number, number, number, number];

const ARABIC_FORMS = new Map<number, Forms>();
const fourForms = (letter: number, first: number) =>
  ARABIC_FORMS.set(letter, [first, first + 1, first + 2, first + 3]);
const twoForms = (letter: number, first: number) => ARABIC_FORMS.set(letter, [first, first + 1]);

// Arabic Presentation Forms-B (U+FE80–U+FEFC), in the order of the block.
twoForms(0x0622, 0xfe81); // آ
twoForms(0x0623, 0xfe83); // أ
twoForms(0x0624, 0xfe85); // ؤ
twoForms(0x0625, 0xfe87); // إ
fourForms(0x0626, 0xfe89); // ئ
twoForms(0x0627, 0xfe8d); // ا
fourForms(0x0628, 0xfe8f); // ب
twoForms(0x0629, 0xfe93); // ة
fourForms(0x062a, 0xfe95); // ت
fourForms(0x062b, 0xfe99); // ث
fourForms(0x062c, 0xfe9d); // ج
fourForms(0x062d, 0xfea1); // ح
fourForms(0x062e, 0xfea5); // خ
twoForms(0x062f, 0xfea9); // د
twoForms(0x0630, 0xfeab); // ذ
twoForms(0x0631, 0xfead); // ر
twoForms(0x0632, 0xfeaf); // ز
fourForms(0x0633, 0xfeb1); // س
fourForms(0x0634, 0xfeb5); // ش
fourForms(0x0635, 0xfeb9); // ص
fourForms(0x0636, 0xfebd); // ض
fourForms(0x0637, 0xfec1); // ط
fourForms(0x0638, 0xfec5); // ظ
fourForms(0x0639, 0xfec9); // ع
fourForms(0x063a, 0xfecd); // غ
fourForms(0x0641, 0xfed1); // ف
fourForms(0x0642, 0xfed5); // ق
fourForms(0x0643, 0xfed9); // ك
fourForms(0x0644, 0xfedd); // ل
fourForms(0x0645, 0xfee1); // م
fourForms(0x0646, 0xfee5); // ن
fourForms(0x0647, 0xfee9); // ه
twoForms(0x0648, 0xfeed); // و
twoForms(0x0649, 0xfeef); // ى (its initial/medial forms are not in the block; it ends words)
fourForms(0x064a, 0xfef1); // ي
// Letters of foreign names (Presentation Forms-A): پ چ ڤ ک گ ی, and ژ.
fourForms(0x067e, 0xfb56);
fourForms(0x0686, 0xfb7a);
fourForms(0x06a4, 0xfb6a);
fourForms(0x06a9, 0xfb8e);
fourForms(0x06af, 0xfb92);
fourForms(0x06cc, 0xfbfc);
twoForms(0x0698, 0xfb8a);

const TATWEEL = 0x0640; // joins both ways and keeps its own glyph
const LAM = 0x0644;
const ALEF = 0x0627;
const ALEF_FINAL = 0xfe8e;
/** لآ لأ لإ as one presentation form each: [isolated, final]. Plain لا is left to the font (see below). */
const LAM_ALEF_WITH_HAMZA = new Map<number, readonly [number, number]>([
  [0x0622, [0xfef5, 0xfef6]],
  [0x0623, [0xfef7, 0xfef8]],
  [0x0625, [0xfef9, 0xfefa]],
]);

// Vowel marks (tashkeel) and Quranic signs are kept, right after their letter: transparent for joining.
// react-pdf does not apply the font's mark positioning to right-to-left runs, so each mark is drawn where
// the font draws it at its letter's start (readable; not centred as a browser would): decisions/0006.
const MARK = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]/;
const isMark = (cp: number | undefined) => cp !== undefined && MARK.test(String.fromCodePoint(cp));
// Invisible format characters (joiners, bidi controls, soft hyphen): used for joining, then dropped,
// because the font draws them with the space glyph and would give spaces a wrong text layer.
const JOIN_CAUSING = 0x200d;
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

const joinsBothWays = (cp: number | undefined) =>
  cp === TATWEEL || cp === JOIN_CAUSING || ARABIC_FORMS.get(cp ?? -1)?.length === 4;
const joinsBackward = (cp: number | undefined) =>
  cp !== undefined && (cp === TATWEEL || cp === JOIN_CAUSING || ARABIC_FORMS.has(cp));

/**
 * Arabic letters → presentation forms by joining context, in logical order. Plain lam-alef becomes lam
 * (initial or medial form) + final alef, which the font's required ligature turns into the لا glyph,
 * so the PDF text keeps the two letters; لأ لإ لآ become their ligature forms (U+FEF5–U+FEFA).
 */
export function shapeArabic(text: string): string {
  const cps = Array.from(text.normalize("NFC"), (c) => c.codePointAt(0)!);
  // Neighbours for joining skip the marks between letters.
  const letterBefore = (i: number) => {
    let j = i - 1;
    while (isMark(cps[j])) j--;
    return cps[j];
  };
  const letterAfter = (i: number) => {
    let j = i + 1;
    while (isMark(cps[j])) j++;
    return j;
  };
  const out: number[] = [];
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i]!;
    const forms = ARABIC_FORMS.get(cp);
    if (!forms) {
      out.push(cp);
      continue;
    }
    const fromPrevious = joinsBothWays(letterBefore(i));
    const after = letterAfter(i);
    const next = cps[after];
    if (cp === LAM && next !== undefined) {
      const marksOfLam = cps.slice(i + 1, after);
      if (next === ALEF) {
        out.push(forms[fromPrevious ? 3 : 2]!, ...marksOfLam, ALEF_FINAL);
        i = after;
        continue;
      }
      // A mark on the lam keeps لأ لإ لآ as two letters, so that it stays between them in the text.
      const ligature = marksOfLam.length ? undefined : LAM_ALEF_WITH_HAMZA.get(next);
      if (ligature) {
        out.push(ligature[fromPrevious ? 1 : 0]);
        i = after;
        continue;
      }
    }
    const toNext = forms.length === 4 && joinsBackward(next);
    const form = fromPrevious ? (toNext ? forms[3] : forms[1]) : toNext ? forms[2] : forms[0];
    out.push(form!);
  }
  return out
    .map((cp) => String.fromCodePoint(cp))
    .join("")
    .replace(INVISIBLE, "");
}

/** Every presentation form shapeArabic can produce, with the letters it stands for (for the text layer). */
export function presentationForms(): Array<{ form: number; letters: string }> {
  const found: Array<{ form: number; letters: string }> = [];
  for (const forms of ARABIC_FORMS.values())
    for (const form of forms) found.push({ form, letters: String.fromCodePoint(form).normalize("NFKC") });
  for (const ligature of LAM_ALEF_WITH_HAMZA.values())
    for (const form of ligature) found.push({ form, letters: String.fromCodePoint(form).normalize("NFKC") });
  return found;
}

const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC]/;
const FIRST_STRONG = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFCA-Za-z\u00C0-\u024F]/;

/** The direction of a paragraph by its first strong letter (right-to-left for Arabic). */
export function isRightToLeft(text: string): boolean {
  const first = FIRST_STRONG.exec(text);
  return first !== null && RTL_LETTER.test(first[0]);
}
