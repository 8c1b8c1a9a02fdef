import { describe, expect, it } from "vitest";
import { AgencyCreateBody } from "../../../common/schemas/agencies";
import { PersonCreateBody } from "../../../common/schemas/personnel";
import { ApiError } from "./api-client";
import { serverFieldErrors, validate } from "./form-state";

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

describe("serverFieldErrors", () => {
  it("keys the server's messages by field", () => {
    const error = new ApiError(409, "duplicate", "توجد قيمة مطابقة مسجلة من قبل", [
      { field: "code", issue: "duplicate", message: "القيمة المدخلة في «الرمز» مسجلة من قبل" },
    ]);
    expect(serverFieldErrors(error)).toEqual({ code: "القيمة المدخلة في «الرمز» مسجلة من قبل" });
    expect(serverFieldErrors(new Error("x"))).toEqual({});
  });
});
