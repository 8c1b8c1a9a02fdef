import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldArabic, highlight, searchKey, searchWords, toWesternDigits } from "./arabic";

describe("Arabic folding for search", () => {
  it.each([
    ["أُسَامَة", "اسامه"],
    ["إسلام", "اسلام"],
    ["آمنة", "امنه"],
    ["مـــوسى", "موسي"],
    ["مدينة طبرق", "مدينه طبرق"],
    ["على", "علي"],
    ["رؤية", "رويه"],
    ["مسؤول", "مسوول"],
    ["شاطئ", "شاطي"],
    ["عام ٢٠٢٣", "عام 2023"],
    ["رقم ۱۲۳", "رقم 123"],
    ["  Tobruk   SECURITY  ", "tobruk security"],
  ])("%s → %s", (input, expected) => {
    expect(foldArabic(input)).toBe(expected);
  });

  it("is idempotent and never grows text with diacritics", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 60 }), (s) => {
        expect(foldArabic(foldArabic(s))).toBe(foldArabic(s));
      }),
    );
  });

  it("ignores any diacritics and tatweel sprinkled into a word", () => {
    const marks = fc.constantFrom("\u064B", "\u064E", "\u064F", "\u0650", "\u0651", "\u0652", "\u0640");
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(..."الدرسي"), fc.array(marks, { maxLength: 2 })), { minLength: 1 }),
        (parts) => {
          const decorated = parts.map(([c, m]) => c + m.join("")).join("");
          const plain = parts.map(([c]) => c).join("");
          expect(foldArabic(decorated)).toBe(foldArabic(plain));
        },
      ),
    );
  });

  it("converts every Arabic-Indic digit", () => {
    expect(toWesternDigits("٠١٢٣٤٥٦٧٨٩")).toBe("0123456789");
  });

  it("joins the searchable parts of a record, skipping empty ones", () => {
    expect(searchKey(["موسى البدين", null, "", "TBK"])).toBe("موسي البدين | tbk");
  });
});

describe("search words and highlighted snippets (issue 12, item 7)", () => {
  it("folds each word and drops the article from words of four letters or more", () => {
    expect(searchWords("المنفذ  إمساعد")).toEqual(["منفذ", "امساعد"]);
    expect(searchWords("الكُفْرة")).toEqual(["كفره"]);
    expect(searchWords("ال")).toEqual(["ال"]);
    expect(searchWords("٢٠٢٦، طبرق")).toEqual(["2026", "طبرق"]);
  });

  it("marks the match on the text as written, whatever spelling the search used", () => {
    const text = "ضُبطت شاحنة وقود عند منفذ أمساعد البري";
    const marked = (words: string[]) =>
      highlight(text, words)
        .filter((s) => s.mark)
        .map((s) => s.text);
    expect(marked(searchWords("إمساعد"))).toEqual(["أمساعد"]);
    expect(marked(searchWords("امساعد المنفذ"))).toEqual(["منفذ", "أمساعد"]);
    expect(marked(searchWords("ضبطت"))).toEqual(["ضُبطت"]);
    expect(
      highlight(text, ["غير"])
        .map((s) => s.text)
        .join(""),
    ).toBe(text);
  });

  it("cuts a long text around the first match", () => {
    const text = `${"كلام ".repeat(100)}تهريب وقود${" كلام".repeat(100)}`;
    const snippet = highlight(text, ["تهريب"], 80);
    const joined = snippet.map((s) => s.text).join("");
    expect(joined.length).toBeLessThanOrEqual(80 + 4);
    expect(snippet.some((s) => s.mark && s.text === "تهريب")).toBe(true);
    expect(joined.startsWith("… ")).toBe(true);
    expect(joined.endsWith(" …")).toBe(true);
  });
});
