import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isRightToLeft, presentationForms, shapeArabic } from "./shape-arabic";

const hex = (text: string) => Array.from(text, (c) => c.codePointAt(0)!.toString(16).toUpperCase());

describe("shapeArabic: letters take their joined forms, in logical order", () => {
  it("gives initial, medial, final and isolated forms by context", () => {
    // ب initial, ت medial, ا final, ر isolated (after alef), ي initial, خ final
    expect(hex(shapeArabic("بتاريخ"))).toEqual(["FE91", "FE98", "FE8E", "FEAD", "FEF3", "FEA6"]);
    // ج initial, ه medial, ا final, ز isolated
    expect(hex(shapeArabic("جهاز"))).toEqual(["FE9F", "FEEC", "FE8E", "FEAF"]);
  });

  it("writes plain lam-alef as lam + final alef (the font joins them) and hamza lam-alef as a ligature", () => {
    expect(hex(shapeArabic("لا"))).toEqual(["FEDF", "FE8E"]);
    expect(hex(shapeArabic("خلال"))).toEqual(["FEA7", "FEE0", "FE8E", "FEDD"]);
    expect(hex(shapeArabic("الأمن"))).toEqual(["FE8D", "FEF7", "FEE3", "FEE6"]);
    expect(hex(shapeArabic("سلأ"))).toEqual(["FEB3", "FEF8"]);
  });

  it("keeps vowel marks after their letter (joining skips them), drops invisible format characters", () => {
    expect(shapeArabic("اجتماعًا").normalize("NFKC")).toBe("اجتماعًا");
    // ب initial, fatha, ت final (the mark between them does not break the join), then kasra + shadda (NFC order)
    expect(hex(shapeArabic("بَتِّ"))).toEqual(["FE91", "64E", "FE96", "650", "651"]);
    // lam-alef with a mark on the lam: lam, mark, final alef; لأ with its mark after the ligature
    expect(hex(shapeArabic("لَا"))).toEqual(["FEDF", "64E", "FE8E"]);
    expect(hex(shapeArabic("الأَمن"))).toEqual(["FE8D", "FEF7", "64E", "FEE3", "FEE6"]);
    expect(shapeArabic("a\u200Db\u202Ec")).toBe("abc");
    expect(shapeArabic("MTG-2024-000001، 14/01/2024")).toBe("MTG-2024-000001، 14/01/2024");
  });

  it("composes a letter written with a separate hamza before shaping", () => {
    expect(shapeArabic("ا\u0654سامة").normalize("NFKC")).toBe("أسامة");
  });

  it("keeps the text: NFKC of the shaped text is the input's", () => {
    const letters = [..."ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىيـ"];
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(...letters, " ", "،", "1", "a", "\u064B", "\u0651"),
          maxLength: 60,
        }),
        (text) => {
          expect(shapeArabic(text).normalize("NFKC")).toBe(text.normalize("NFKC"));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("lists every presentation form it can produce with the letters it stands for", () => {
    const forms = new Map(presentationForms().map((f) => [f.form, f.letters]));
    expect(forms.get(0xfe91)).toBe("ب");
    expect(forms.get(0xfef7)).toBe("لأ");
    const produced = new Set(Array.from(shapeArabic("بتاريخ الأمن خلال لإ آلية"), (c) => c.codePointAt(0)!));
    for (const cp of produced) if (cp > 0xfb00) expect(forms.has(cp), cp.toString(16)).toBe(true);
  });
});

describe("isRightToLeft", () => {
  it("follows the first strong letter", () => {
    expect(isRightToLeft("أسامة الدرسي")).toBe(true);
    expect(isRightToLeft("2024 طبرق")).toBe(true);
    expect(isRightToLeft("MTG-2024-000001 طبرق")).toBe(false);
    expect(isRightToLeft("2024")).toBe(false);
  });
});
