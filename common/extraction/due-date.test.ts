import { describe, expect, it } from "vitest";
import { dueDateIn } from "./due-date";

describe("dueDateIn: the due date a commitment's words give", () => {
  const day = "2024-01-14";
  it.each([
    ["رفع تقرير عن الاحتياجات بحلول 31 مارس 2024", "2024-03-31"],
    ["إنجاز الخطة قبل 2024-03-31", "2024-03-31"],
    ["على أن تنجز الخطة في موعد أقصاه 15/02/2024", "2024-02-15"],
    ["تسليم الدراسة قبل 10 فبراير", "2024-02-10"],
    ["تشكيل لجنة مشتركة خلال أسبوعين", "2024-01-28"],
    ["إعداد خطة شاملة لتأمين المنفذ خلال شهر", "2024-02-14"],
    ["خلال ثلاثة أشهر من تاريخه", "2024-04-14"],
    ["خلال 30 يوماً", "2024-02-13"],
    ["وذلك قبل نهاية العام", "2024-12-31"],
    ["قبل نهاية شهر مارس", "2024-03-31"],
  ])("%s → %s", (text, due) => {
    expect(dueDateIn(text, day)).toBe(due);
  });

  it("proposes nothing where the text names no date or period", () => {
    expect(dueDateIn("استعداد مجلس النواب لوضع وتشريع القوانين التي تعزز العمل الأمني", day)).toBeNull();
    expect(dueDateIn("ستشهد دعمًا غير مسبوق في العمل الأمني بالمنطقة", day)).toBeNull();
    // a period needs the meeting's day
    expect(dueDateIn("خلال أسبوعين", null)).toBeNull();
  });
});
