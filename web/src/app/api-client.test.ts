import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, api, toApiError, withQuery } from "./api-client";

function respond(status: number, body: unknown) {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return vi.fn(async () => new Response(text, { status, headers: { "Content-Type": "application/json" } }));
}

afterEach(() => vi.unstubAllGlobals());

describe("withQuery", () => {
  it("keeps defined, non-empty values only", () => {
    expect(
      withQuery("/api/v1/users", { page: 2, q: "", role: undefined, agencyId: null, status: "all" }),
    ).toBe("/api/v1/users?page=2&status=all");
    expect(withQuery("/api/v1/users")).toBe("/api/v1/users");
  });
});

describe("api", () => {
  it("returns the JSON body on success", async () => {
    vi.stubGlobal("fetch", respond(200, { data: { id: "1" } }));
    await expect(api.get("/api/auth/me")).resolves.toEqual({ data: { id: "1" } });
  });

  it("throws the server's code, message and field messages", async () => {
    const body = {
      error: {
        code: "validation_failed",
        message: "البيانات المدخلة غير صحيحة",
        fields: [{ field: "code", issue: "invalid_format", message: "صيغة الحقل «الرمز» غير صحيحة" }],
      },
    };
    vi.stubGlobal("fetch", respond(400, body));
    const error = await api.post("/api/v1/agencies", { code: "x" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: "validation_failed", message: body.error.message });
    expect((error as ApiError).fields).toEqual(body.error.fields);
  });

  it("sends JSON only with a body, and the interface language", async () => {
    const fetchMock = respond(200, { ok: true });
    vi.stubGlobal("fetch", fetchMock);
    await api.post("/api/v1/agencies/1/deactivate");
    await api.patch("/api/auth/preferences", { language: "en" });
    const [first, second] = fetchMock.mock.calls as unknown as [string, RequestInit][];
    expect(first?.[1].body).toBeUndefined();
    expect(first?.[1].headers).not.toHaveProperty("Content-Type");
    expect(first?.[1].headers).toHaveProperty("Accept-Language", "ar");
    expect(second?.[1].headers).toHaveProperty("Content-Type", "application/json");
    expect(second?.[1].body).toBe('{"language":"en"}');
  });

  it("turns a network failure into `unavailable` with a local message", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => {
        throw new TypeError("Failed to fetch");
      }),
    );
    const error = await api.get("/api/health").catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, code: "unavailable", message: "الخدمة غير متاحة مؤقتاً" });
  });
});

describe("toApiError", () => {
  it("names a proxy's HTML error page by its status", () => {
    expect(toApiError(502, null).code).toBe("unavailable");
    expect(toApiError(401, null).code).toBe("unauthenticated");
    expect(toApiError(500, null).code).toBe("internal");
  });

  it("keeps the message of a code it does not know", () => {
    const error = toApiError(409, { error: { code: "something_new", message: "رسالة" } });
    expect(error.code).toBe("validation_failed");
    expect(error.message).toBe("رسالة");
  });
});
