import { readFileSync } from "node:fs";
import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../audit/audit.table";
import { queryRows } from "../../db/client";
import { call, createTestApp, type Session, type TestApp } from "../../test/app";
import { auditCount, buildAgency, buildPerson, signedIn } from "../../test/factories";
import { buildMeeting, reviewedProposal } from "../../test/meetings-factories";
import type { AgencyRow } from "../agencies";
import { users } from "../users";
import { commitments } from "./commitments.table";
import { honours } from "./honours.table";
import { meetingAgendaItems, meetingAttendees, meetingStatements, meetings } from "./meetings.table";

const TOBRUK = readFileSync("common/extraction/fixtures/00-tobruk-security-meeting.ar.txt", "utf8");

let t: TestApp;
let directorate: AgencyRow;
let parliament: AgencyRow;
let officer: Session;
let manager: Session;
beforeAll(async () => {
  t = await createTestApp({ config: { demoMode: true } });
  directorate = await buildAgency(t.db, { nameAr: "مديرية أمن طبرق" });
  parliament = await buildAgency(t.db, { nameAr: "مجلس النواب", kind: "parliament" });
  await buildPerson(t.db, { agencyId: directorate.id, nameAr: "موسى البدين" });
  await buildPerson(t.db, { agencyId: parliament.id, nameAr: "الصالحين عبد النبي" });
  officer = (await signedIn(t.app, t.db, "officer", directorate.id)).session;
  manager = (await signedIn(t.app, t.db, "manager", directorate.id)).session;
});
afterAll(() => t.close());

/** Rows in every table a meeting writes to, and the audit log. */
async function footprint() {
  const tables = [meetings, meetingAttendees, meetingStatements, meetingAgendaItems, commitments, honours];
  const counts = await Promise.all(
    tables.map(async (x) => (await t.db.select({ n: count() }).from(x))[0]?.n),
  );
  // the reference sequences' positions: a refused request takes no number
  const refs = await queryRows(
    t.db,
    sql`select sequencename, last_value::text from pg_sequences where sequencename like 'reference\_%' order by 1`,
  );
  return { counts, audits: await auditCount(t.db), refs };
}

async function tobrukBody() {
  const res = await call(t.app, officer, "POST", "/api/v1/meetings/extract", {
    text: TOBRUK,
    publicationDate: "2024-01-14",
  });
  expect(res.statusCode, res.body).toBe(200);
  return reviewedProposal(res.json().data.proposal, { agencyId: directorate.id, sourceText: TOBRUK });
}

describe("a reviewed proposal saved in one request", () => {
  it("records the Tobruk meeting with its attendees, statements, commitments and honours", async () => {
    const body = await tobrukBody();
    const res = await call(t.app, officer, "POST", "/api/v1/meetings", body);
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json().data;
    expect(m.reference).toMatch(/^MTG-2026-\d{6}$/);
    expect(m).toMatchObject({ hostName: "عصام أبوزريبة", districtPcode: "LY0104", hasSource: true });
    expect(m.startsAt).toBe("2024-01-14T07:00:00.000Z");
    expect(m.attendees.map((a: { name: string }) => a.name)).toEqual([
      "عصام أبوزريبة",
      "ناصر شرح البال",
      "أسامة الدرسي",
      "الصالحين عبد النبي",
      "فرج الخطابية",
      "موسى البدين",
    ]);
    const byName = Object.fromEntries(m.attendees.map((a: { name: string }) => [a.name, a]));
    expect(byName["موسى البدين"].personnelId).not.toBeNull();
    expect(byName["موسى البدين"].agencyId).toBe(directorate.id);
    expect(byName["ناصر شرح البال"].personnelId).toBeNull();
    // Statements keep their speaker: the MP's three sentences.
    const mp = byName["الصالحين عبد النبي"].id;
    expect(m.statements.filter((s: { speakerId: string }) => s.speakerId === mp)).toHaveLength(3);
    expect(m.agenda).toHaveLength(2);
    // The MP's legislation pledge is owned by him and, through the match, by parliament.
    const law = m.commitments.find((c: { topic: string }) => c.topic === "legislation");
    expect(law).toMatchObject({ status: "open", ownerAttendeeId: mp, ownerName: "الصالحين عبد النبي" });
    expect(law.reference).toMatch(/^CMT-2026-\d{6}$/);
    expect(law.ownerAgencyId).toBe(parliament.id);
    expect(m.honours).toHaveLength(2);
    expect(m.honours[0]).toMatchObject({
      kind: "shield",
      title: "درع التمييز كأفضل شخصية لعام 2023",
      recipientName: "عصام أبوزريبة",
      recipientTitle: "وزير الداخلية",
      giverName: "فرج الخطابية",
      awardedOn: "2024-01-14",
      agencyId: directorate.id,
      meetingId: m.id,
    });
    expect(m.honours[1].reference).toMatch(/^HON-2026-\d{6}$/);
    // Read back the same.
    const again = (await call(t.app, officer, "GET", `/api/v1/meetings/${m.id}`)).json().data;
    expect(again.commitments).toHaveLength(m.commitments.length);
    expect(again.sourceText).toBe(TOBRUK);
    expect(again.abilities).toEqual({ update: false, addCommitment: false, addHonour: true });
    const asManager = (await call(t.app, manager, "GET", `/api/v1/meetings/${m.id}`)).json().data;
    expect(asManager.abilities.update).toBe(true);
  });

  it("finds meetings by Arabic words whatever their spelling, by agency, period and place", async () => {
    const own = await buildAgency(t.db);
    await buildMeeting(t.db, {
      agencyId: own.id,
      titleAr: "اجتماع لجنة الطوارئ",
      startsAt: "2026-03-01T10:00:00Z",
    });
    await buildMeeting(t.db, {
      agencyId: own.id,
      titleAr: "اجتماع أمني موسع",
      startsAt: "2026-05-01T10:00:00Z",
    });
    const list = async (q: string) => {
      const res = await call(t.app, officer, "GET", `/api/v1/meetings?agencyId=${own.id}&${q}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    expect(
      (await list("q=" + encodeURIComponent("امني"))).data.map((m: { titleAr: string }) => m.titleAr),
    ).toEqual(["اجتماع أمني موسع"]);
    // Attendees are found too (ة/ه and hamza forms folded).
    expect((await list("q=" + encodeURIComponent("ابوزريبه"))).page.total).toBe(2);
    expect((await list("from=2026-04-01")).page.total).toBe(1);
    expect((await list("to=2026-03-01")).page.total).toBe(1);
    expect((await list("districtPcode=LY0104&pageSize=1")).page).toEqual({ page: 1, pageSize: 1, total: 2 });
    expect((await list("districtPcode=LY0211")).page.total).toBe(0);
  });
});

describe("bad input on a nested create: 400 naming the field, nothing of the meeting written", () => {
  it.each([
    ["ar", "قيمة الحقل «المكرَّم» ليست من القيم المسموح بها"],
    ["en", "“Recipient” is not one of the allowed values"],
  ] as const)("one bad honour refuses the whole meeting (%s)", async (language, message) => {
    const { user, session } = await signedIn(t.app, t.db, "officer", directorate.id);
    await t.db.update(users).set({ language }).where(eq(users.id, user.id));
    const body = await tobrukBody();
    body.honours[1] = { ...body.honours[1]!, recipientKey: "p99" };
    const before = await footprint();
    const res = await call(t.app, session, "POST", "/api/v1/meetings", body);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe("validation_failed");
    expect(res.json().error.fields).toEqual([
      { field: "honours.1.recipientKey", issue: "invalid_value", message },
    ]);
    expect(await footprint()).toEqual(before);
  });

  it("names every bad reference at once: duplicate keys, two hosts, unknown speakers, owners and agencies", async () => {
    const unknown = "0190b5c6-0000-7000-8000-000000000000";
    const before = await footprint();
    const res = await call(t.app, officer, "POST", "/api/v1/meetings", {
      agencyId: directorate.id,
      titleAr: "اجتماع",
      startsAt: "2026-11-20T08:00:00Z",
      endsAt: "2026-11-20T07:00:00Z",
      attendees: [
        { key: "a", name: "أ", role: "host" },
        { key: "a", name: "ب", role: "host" },
        { personnelId: unknown },
      ],
      statements: [{ speakerKey: "zz", text: "نص" }],
      commitments: [{ text: "التزام", ownerKey: "q", ownerAgencyId: unknown }],
      honours: [{ kind: "medal", title: "وسام", recipientAgencyId: unknown }],
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(
      res
        .json()
        .error.fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(
      [
        "attendees.1.key",
        "attendees.1.role",
        "attendees.2.personnelId",
        "commitments.0.ownerAgencyId",
        "commitments.0.ownerKey",
        "endsAt",
        "honours.0.recipientAgencyId",
        "statements.0.speakerKey",
      ].sort(),
    );
    expect(await footprint()).toEqual(before);
  });

  it("refuses malformed parts by schema: a guest without a name, an honour without a recipient, a bad kind", async () => {
    const before = await footprint();
    for (const [part, field] of [
      [{ attendees: [{ title: "ضيف" }] }, "attendees.0.name"],
      [{ honours: [{ kind: "shield", title: "درع" }] }, "honours.0.recipientName"],
      [{ honours: [{ kind: "trophy", title: "درع", recipientName: "س" }] }, "honours.0.kind"],
      [{ commitments: [{ text: "" }] }, "commitments.0.text"],
      [{ startsAt: "2026-11-20 08:00" }, "startsAt"],
      [{ districtPcode: "LY9999" }, "districtPcode"],
      [{ statements: [{ text: "نص", speakerKey: "a", colour: "red" }] }, "statements.0.colour"],
    ] as const) {
      const res = await call(t.app, officer, "POST", "/api/v1/meetings", {
        agencyId: directorate.id,
        titleAr: "اجتماع",
        startsAt: "2026-11-20T08:00:00Z",
        ...part,
      });
      expect(res.statusCode, JSON.stringify(part)).toBe(400);
      expect(
        res.json().error.fields.map((f: { field: string }) => f.field),
        JSON.stringify(part),
      ).toContain(field);
    }
    expect(await footprint()).toEqual(before);
  });
});

describe("editing a meeting and its parts", () => {
  it("edits fields and agenda, adds, orders and leaves out attendees and statements, audited", async () => {
    const meeting = await buildMeeting(t.db, { agencyId: directorate.id });
    const url = `/api/v1/meetings/${meeting.id}`;
    const audits = await auditCount(t.db);
    let res = await call(t.app, manager, "PATCH", url, {
      titleAr: "اجتماع اللجنة الأمنية",
      agenda: ["الوضع الأمني", "منفذ أمساعد"],
      endsAt: "2026-11-20T10:00:00Z",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data.agenda.map((a: { text: string }) => a.text)).toEqual([
      "الوضع الأمني",
      "منفذ أمساعد",
    ]);
    res = await call(t.app, manager, "POST", `${url}/attendees`, { name: "سالم", title: "آمر المنفذ" });
    expect(res.statusCode, res.body).toBe(201);
    const salem = res.json().data.attendees.find((a: { name: string }) => a.name === "سالم");
    expect(salem.position).toBe(2);
    res = await call(t.app, manager, "POST", `${url}/statements`, {
      speakerKey: salem.id,
      text: "أكد جاهزية المنفذ",
    });
    expect(res.statusCode, res.body).toBe(201);
    const statement = res.json().data.statements.at(-1);
    expect(statement.speakerId).toBe(salem.id);
    const ids = (list: { id: string }[]) => list.map((x) => x.id);
    const attendees = ids(res.json().data.attendees);
    // A speaker cannot be left out while a statement names them.
    const withoutSalem = attendees.filter((id) => id !== salem.id);
    res = await call(t.app, manager, "PUT", `${url}/attendees`, { ids: withoutSalem });
    expect(res.statusCode).toBe(409);
    res = await call(t.app, manager, "PATCH", `${url}/statements/${statement.id}`, { topic: "المنافذ" });
    expect(res.json().data.statements.at(-1).topic).toBe("المنافذ");
    const statements = ids(res.json().data.statements);
    // Another meeting's statement is not this one's to order.
    res = await call(t.app, manager, "PUT", `${url}/statements`, { ids: [statement.id, attendees[0]] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe("ids.1");
    res = await call(t.app, manager, "PUT", `${url}/statements`, {
      ids: statements.filter((id) => id !== statement.id),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data.statements).toHaveLength(statements.length - 1);
    // Reordered and one left out: the host last, Salem gone.
    res = await call(t.app, manager, "PUT", `${url}/attendees`, { ids: [attendees[1], attendees[0]] });
    expect(res.statusCode, res.body).toBe(200);
    expect(
      res.json().data.attendees.map((a: { id: string; position: number }) => [a.id, a.position]),
    ).toEqual([
      [attendees[1], 0],
      [attendees[0], 1],
    ]);
    // A second host is refused.
    res = await call(t.app, manager, "POST", `${url}/attendees`, { name: "ضيف", role: "host" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe("role");
    // The search key follows the new title.
    const found = await call(
      t.app,
      manager,
      "GET",
      `/api/v1/meetings?q=${encodeURIComponent("اللجنه الامنيه")}`,
    );
    expect(found.json().data.map((m: { id: string }) => m.id)).toContain(meeting.id);
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, meeting.id));
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        "meeting.update",
        "meeting.attendee_add",
        "meeting.statement_add",
        "meeting.statement_update",
        "meeting.statements_order",
        "meeting.attendees_order",
      ]),
    );
    expect(await auditCount(t.db)).toBe(audits + 6);
  });

  it("an officer may record but not edit; a manager of another agency may not edit", async () => {
    const meeting = await buildMeeting(t.db, { agencyId: directorate.id });
    const before = (await t.db.select().from(meetings).where(eq(meetings.id, meeting.id)))[0];
    for (const session of [officer, (await signedIn(t.app, t.db, "manager")).session]) {
      const res = await call(t.app, session, "PATCH", `/api/v1/meetings/${meeting.id}`, { titleAr: "تغيير" });
      expect(res.statusCode).toBe(403);
    }
    expect((await t.db.select().from(meetings).where(eq(meetings.id, meeting.id)))[0]).toEqual(before);
  });
});

describe("an honour given at a meeting belongs with it", () => {
  it("refuses another agency's meeting, and an internal honour on a restricted meeting; writes nothing", async () => {
    const own = await buildMeeting(t.db, { agencyId: directorate.id, sensitivity: "restricted" });
    const other = await buildMeeting(t.db, { agencyId: parliament.id });
    const honour = (meetingId: string, agencyId: string, sensitivity: "internal" | "restricted") => ({
      kind: "shield",
      title: "درع تقديري",
      recipientName: "فرج الخطابية",
      awardedOn: "2024-01-14",
      meetingId,
      agencyId,
      sensitivity,
    });
    const before = await footprint();
    // Recorded for his agency, on the parliament's meeting: the meeting is not his to add to.
    const foreign = await call(
      t.app,
      officer,
      "POST",
      "/api/v1/honours",
      honour(other.id, directorate.id, "internal"),
    );
    expect(foreign.statusCode).toBe(403);
    const hidden = await call(
      t.app,
      officer,
      "POST",
      "/api/v1/honours",
      honour(own.id, directorate.id, "internal"),
    );
    expect(hidden.statusCode).toBe(400);
    expect(hidden.json().error.fields).toEqual([expect.objectContaining({ field: "sensitivity" })]);
    expect(await footprint()).toEqual(before);
    const ok = await call(
      t.app,
      officer,
      "POST",
      "/api/v1/honours",
      honour(own.id, directorate.id, "restricted"),
    );
    expect(ok.statusCode).toBe(201);
    // Made internal later, while its meeting stays restricted: refused.
    const loosen = await call(t.app, manager, "PATCH", `/api/v1/honours/${ok.json().data.id}`, {
      sensitivity: "internal",
    });
    expect(loosen.statusCode).toBe(400);
  });
});

describe("a meeting made restricted", () => {
  it("takes its honours with it, each change audited", async () => {
    const meeting = await buildMeeting(t.db, { agencyId: directorate.id });
    const given = await call(t.app, officer, "POST", "/api/v1/honours", {
      kind: "certificate",
      title: "شهادة تقدير",
      recipientName: "موسى البدين",
      awardedOn: "2024-01-14",
      meetingId: meeting.id,
      agencyId: directorate.id,
      sensitivity: "internal",
    });
    expect(given.statusCode).toBe(201);
    const id = given.json().data.id as string;
    const r = await call(t.app, manager, "PATCH", `/api/v1/meetings/${meeting.id}`, {
      sensitivity: "restricted",
    });
    expect(r.statusCode).toBe(200);
    const [row] = await t.db.select().from(honours).where(eq(honours.id, id));
    expect(row?.sensitivity).toBe("restricted");
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, id))
      .orderBy(auditEvents.seq);
    expect(events.map((e) => e.action)).toEqual(["honour.create", "honour.update"]);
    expect(events[1]?.after).toMatchObject({ sensitivity: "restricted" });
  });
});
