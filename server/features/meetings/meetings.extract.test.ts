import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestApp, type TestApp } from "../../test/app";
import { auditCount, buildAgency, buildPerson, signedIn } from "../../test/factories";
import { users } from "../users";
import { permissionMatrix, type ActionSpec, type MatrixAction } from "../../test/matrix";

const TOBRUK = readFileSync("common/extraction/fixtures/00-tobruk-security-meeting.ar.txt", "utf8");

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ config: { demoMode: true } });
});
afterAll(async () => t.close());

// Cells: [own agency internal, own agency restricted, other agency internal, other agency restricted].
// The target is a person named in the report; the proposal is read-only, so every keeper of records may ask.
const spec: Record<string, ActionSpec> = {
  extract: {
    admin: ["ok", "ok", "ok", "ok"],
    leadership: ["ok", "ok", "ok", "ok"],
    manager: ["ok", "ok", "ok", "ok"],
    officer: ["ok", "ok", "ok", "ok"],
    observer: [403, 403, 403, 403],
    trainer: [403, 403, 403, 403],
  },
};

const actions: Record<string, MatrixAction> = {
  extract: {
    async request(tt, a) {
      await buildPerson(tt.db, {
        agencyId: a.targetAgency.id,
        nameAr: "أسامة الدرسي",
        sensitivity: a.sensitivity,
      });
      return {
        method: "POST",
        url: "/api/v1/meetings/extract",
        body: { text: TOBRUK, publicationDate: "2024-01-14" },
        readOnly: true, // a proposal for the user to review: nothing is stored
      };
    },
  },
};

describe("meetings: permission matrix for extraction", () => {
  permissionMatrix(() => t, spec, actions);
});

describe("POST /api/v1/meetings/extract", () => {
  it("proposes the meeting with personnel matches the actor may see, and writes nothing", async () => {
    const own = await buildAgency(t.db);
    const other = await buildAgency(t.db);
    const seen = await buildPerson(t.db, { agencyId: other.id, nameAr: "موسى البدين" });
    const hidden = await buildPerson(t.db, {
      agencyId: other.id,
      nameAr: "فرج الخطابيه",
      sensitivity: "restricted",
    });
    const { session } = await signedIn(t.app, t.db, "officer", own.id);
    const audits = await auditCount(t.db);
    const res = await call(t.app, session, "POST", "/api/v1/meetings/extract", {
      text: TOBRUK,
      publicationDate: "2024-01-14",
    });
    expect(res.statusCode, res.body).toBe(200);
    const { proposal, extractor } = res.json().data;
    expect(extractor).toBe("rules-ar-1");
    const host = proposal.people.find((p: { id: string }) => p.id === proposal.hostId);
    expect(host).toMatchObject({ title: "وزير الداخلية", name: "عصام أبوزريبة" });
    const director = proposal.people.find((p: { name: string }) => p.name === "موسى البدين");
    expect(director.personnelMatches.map((m: { id: string }) => m.id)).toContain(seen.id);
    const mayor = proposal.people.find((p: { name: string }) => p.name === "فرج الخطابية");
    expect(mayor.personnelMatches.map((m: { id: string }) => m.id)).not.toContain(hidden.id);
    expect(await auditCount(t.db)).toBe(audits);
  });

  it.each([
    ["ar", "النص ليس بالعربية"],
    ["en", "The text is not Arabic"],
  ] as const)("refuses a report with no Arabic with a clear message (%s)", async (language, message) => {
    const { user, session } = await signedIn(t.app, t.db, "manager");
    await t.db.update(users).set({ language }).where(eq(users.id, user.id));
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/meetings/extract",
      headers: { cookie: session.cookie, "accept-language": language },
      payload: { text: "The minister met the mayor." },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe("extraction_not_arabic");
    expect(res.json().error.message).toContain(message);
  });

  it("refuses bad input: empty text, a malformed date, unknown fields, control characters", async () => {
    const { session } = await signedIn(t.app, t.db, "manager");
    for (const body of [
      { text: "" },
      { text: TOBRUK, publicationDate: "14/01/2024" },
      { text: TOBRUK, extra: 1 },
      { text: "عقد\u0000 اجتماع" },
    ]) {
      const res = await call(t.app, session, "POST", "/api/v1/meetings/extract", body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe("validation_failed");
    }
    const res = await call(t.app, session, "POST", "/api/v1/meetings/extract", {
      text: "الطقس معتدل في طبرق اليوم مع رياح خفيفة على الساحل.",
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe("extraction_no_meeting");
  });
});
