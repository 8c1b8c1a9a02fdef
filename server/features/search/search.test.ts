import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { foldArabic } from "../../../common/arabic";
import { seedDemo } from "../../demo/seed-demo";
import { queryRows } from "../../db/client";
import { call, createTestApp, login, type Session, type TestApp } from "../../test/app";
import { auditCount } from "../../test/factories";

// Issue 12, item 7: one search across Tansiq. Every spelling variant of a word finds the record that holds it —
// hamza forms of alef, ة/ه, ى/ي, harakat, tatweel, Arabic-Indic digits, with or without the article — a near miss
// does not flood the results, and a reader finds only what their lists hold.

const PASSWORD = "demo-password-1";
type Hit = {
  kind: string;
  id: string;
  reference: string;
  title: { ar: string; en: string | null };
  snippet: { text: string; mark: boolean }[];
  link: string;
  score: number;
  day: string | null;
  district: { pcode: string; named: boolean } | null;
};

const NARRATIVE =
  "ضُبطت شاحنـــة محمّلة بـ ١٢٠٠٠ لتر من الوقود المُهَرَّب عند البوابة الحدودية، يقودها المدعو مصطفى زوبيرات";

describe("search across Tansiq", () => {
  let t: TestApp;
  const sessions = new Map<string, Session>();
  let incidentId: string;
  let restrictedId: string;
  let record: (user: string, body: Record<string, unknown>) => Promise<string>;

  beforeAll(async () => {
    t = await createTestApp({ config: { demoMode: true } });
    await seedDemo(t.db, t.clock.now(), PASSWORD, "recent");
    for (const u of ["minister", "director.tobruk", "liaison.isa", "officer.emsaed", "observer.mp"])
      sessions.set(u, await login(t.app, u, PASSWORD));
    const types = (await get("officer.emsaed", "/api/v1/incident-types")).json().data as {
      id: string;
      code: string;
    }[];
    const me = async (user: string) => (await get(user, "/api/auth/me")).json().data.agencyId as string;
    record = async (user, body) => {
      const res = await call(t.app, sessions.get(user)!, "POST", "/api/v1/incidents", {
        agencyId: await me(user),
        typeId: types.find((x) => x.code === "smuggling_fuel")!.id,
        occurredOn: "2026-11-20",
        occurredTime: null,
        districtPcode: "LY0104",
        latitude: null,
        longitude: null,
        sensitivity: "internal",
        arrests: 0,
        rescued: 0,
        intercepted: 0,
        nationalities: [],
        dead: 0,
        missing: 0,
        ...body,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().data.id as string;
    };
    incidentId = await record("officer.emsaed", { placeName: "منفذ أمساعد البري", narrative: NARRATIVE });
    restrictedId = await record("liaison.isa", {
      placeName: "طبرق",
      narrative: "متابعة شبكة قرقيطة للاتجار بالبشر",
      sensitivity: "restricted",
    });
  });
  afterAll(() => t.close());

  const get = (user: string, path: string) => call(t.app, sessions.get(user)!, "GET", path);
  const search = async (user: string, q: string, extra = "") => {
    const res = await get(user, `/api/v1/search?q=${encodeURIComponent(q)}${extra}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().data as Hit[];
  };

  it("finds the record by every spelling of each of its words, and marks the words as written", async () => {
    const variants: Record<string, string[]> = {
      "hamza forms of alef": ["أمساعد", "إمساعد", "امساعد", "آمساعد"],
      "ة and ه": ["شاحنة", "شاحنه"],
      "ى and ي": ["مصطفى", "مصطفي"],
      harakat: ["مهرب", "مُهَرَّب", "ضبطت"],
      tatweel: ["شاحنة", "شاحـــنة"],
      "Arabic-Indic digits": ["12000", "١٢٠٠٠", "۱۲۰۰۰"],
      "with and without the article": ["الحدودية", "حدودية", "بوابة", "البوابة", "المنفذ"],
      "a part of a name": ["زوبير", "مساعد"],
      "a misspelt name": ["زوبيراة", "امسعد شاحنة"],
      "several words": ["وقود امساعد", "الوقود مُهرّب"],
    };
    for (const [folding, queries] of Object.entries(variants))
      for (const q of queries) {
        const hits = await search("director.tobruk", q);
        const hit = hits.find((h) => h.id === incidentId);
        expect(hit, `${folding}: «${q}»`).toBeDefined();
        expect(hit!.kind).toBe("incident");
        expect(hit!.link).toBe(`/incidents/${incidentId}`);
        expect(hit!.reference).toMatch(/^INC-\d{4}-\d{6}$/);
        if (folding !== "a misspelt name")
          expect(
            hit!.snippet.some((s) => s.mark),
            `${folding}: «${q}» marked`,
          ).toBe(true);
      }
    // A number is found where it is written, though the vocabulary keeps no numbers (migration 0018).
    const reference = (await search("director.tobruk", "زوبيرات")).find(
      (h) => h.id === incidentId,
    )!.reference;
    const number = reference.split("-")[2]!;
    const byNumber = await search("director.tobruk", number);
    expect(byNumber.map((h) => h.id)).toContain(incidentId);
    expect(byNumber.find((h) => h.id === incidentId)!.score).toBe(1);
    for (const q of ["12000", "١٢٠٠٠ زوبيرات"])
      expect((await search("director.tobruk", q)).find((h) => h.id === incidentId)?.score, q).toBe(1);
    const numbers = await queryRows<{ n: number | string }>(
      t.db,
      sql`select count(*) as n from search_vocabulary where word ~ '^[0-9]+$'`,
    );
    expect(Number(numbers[0]!.n)).toBe(0);
    const [first] = await search("director.tobruk", "إمساعد شاحنه");
    expect(first!.id).toBe(incidentId);
    expect(first!.score).toBe(1);
    expect(first!.snippet.filter((s) => s.mark).map((s) => s.text)).toContain("شاحنـــة");
  });

  it("does not flood the results with near misses", async () => {
    // Nothing that does not hold the word, or a spelling near it, is found.
    for (const q of ["كهرباء", "مستشفى الأطفال", "قارب صيد"])
      expect(await search("minister", q), q).toEqual([]);
    // A word is found exactly where it is: the hits holding every word are the records that hold it.
    const holding = await queryRows<{ n: number | string }>(
      t.db,
      sql`select count(*) as n from incidents where is_active and search_key like ${`%${foldArabic("امساعد")}%`}`,
    );
    const whole = (await search("minister", "امساعد", "&kind=incident&limit=50")).filter(
      (h) => h.score === 1,
    );
    expect(whole.length).toBe(Math.min(50, Number(holding[0]!.n)));
    // One letter off: a near spelling ranks below every exact match and finds a handful, not the register.
    const near = await search("minister", "زوبيرات", "&limit=50");
    expect(near[0]!.id).toBe(incidentId);
    for (const q of ["طبرك", "امساعر"]) {
      const hits = await search("minister", q, "&limit=50");
      expect(
        hits.filter((h) => h.score === 1),
        q,
      ).toEqual([]);
      // At most the limit of each kind («طبرك» is read as «طبرق»: the district's incidents are rightly all near).
      for (const kind of new Set(hits.map((h) => h.kind)))
        expect(hits.filter((h) => h.kind === kind).length, `${q}: ${kind}`).toBeLessThanOrEqual(50);
    }
  });

  it("finds every kind the reader may list, each with its page", async () => {
    const kinds = new Map<string, Hit>();
    for (const q of ["طبرق", "الأمن", "خطة", "اجتماع", "وقود", "صيانة"])
      for (const hit of await search("minister", q, "&limit=50"))
        if (!kinds.has(hit.kind)) kinds.set(hit.kind, hit);
    expect([...kinds.keys()].sort(), JSON.stringify([...kinds.keys()])).toEqual([
      "agency",
      "incident",
      "meeting",
      "need",
      "person",
      "plan",
      "task",
    ]);
    expect(kinds.get("task")!.link).toMatch(/^\/tasks\/[0-9a-f-]{36}$/);
    expect(kinds.get("agency")!.link).toMatch(/^\/agencies\?q=/);
  });

  it("reads a district's name as the incidents placed there, as the incidents list does, and says how it read a misspelling", async () => {
    // The fuel seizure at Emsaed is in Tobruk district (LY0104); its own text never says «طبرق».
    const hits = await search("director.tobruk", "وقود طبرق", "&kind=incident&limit=50");
    const hit = hits.find((h) => h.id === incidentId);
    expect(hit, "«وقود طبرق»").toBeDefined();
    expect(hit!.score).toBe(1);
    expect(hit!.day).toBe("2026-11-20");
    // The hit says the district it was found by (its title and snippet do not).
    expect(hit!.district).toEqual({ pcode: "LY0104", named: true });
    const byWord = (await search("director.tobruk", "زوبيرات", "&kind=incident")).find(
      (h) => h.id === incidentId,
    );
    expect(byWord!.district).toEqual({ pcode: "LY0104", named: false });
    expect(
      (await search("director.tobruk", "fuel tobruk")).find((h) => h.id === incidentId)?.district?.named,
    ).toBe(true);
    expect((await search("minister", "خطة", "&kind=plan")).every((h) => h.district === null)).toBe(true);
    // The list's search reads the words the same way: in any order, with or without the article, a district by name.
    const listed = async (user: string, q: string) => {
      const res = await get(user, `/api/v1/incidents?q=${encodeURIComponent(q)}&pageSize=100`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { data: { id: string }[]; page: { total: number } };
    };
    for (const q of ["وقود طبرق", "طبرق الوقود", "الحدودية شاحنه"]) {
      const list = await listed("director.tobruk", q);
      expect(
        list.data.map((r) => r.id),
        q,
      ).toContain(incidentId);
      const found = await search("director.tobruk", q, "&kind=incident&limit=50");
      // Every hit of the search is a row of the list, and the list counts them all.
      const rows = new Set(list.data.map((r) => r.id));
      expect(found.length, q).toBeGreaterThan(0);
      for (const h of found)
        expect(rows.has(h.id) || list.page.total > 100, `${q}: ${h.reference}`).toBe(true);
      expect(list.page.total, q).toBeGreaterThanOrEqual(found.length);
    }
    // A search of punctuation only finds nothing (not the whole list); words under three letters are read as one text.
    expect((await listed("director.tobruk", "«.»")).page.total).toBe(0);
    expect((await listed("director.tobruk", "طب")).page.total).toBeGreaterThan(0);
    // A district's name does not open a restricted incident placed there.
    expect(
      (await search("director.tobruk", "طبرق", "&kind=incident&limit=50")).map((h) => h.id),
    ).not.toContain(restrictedId);
    expect((await listed("director.tobruk", "طبرق")).data.map((r) => r.id)).not.toContain(restrictedId);
    // A misspelt word is read as its nearest spelling, and the answer says so; a search read as typed says nothing.
    const misspelt = await get("director.tobruk", `/api/v1/search?q=${encodeURIComponent("امسعد")}`);
    expect(misspelt.json().readAs).toBe("امساعد");
    const typed = await get("director.tobruk", `/api/v1/search?q=${encodeURIComponent("امساعد")}`);
    expect(typed.json().readAs).toBeNull();
  });

  it("finds a restricted record only for its agency and leadership; searching changes nothing", async () => {
    const audits = await auditCount(t.db);
    const finds = async (user: string) => (await search(user, "قرقيطه")).some((h) => h.id === restrictedId);
    expect(await finds("minister")).toBe(true);
    expect(await finds("liaison.isa")).toBe(true);
    expect(await finds("director.tobruk")).toBe(false);
    expect(await finds("officer.emsaed")).toBe(false);
    expect(await finds("observer.mp")).toBe(false);
    // A misspelling of a word only the restricted record holds tells another agency nothing: no hit, no reading.
    for (const user of ["director.tobruk", "observer.mp"]) {
      const res = await get(user, `/api/v1/search?q=${encodeURIComponent("قرقيطا")}`);
      expect(
        res.json().data.map((h: Hit) => h.id),
        user,
      ).not.toContain(restrictedId);
      expect(res.json().readAs ?? "", user).not.toContain("قرقيط");
    }
    const own = await get("liaison.isa", `/api/v1/search?q=${encodeURIComponent("قرقيطا")}`);
    expect(own.json().data.map((h: Hit) => h.id)).toContain(restrictedId);
    expect(own.json().readAs).toBe("قرقيطه");
    expect(await auditCount(t.db)).toBe(audits);
  });

  it("tries near spellings by what the reader may see, not by what a hidden record holds", async () => {
    // «قرقيطه» is only in liaison.isa's restricted incident; «قرقيطات» and «امساعد» are in one another agency sees.
    const visibleId = await record("officer.emsaed", {
      placeName: "منفذ أمساعد البري",
      narrative: "ضبط مجموعة قرقيطات على الطريق الساحلي",
    });
    // «امسعد» is misspelt; read as typed, the two words find nothing director.tobruk may see, so both are read by
    // their near spellings, as they would be were the restricted incident not there: the visible one is found.
    // (Deciding by the vocabulary, which holds the hidden word, kept «قرقيطه» as typed and found nothing.)
    for (const q of ["قرقيطه امسعد", "قرقيطو امسعد"]) {
      const res = await get("director.tobruk", `/api/v1/search?q=${encodeURIComponent(q)}&kind=incident`);
      const ids = res.json().data.map((h: Hit) => h.id);
      expect(ids, q).toContain(visibleId);
      expect(ids, q).not.toContain(restrictedId);
      expect(res.json().readAs, q).toBe("قرقيطات امساعد");
    }
  });

  it("refuses an empty, overlong or binary search with the field named", async () => {
    for (const q of ["", "   ", "ب".repeat(101), "a\u0000b"]) {
      const res = await get("minister", `/api/v1/search?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, JSON.stringify(q)).toBe(400);
      expect(res.json().error.fields[0].field).toBe("q");
    }
    const res = await get("minister", "/api/v1/search?q=x&kind=secret");
    expect(res.statusCode).toBe(400);
  });
});
