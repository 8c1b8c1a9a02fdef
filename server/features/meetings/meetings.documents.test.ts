import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ruleExtractor } from "../../../common/extraction";
import { seedDemo } from "../../demo/seed-demo";
import { pdfToText } from "../../documents";
import { call, createTestApp, login, type Session, type TestApp } from "../../test/app";
import { auditCount } from "../../test/factories";

// The documents of the demo's Tobruk meeting through the API: the minutes and the certificate as PDFs whose
// text (pdftotext) names the people in logical order, the press release drafted from the record and typeset
// as edited; what a reader may not see stays unseen; nothing is written.

describe("meeting and honour documents over HTTP", () => {
  let t: TestApp;
  let director: Session;
  let officer: Session;
  let tobrukId: string;
  let restrictedId: string;

  beforeAll(async () => {
    t = await createTestApp({ config: { demoMode: true } });
    await seedDemo(t.db, t.clock.now(), "demo-password-1", "recent");
    director = await login(t.app, "director.tobruk", "demo-password-1");
    officer = await login(t.app, "officer.tobruk", "demo-password-1");
    const minister = await login(t.app, "minister", "demo-password-1");
    const all = (await call(t.app, minister, "GET", "/api/v1/meetings?pageSize=100")).json().data as {
      id: string;
      titleAr: string;
      startsAt: string;
    }[];
    tobrukId = all.find((m) => m.startsAt === "2024-01-14T07:00:00.000Z")!.id;
    restrictedId = all.find((m) => m.titleAr === "اجتماع تقييم التهديدات في المنطقة الشرقية")!.id;
  });
  afterAll(() => t.close());

  const get = (session: Session, url: string) =>
    t.app.inject({ method: "GET", url, headers: { cookie: session.cookie } });

  it("the minutes: a PDF whose text names the host and the attendees as written", async () => {
    const audits = await auditCount(t.db);
    const r = await get(director, `/api/v1/meetings/${tobrukId}/minutes.pdf`);
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-type"]).toBe("application/pdf");
    expect(r.headers["content-disposition"]).toMatch(/MTG-\d{4}-\d{6}-minutes\.pdf/);
    const text = await pdfToText(r.rawPayload);
    for (const name of ["عصام أبوزريبة", "أسامة الدرسي", "موسى البدين", "فرج الخطابية", "ناصر شرح البال"])
      expect(text, name).toContain(name);
    expect(await auditCount(t.db)).toBe(audits);
  });

  it("the press release: drafted from the record, read back with the same people; typeset as edited", async () => {
    const draft = await call(t.app, director, "GET", `/api/v1/meetings/${tobrukId}/press-release`);
    expect(draft.statusCode).toBe(200);
    const text = draft.json().data.text as string;
    const read = ruleExtractor.extract(text, { publicationDate: null });
    if (!read.ok) throw new Error(`draft not read back: ${read.error}`);
    expect(read.proposal.host?.name).toBe("عصام أبوزريبة");
    expect(read.proposal.people.map((p) => p.name)).toEqual(
      expect.arrayContaining(["أسامة الدرسي", "الصالحين عبد النبي", "فرج الخطابية"]),
    );
    expect(read.proposal.honours).toHaveLength(2);

    const edited = `${text}\nوأكد المكتب الإعلامي متابعة تنفيذ ما تقرر.`;
    const pdf = await call(t.app, director, "POST", `/api/v1/meetings/${tobrukId}/press-release.pdf`, {
      text: edited,
    });
    expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
    expect(await pdfToText(pdf.rawPayload)).toContain("متابعة تنفيذ ما تقرر");
  });

  it("the certificate of an honour: recipient and honour title in logical order", async () => {
    const m = (await call(t.app, director, "GET", `/api/v1/meetings/${tobrukId}`)).json().data;
    const shield = m.honours.find((h: { recipientName: string }) => h.recipientName === "عصام أبوزريبة");
    const r = await get(director, `/api/v1/honours/${shield.id}/certificate.pdf`);
    expect(r.statusCode).toBe(200);
    const text = await pdfToText(r.rawPayload);
    expect(text).toContain("عصام أبوزريبة");
    expect(text).toContain("التميز كأفضل شخصية لعام");
  });

  it("what the reader may not see has no documents either (404), and empty text is refused naming the field", async () => {
    for (const url of [
      `/api/v1/meetings/${restrictedId}/minutes.pdf`,
      `/api/v1/meetings/${restrictedId}/press-release`,
    ])
      expect((await get(officer, url)).statusCode, url).toBe(404);
    const bad = await call(t.app, director, "POST", `/api/v1/meetings/${tobrukId}/press-release.pdf`, {
      text: "",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0]).toMatchObject({ field: "text" });
  });
});
