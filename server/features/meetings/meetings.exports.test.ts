import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestApp, type Session, type TestApp } from "../../test/app";
import { buildAgency, signedIn } from "../../test/factories";
import type { AgencyRow } from "../agencies";
import { escapeText, foldLine } from "./ical";

let t: TestApp;
let agency: AgencyRow;
let other: AgencyRow;
let officer: Session;
let meetingId: string;

// Commas, semicolons, a backslash and a line break in Arabic text: what iCalendar must escape.
const TITLE = "اجتماع اللجنة الأمنية، طبرق; الدورة الأولى";
const SUMMARY = "ناقش الاجتماع الوضع الأمني،\nوخطة منفذ أمساعد\\الحدودي";

beforeAll(async () => {
  t = await createTestApp({ config: { demoMode: true } });
  agency = await buildAgency(t.db, { nameAr: "مديرية أمن طبرق" });
  other = await buildAgency(t.db, { nameAr: "جهاز آخر" });
  officer = (await signedIn(t.app, t.db, "officer", agency.id)).session;
  const res = await call(t.app, officer, "POST", "/api/v1/meetings", {
    agencyId: agency.id,
    titleAr: TITLE,
    titleEn: "Security committee, Tobruk",
    startsAt: "2026-11-20T10:00:00+02:00",
    endsAt: "2026-11-20T12:30:00+02:00",
    districtPcode: "LY0104",
    placeText: "مقر مديرية أمن طبرق",
    summary: SUMMARY,
    agenda: ["الوضع الأمني في المدينة", "منفذ أمساعد"],
    attendees: [
      { key: "h", name: "عصام أبوزريبة", title: "وزير الداخلية", rank: "لواء", role: "host" },
      { key: "m", name: "فرج الخطابية", title: "عميد البلدية", affiliation: "بلدية طبرق" },
    ],
    statements: [
      { speakerKey: "m", text: "أكد على ضرورة تعزيز العمل الأمني في المنطقة" },
      { speakerKey: "h", topic: "الاحتياجات", text: "شدد على استعداده الشخصي لتلبية احتياجات مديرية الأمن" },
    ],
    commitments: [
      {
        text: "تلبية احتياجات مديرية الأمن، وجميع الأجهزة; في المنطقة, ودعمها",
        ownerKey: "h",
        dueOn: "2026-12-15",
      },
      { text: "خطة شاملة لمنفذ أمساعد", ownerAgencyId: agency.id },
    ],
    honours: [
      { kind: "shield", title: "درع التميز كأفضل شخصية لعام 2023", recipientKey: "h", giverKey: "m" },
    ],
  });
  expect(res.statusCode, res.body).toBe(201);
  meetingId = res.json().data.id;
  // Another agency's restricted meeting, which the officer must not find in the feed.
  const { session } = await signedIn(t.app, t.db, "officer", other.id);
  const hidden = await call(t.app, session, "POST", "/api/v1/meetings", {
    agencyId: other.id,
    titleAr: "اجتماع سري",
    startsAt: "2026-11-21T10:00:00Z",
    sensitivity: "restricted",
    commitments: [{ text: "التزام سري", dueOn: "2026-12-01" }],
  });
  expect(hidden.statusCode, hidden.body).toBe(201);
});
afterAll(() => t.close());

/** Unfolds an iCalendar text (RFC 5545 §3.1) and splits it into components of name → raw value lines. */
function parseIcs(text: string) {
  expect(text.endsWith("\r\n")).toBe(true);
  const physical = text.split("\r\n").slice(0, -1);
  for (const line of physical) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  const lines = text
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .slice(0, -1);
  const components: { kind: string; props: Map<string, string> }[] = [];
  let current: { kind: string; props: Map<string, string> } | null = null;
  for (const line of lines) {
    const colon = line.indexOf(":");
    const [name, value] = [line.slice(0, colon), line.slice(colon + 1)];
    if (name === "BEGIN" && value !== "VCALENDAR") current = { kind: value, props: new Map() };
    else if (name === "END" && current) {
      components.push(current);
      current = null;
    } else if (current) current.props.set(name, value);
  }
  return { lines, components };
}

const unescape = (v: string) =>
  v.replace(/\\(n|N|,|;|\\)/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c));

describe("iCalendar", () => {
  it("escapes and folds by the octet, never splitting a character", () => {
    expect(escapeText("أ،ب, ج; د\\ه\nو")).toBe("أ،ب\\, ج\\; د\\\\ه\\nو");
    const long = `SUMMARY:${"م".repeat(100)}`;
    const folded = foldLine(long).split("\r\n");
    expect(folded.length).toBeGreaterThan(1);
    for (const part of folded) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
    expect(folded.slice(1).every((p) => p.startsWith(" "))).toBe(true);
    expect(folded.map((p, i) => (i ? p.slice(1) : p)).join("")).toBe(long);
  });

  it("the feed: the meetings the actor may see as VEVENTs, commitment due dates as VTODOs", async () => {
    const res = await call(t.app, officer, "GET", "/api/v1/meetings.ics");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    const { lines, components } = parseIcs(res.body);
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines).toContain("VERSION:2.0");
    const events = components.filter((c) => c.kind === "VEVENT");
    const todos = components.filter((c) => c.kind === "VTODO");
    expect(events).toHaveLength(1);
    const event = events[0]!.props;
    expect(event.get("UID")).toBe(`${meetingId}@tansiq`);
    expect(event.get("DTSTART")).toBe("20261120T080000Z");
    expect(event.get("DTEND")).toBe("20261120T103000Z");
    expect(event.get("SUMMARY")).toBe("اجتماع اللجنة الأمنية، طبرق\\; الدورة الأولى");
    expect(unescape(event.get("SUMMARY")!)).toBe(TITLE);
    expect(unescape(event.get("LOCATION")!)).toBe("مقر مديرية أمن طبرق, طبرق");
    expect(unescape(event.get("DESCRIPTION")!)).toMatch(
      new RegExp(`^MTG-2026-\\d{6}\\n${SUMMARY.replace(/\\/g, "\\\\")}$`),
    );
    // Only the commitment with a due date, not the hidden meeting's.
    expect(todos).toHaveLength(1);
    const todo = todos[0]!.props;
    expect(todo.get("DUE;VALUE=DATE")).toBe("20261215");
    expect(todo.get("STATUS")).toBe("NEEDS-ACTION");
    expect(todo.get("RELATED-TO")).toBe(`${meetingId}@tansiq`);
    expect(unescape(todo.get("SUMMARY")!)).toMatch(
      /تلبية احتياجات مديرية الأمن، وجميع الأجهزة; في المنطقة, ودعمها$/,
    );
    expect(todo.get("SUMMARY")).toContain("وجميع الأجهزة\\; في المنطقة\\, ودعمها");
    expect(res.body).not.toContain("اجتماع سري");
    expect(res.body).not.toContain("التزام سري");
  });

  it("leadership's feed has every meeting; one meeting's calendar has it alone", async () => {
    const { session } = await signedIn(t.app, t.db, "leadership");
    const all = parseIcs((await call(t.app, session, "GET", "/api/v1/meetings.ics")).body);
    expect(all.components.filter((c) => c.kind === "VEVENT")).toHaveLength(2);
    expect(all.components.filter((c) => c.kind === "VTODO")).toHaveLength(2);
    const one = await call(t.app, officer, "GET", `/api/v1/meetings/${meetingId}/calendar.ics`);
    expect(one.statusCode).toBe(200);
    expect(one.headers["content-disposition"]).toMatch(/MTG-2026-\d{6}\.ics/);
    expect(parseIcs(one.body).components.map((c) => c.kind)).toEqual(["VEVENT", "VTODO"]);
    const window = parseIcs((await call(t.app, session, "GET", "/api/v1/meetings.ics?from=2026-11-21")).body);
    expect(window.components.filter((c) => c.kind === "VEVENT")).toHaveLength(1);
    expect((await call(t.app, session, "GET", "/api/v1/meetings.ics?from=soon")).statusCode).toBe(400);
  });
});

describe("Excel minutes", () => {
  it("one sheet per part, right to left, Arabic headers, rows as recorded", async () => {
    const res = await call(t.app, officer, "GET", `/api/v1/meetings/${meetingId}/minutes.xlsx`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-disposition"]).toMatch(/MTG-2026-\d{6}-minutes\.xlsx/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      "الاجتماع",
      "الحضور",
      "التصريحات",
      "الالتزامات",
      "التكريمات",
    ]);
    for (const sheet of book.worksheets) expect(sheet.views[0]?.rightToLeft).toBe(true);
    const rows = (name: string) => {
      const sheet = book.getWorksheet(name)!;
      return Array.from({ length: sheet.rowCount }, (_, i) =>
        (sheet.getRow(i + 1).values as unknown[]).slice(1),
      );
    };
    const meeting = rows("الاجتماع");
    expect(meeting[0]).toEqual(["البيان", "القيمة"]);
    expect(meeting).toContainEqual(["عنوان الاجتماع", TITLE]);
    expect(meeting).toContainEqual(["البداية", "2026-11-20 10:00"]);
    expect(meeting).toContainEqual(["عقده", "وزير الداخلية عصام أبوزريبة"]);
    expect(meeting).toContainEqual(["جدول الأعمال", "1. الوضع الأمني في المدينة"]);
    expect(rows("الحضور")).toEqual([
      ["م", "الاسم", "الصفة", "الرتبة", "الجهة", "الدور"],
      [1, "عصام أبوزريبة", "وزير الداخلية", "لواء", "", "المضيف"],
      [2, "فرج الخطابية", "عميد البلدية", "", "بلدية طبرق", "حاضر"],
    ]);
    expect(rows("التصريحات").slice(1)).toEqual([
      [1, "فرج الخطابية", "", "أكد على ضرورة تعزيز العمل الأمني في المنطقة"],
      [2, "عصام أبوزريبة", "الاحتياجات", "شدد على استعداده الشخصي لتلبية احتياجات مديرية الأمن"],
    ]);
    const commitments = rows("الالتزامات");
    expect(commitments[0]).toEqual([
      "المرجع",
      "النص",
      "صاحب الالتزام",
      "الجهة المسؤولة",
      "تاريخ الاستحقاق",
      "الحالة",
      "المهمة",
      "الاحتياج",
    ]);
    expect(commitments.slice(1).map((r) => r.slice(1, 6))).toEqual([
      [
        "تلبية احتياجات مديرية الأمن، وجميع الأجهزة; في المنطقة, ودعمها",
        "عصام أبوزريبة",
        "",
        "2026-12-15",
        "مفتوح",
      ],
      ["خطة شاملة لمنفذ أمساعد", "", "مديرية أمن طبرق", "", "مفتوح"],
    ]);
    const honours = rows("التكريمات");
    expect(honours).toHaveLength(2);
    expect(honours[1]!.slice(1, 5)).toEqual([
      "درع",
      "درع التميز كأفضل شخصية لعام 2023",
      "وزير الداخلية عصام أبوزريبة",
      "فرج الخطابية",
    ]);
  });

  it("English headers in English; another agency cannot export a restricted meeting", async () => {
    const { session } = await signedIn(t.app, t.db, "officer", agency.id);
    await call(t.app, session, "PATCH", "/api/auth/preferences", { language: "en" });
    const res = await call(t.app, session, "GET", `/api/v1/meetings/${meetingId}/minutes.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[1]!.name).toBe("Attendees");
    expect(book.worksheets[1]!.views[0]?.rightToLeft).toBe(false);
    expect((book.worksheets[1]!.getRow(1).values as unknown[]).slice(1)).toEqual([
      "No.",
      "Name",
      "Title",
      "Rank",
      "Body",
      "Role",
    ]);
    const { session: outsider } = await signedIn(t.app, t.db, "manager", agency.id);
    const list = (await call(t.app, outsider, "GET", "/api/v1/meetings?pageSize=100")).json();
    const hiddenId = (
      await call(
        t.app,
        (await signedIn(t.app, t.db, "leadership")).session,
        "GET",
        "/api/v1/meetings?pageSize=100",
      )
    )
      .json()
      .data.find((m: { titleAr: string }) => m.titleAr === "اجتماع سري").id;
    expect(list.data.map((m: { id: string }) => m.id)).not.toContain(hiddenId);
    expect((await call(t.app, outsider, "GET", `/api/v1/meetings/${hiddenId}/minutes.xlsx`)).statusCode).toBe(
      404,
    );
    expect((await call(t.app, outsider, "GET", `/api/v1/meetings/${hiddenId}/calendar.ics`)).statusCode).toBe(
      404,
    );
  });
});
