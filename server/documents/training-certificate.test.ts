// The training certificate read back through poppler's pdftotext (as documents.test.ts does for the others): the
// holder's Arabic name and the course's title must come out in logical order, i.e. as a reader copies or
// searches them; -raw (the content stream's visual order) shows they were not stored pre-reversed.

import { describe, expect, it } from "vitest";
import { renderTrainingCertificate, type TrainingCertificateInput } from "./index";
import { pdfToText } from "./pdf-to-text";

const INPUT: TrainingCertificateInput = {
  name: "ملازم أول سالم الفيتوري",
  agency: "مديرية أمن طبرق",
  kindLabel: "دورة تدريبية",
  courseTitle: "مكافحة التهريب عبر منفذ أمساعد",
  topic: "مكافحة التهريب",
  startsOn: "2026-12-06",
  endsOn: "2026-12-10",
  issuedAt: new Date("2026-12-10T12:00:00Z"),
  expiresOn: "2028-12-10",
  code: "7KQ2-M9XD-4HTR-B0VZ",
  verifyUrl: "https://tansiq.example.ly/verify/7KQ2-M9XD-4HTR-B0VZ",
};

const isPdf = (pdf: Buffer) => pdf.subarray(0, 5).toString("latin1") === "%PDF-";

describe("training certificate (شهادة إتمام تدريب)", () => {
  it("reads back the name, the course and its code in logical order", async () => {
    const pdf = await renderTrainingCertificate(INPUT);
    expect(isPdf(pdf)).toBe(true);
    const text = (await pdfToText(pdf)).normalize("NFKC");
    for (const phrase of [
      "ملازم أول سالم الفيتوري",
      "مكافحة التهريب عبر منفذ أمساعد",
      "شهادة إتمام تدريب",
      "مديرية أمن طبرق",
      "7KQ2-M9XD-4HTR-B0VZ",
      "https://tansiq.example.ly/verify/7KQ2-M9XD-4HTR-B0VZ",
    ])
      expect(text, text).toContain(phrase);
    const raw = await pdfToText(pdf, "raw");
    expect(raw).toContain("الفيتوري سالم أول ملازم");
  });

  it("is written in English when asked, with the English name", async () => {
    const pdf = await renderTrainingCertificate(
      {
        ...INPUT,
        name: "1st Lt Salem Al-Fitouri",
        courseTitle: "Combating smuggling at the Emsaed crossing",
        kindLabel: "Course",
      },
      { language: "en" },
    );
    const text = await pdfToText(pdf);
    for (const phrase of [
      "Certificate of Training",
      "1st Lt Salem Al-Fitouri",
      "Combating smuggling at the Emsaed crossing",
    ])
      expect(text).toContain(phrase);
  });
});
