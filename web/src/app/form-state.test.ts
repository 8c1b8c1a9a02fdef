import { describe, expect, it } from "vitest";
import { AgencyCreateBody } from "../../../common/schemas/agencies";
import { MeetingCreateBody } from "../../../common/schemas/meetings";
import { PersonCreateBody } from "../../../common/schemas/personnel";
import { ApiError } from "./api-client";
import { serverFieldErrors, validate, validateDeep } from "./form-state";

const agency = {
  kind: "agency",
  parentId: null,
  code: "TBK-SD",
  nameAr: "مديرية أمن طبرق",
  nameEn: "Tobruk Security Directorate",
  districtPcode: "LY0104",
  sensitivity: "internal",
};

describe("validate", () => {
  it("passes a valid body through the API schema", () => {
    const result = validate(AgencyCreateBody, agency);
    expect(result).toEqual({ ok: true, data: agency });
  });

  it("names empty required fields in the interface language, as the server would", () => {
    const result = validate(AgencyCreateBody, { ...agency, kind: "", nameAr: "" });
    expect(result).toEqual({
      ok: false,
      errors: { kind: "الحقل «النوع» مطلوب", nameAr: "الحقل «الاسم بالعربية» مطلوب" },
    });
  });

  it("explains format and length problems", () => {
    const result = validate(AgencyCreateBody, { ...agency, code: "tbk sd", nameEn: "x".repeat(201) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.code).toBe("صيغة الحقل «الرمز» غير صحيحة");
    expect(result.errors.nameEn).toBe("الحقل «الاسم بالإنجليزية» أطول من 200 حرفاً");
  });

  it("turns empty optional text into null", () => {
    const result = validate(PersonCreateBody, {
      nameAr: "موسى البدين",
      nameEn: "",
      rank: "لواء",
      positionAr: "",
      positionEn: "",
      agencyId: "01a225a9-8092-777e-bba2-5cdbd997593a",
      serviceNumber: "",
      sensitivity: "internal",
    });
    expect(result.ok && result.data.nameEn).toBeNull();
  });
});

describe("validateDeep", () => {
  it("keys errors in lists of parts by their full path, naming the field itself", () => {
    const result = validateDeep(MeetingCreateBody, {
      agencyId: "01a225a9-8092-777e-bba2-5cdbd997593a",
      titleAr: "اجتماع",
      startsAt: "2024-01-14T08:00:00.000Z",
      honours: [
        { kind: "shield", title: "درع", recipientName: "فرج الخطابية" },
        { kind: "shield", title: "" },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors["honours.1.title"]).toBe("الحقل «العنوان» مطلوب");
    // no recipient by record, agency or name: the name is required
    expect(result.errors["honours.1.recipientName"]).toBe("الحقل «اسم المكرَّم» مطلوب");
    expect(Object.keys(result.errors)).toEqual(
      expect.arrayContaining(["honours.1.title", "honours.1.recipientName"]),
    );
  });
});

describe("serverFieldErrors", () => {
  it("keys the server's messages by field", () => {
    const error = new ApiError(409, "duplicate", "توجد قيمة مطابقة مسجلة من قبل", [
      { field: "code", issue: "duplicate", message: "القيمة المدخلة في «الرمز» مسجلة من قبل" },
    ]);
    expect(serverFieldErrors(error)).toEqual({ code: "القيمة المدخلة في «الرمز» مسجلة من قبل" });
    expect(serverFieldErrors(new Error("x"))).toEqual({});
  });
});
