// The documents read back through poppler's pdftotext: Arabic names must come out in logical order
// (what a reader copies or searches). pdftotext's reading order (the default, and -layout) gives
// right-to-left lines logically; -raw keeps the content stream's visual order (the words of a line
// right to left, each word's letters logical). A rendering that is unshaped or stored in visual order
// fails the same checks (last block), so these tests can fail.

import { Document, Font, Page, Text, renderToBuffer } from "@react-pdf/renderer";
import { createElement as h } from "react";
import { describe, expect, it } from "vitest";
import {
  INTERNAL_SECURITY,
  MAYOR,
  MINISTER,
  TOBRUK_MEETING,
} from "../../common/meetings/tobruk-meeting.fixture";
import { draftPressRelease } from "../../common/meetings/press-release";
import { renderHonourCertificate, renderMeetingMinutes, renderPressReleasePdf } from "./index";
import { pdfToText } from "./pdf-to-text";
import { shapeArabic } from "./shape-arabic";

const NAMES = [
  "عصام أبوزريبة",
  "أسامة الدرسي",
  "ناصر شرح البال",
  "الصالحين عبد النبي",
  "فرج الخطابية",
  "موسى البدين",
];

/**
 * Each expected phrase in the text pdftotext reads: words exactly; around digits and punctuation,
 * spaces are not compared, because pdftotext moves them (and a final period) into the left-to-right
 * run of a number: "أقصاه 31 مارس 2024." reads "أقصاه  31مارس  .2024", and on a page it takes for
 * right-to-left it turns the brackets of an English line: ")Sunday … (2 Rajab 1445 AH".
 */
function expectPhrases(text: string, phrases: string[]) {
  const loose = (s: string) => s.replace(/[\s.،,:()]/g, "");
  const found = (p: string) => (/[\d.،,:]/.test(p) ? loose(text).includes(loose(p)) : text.includes(p));
  const missing = phrases.filter((p) => !found(p));
  expect(missing, `not found in:\n${text}`).toEqual([]);
}

/**
 * The text layer holds plain letters, except لأ لإ لآ: one glyph each, read as their ligature
 * character (U+FEF5–U+FEFA), which NFKC (what search in PDF readers applies) opens into two letters.
 * Names without them are matched on the raw text; other phrases after NFKC.
 */
const nfkc = (text: string) => text.normalize("NFKC");

const isPdf = (pdf: Buffer) => pdf.subarray(0, 5).toString("latin1") === "%PDF-";

const CERTIFICATE = {
  reference: "HON-2024-000001",
  kind: "shield" as const,
  title: "درع التميز كأفضل شخصية لعام 2023",
  recipient: MINISTER,
  giver: MAYOR,
  reason: "تقديرًا لجهوده في دعم وتعزيز العمل الأمني والحفاظ على أمن واستقرار البلاد",
  date: "2024-01-14",
  meeting: { reference: "MTG-2024-000001", title: "الاجتماع الأمني بمدينة طبرق" },
};

describe("meeting minutes (محضر اجتماع)", () => {
  it("reads back in logical Arabic: names, titles, dates (Gregorian and Hijri), decisions, honours", async () => {
    const pdf = await renderMeetingMinutes(TOBRUK_MEETING);
    expect(isPdf(pdf)).toBe(true);
    const text = await pdfToText(pdf);
    expectPhrases(text, NAMES);
    expectPhrases(nfkc(text), [
      "محضر اجتماع",
      "MTG-2024-000001",
      "رئيس جهاز الأمن الداخلي",
      "وزير الأشغال العامة",
      "عضو مجلس النواب عن دائرة طبرق",
      "الأحد 14 يناير 2024، الموافق 2 رجب 1445 هـ",
      "من 10:30 إلى 12:45 بتوقيت ليبيا",
      "درع التميز كأفضل شخصية لعام",
      "مديرية أمن طبرق",
      "31 مارس 2024",
      "قيد التنفيذ",
      "صفحة 1 من 2",
    ]);
  });

  it("keeps the source's diacritics (tashkeel), each after its letter, and names honoree and honourer apart", async () => {
    const pdf = await renderMeetingMinutes({
      ...TOBRUK_MEETING,
      title: "الاجتماعُ الأمنيُّ بمدينةِ طبرق",
    });
    const text = await pdfToText(pdf);
    // as written in the press release (fixture), tanween included; and a fully vowelled title
    expectPhrases(nfkc(text), [
      "مدينة مهمة جدًا كمدخل",
      "ستشهد دعمًا غير مسبوق",
      "تقديرًا لجهوده في دعم",
      "الاجتماعُ الأمنيُّ بمدينةِ طبرق".normalize("NFC"),
    ]);
    // the honours table: «المكرَّم» (honoree) and «مقدِّم التكريم» (honourer), not two «المكرم»
    expectPhrases(nfkc(text), ["المكرَّم".normalize("NFC"), "مقدِّم التكريم".normalize("NFC")]);
    expect(nfkc(text)).not.toContain("المكرِّم".normalize("NFC"));
  });

  it("in English: English labels, Arabic data still logical", async () => {
    const text = await pdfToText(await renderMeetingMinutes(TOBRUK_MEETING, { language: "en" }));
    expectPhrases(nfkc(text), [
      "Minutes of Meeting",
      "Sunday 14 January 2024 (2 Rajab 1445 AH)",
      "Decisions and commitments",
      "In progress",
      "Page 1 of 2",
      ...NAMES,
    ]);
  });
});

describe("certificate of appreciation (شهادة تقدير)", () => {
  it("reads back in logical Arabic, reading order and layout order alike", async () => {
    const pdf = await renderHonourCertificate(CERTIFICATE);
    for (const mode of ["reading", "layout"] as const) {
      expectPhrases(nfkc(await pdfToText(pdf, mode)), [
        "شهادة تقدير",
        "لواء عصام أبوزريبة",
        "درع التميز كأفضل شخصية لعام 2023",
        "عميد بلدية طبرق",
        "فرج الخطابية",
        "حُرّرت في 14 يناير 2024، الموافق 2 رجب 1445 هـ".normalize("NFC"),
        "HON-2024-000001",
      ]);
    }
    // -raw: the content stream runs left to right, so a line's words come last-first, each one logical
    const raw = await pdfToText(pdf, "raw");
    expect(raw).toContain("أبوزريبة عصام لواء");
    expect(raw).toContain("2023 لعام شخصية كأفضل التميز درع");
  });

  it("for a woman, and in English", async () => {
    const woman = { ...INTERNAL_SECURITY, name: "سعاد الفيتوري", gender: "female" as const };
    const ar = await pdfToText(await renderHonourCertificate({ ...CERTIFICATE, recipient: woman }));
    expectPhrases(ar, ["بمناسبة تكريمها بـ", "سعاد الفيتوري"]);
    const en = await pdfToText(await renderHonourCertificate(CERTIFICATE, { language: "en" }));
    expectPhrases(en, [
      "Certificate of Appreciation",
      "Issued on 14 January 2024 (2 Rajab 1445 AH)",
      "عصام أبوزريبة",
    ]);
  });
});

describe("press release (بيان صحفي)", () => {
  it("prints the drafted text under the media office's heading", async () => {
    const text = draftPressRelease(TOBRUK_MEETING, { publicationDate: "2024-01-14" });
    const read = await pdfToText(
      await renderPressReleasePdf({
        text,
        headline: TOBRUK_MEETING.title,
        date: "2024-01-14",
        reference: "MTG-2024-000001",
      }),
    );
    expectPhrases(read, NAMES);
    expectPhrases(nfkc(read), [
      "مكتب الإعلام الأمني",
      "بيان صحفي",
      "الأحد 14 يناير 2024",
      "صباح اليوم الأحد",
      "درع التميز كأفضل شخصية لعام 2023",
    ]);
  });
});

describe("the check can fail", () => {
  // A second family on the same file, so these renderings do not share glyph state with the documents.
  Font.register({
    family: "Unshaped Naskh",
    src: new URL(
      import.meta.resolve("@expo-google-fonts/noto-naskh-arabic/400Regular/NotoNaskhArabic_400Regular.ttf"),
    ).pathname,
  });
  const plainPdf = (lines: string[]) =>
    renderToBuffer(
      h(
        Document,
        null,
        h(
          Page,
          { size: "A4", style: { fontFamily: "Unshaped Naskh", padding: 40 } },
          ...lines.map((line, i) =>
            h(Text, { key: i, style: { direction: "rtl", textAlign: "right" } }, line),
          ),
        ),
      ),
    );

  it("text left to the font's own shaping loses letters (dotted letters share one glyph)", async () => {
    const text = await pdfToText(
      await plainPdf(["رئيس جهاز الأمن الداخلي أسامة الدرسي", "لواء عصام أبوزريبة"]),
    );
    expect(() => expectPhrases(text, ["أسامة الدرسي", "عصام أبوزريبة"])).toThrow();
  });

  it("text stored in visual order (reversed by hand) reads backwards", async () => {
    const reversed = (s: string) => Array.from(shapeArabic(s)).reverse().join("");
    const text = await pdfToText(await plainPdf([reversed("أسامة الدرسي"), reversed("درع التميز")]));
    expect(() => expectPhrases(text, ["أسامة الدرسي", "درع التميز"])).toThrow();
  });

  it("says how to install pdftotext when it is missing", async () => {
    await expect(pdfToText(Buffer.from("%PDF-1.4"), "reading", "pdftotext-not-installed")).rejects.toThrow(
      /install poppler-utils/,
    );
  });
});
