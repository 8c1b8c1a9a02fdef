import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Day } from "../../common/schemas/base";
import { fastSerializer, serializerCompiler } from "./serializer";

const Row = z.object({
  id: z.uuid(),
  name: z.string(),
  note: z.string().nullable(),
  count: z.number().int().nullable(),
  kind: z.enum(["a", "b"]),
  tags: z.array(z.object({ k: z.string() })),
  extra: z.record(z.string(), z.number()).nullable(),
  maybe: z.string().optional(),
  expiresOn: Day.nullable(),
});
const List = z.object({ data: z.array(Row), total: z.number().int() });

const row = {
  id: "01a241c7-7b9d-7773-90fe-fe5be206e0cb",
  name: 'منفذ "أمساعد"\n\u0000',
  note: null,
  count: 3,
  kind: "a" as const,
  tags: [{ k: "وقود" }],
  extra: { x: 1.5 },
  expiresOn: null,
};

describe("the response writer", () => {
  it("writes what Zod writes, nulls and absent optional fields included", () => {
    const fast = fastSerializer(List)!;
    expect(fast).not.toBeNull();
    const data = {
      data: [row, { ...row, note: "ملاحظة", count: null, extra: null, maybe: "x", expiresOn: "2026-12-04" }],
      total: 2,
    };
    expect(JSON.parse(fast(data))).toEqual(JSON.parse(JSON.stringify(List.encode(data))));
  });

  it("drops what the schema does not declare, at every depth", () => {
    const fast = fastSerializer(List)!;
    const leaked = {
      data: [{ ...row, passwordHash: "secret", tags: [{ k: "x", hidden: 1 }] }],
      total: 1,
      sql: "x",
    };
    const written = fast(leaked);
    expect(written).not.toContain("secret");
    expect(written).not.toContain("hidden");
    expect(JSON.parse(written)).toEqual({ data: [{ ...row, tags: [{ k: "x" }] }], total: 1 });
  });

  it("under the suite, refuses a response that does not match its schema, as Zod did", () => {
    const write = serializerCompiler({ schema: List, method: "GET", url: "/x" } as never);
    expect(() => write({ data: [{ ...row, kind: "c" }], total: 1 })).toThrow();
    expect(JSON.parse(write({ data: [row], total: 1 }))).toEqual({ data: [row], total: 1 });
  });
});
