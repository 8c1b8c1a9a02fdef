import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "../../../common/enums";
import { call, createTestApp, type TestApp } from "../../test/app";
import { buildAgency, signedIn } from "../../test/factories";
import { permissionMatrix, type ActionSpec, type MatrixAction } from "../../test/matrix";
import { buildHonour, buildMeeting } from "../../test/meetings-factories";
import { honours } from "./honours.table";
import { meetingAttendees, meetings } from "./meetings.table";

// Cells: [own agency internal, own agency restricted, other agency internal, other agency restricted]: the meeting
// (or honour) belongs to the actor's agency or another, and is internal or restricted.
const NONE: ActionSpec[keyof ActionSpec] = [403, 403, 403, 403];
const ALL: ActionSpec[keyof ActionSpec] = ["ok", "ok", "ok", "ok"];
const READ: ActionSpec = {
  admin: ["ok", "ok", "ok", 404],
  leadership: ALL,
  manager: ["ok", "ok", "ok", 404],
  officer: ["ok", "ok", "ok", 404],
  observer: ["ok", 404, "ok", 404],
  trainer: ["ok", "ok", "ok", 404],
};
/** Officers and managers record for their own agency; leadership for any. */
const RECORD: ActionSpec = {
  admin: NONE,
  leadership: ALL,
  manager: ["ok", "ok", 403, 403],
  officer: ["ok", "ok", 403, 403],
  observer: NONE,
  trainer: NONE,
};
/** Managers of the record's agency edit it; leadership edits any; hidden records stay hidden (404). */
const EDIT: ActionSpec = {
  admin: NONE,
  leadership: ALL,
  manager: ["ok", "ok", 403, 404],
  officer: NONE,
  observer: NONE,
  trainer: NONE,
};

const spec: Record<string, ActionSpec> = {
  readMeeting: READ,
  createMeeting: RECORD,
  updateMeeting: EDIT,
  addAttendee: EDIT,
  readHonour: READ,
  createHonour: RECORD,
  updateHonour: EDIT,
};

const meetingSnapshot = (t: TestApp, id: string) => async () => ({
  meeting: (await t.db.select().from(meetings).where(eq(meetings.id, id)))[0],
  attendees: (
    await t.db.select({ n: count() }).from(meetingAttendees).where(eq(meetingAttendees.meetingId, id))
  )[0]?.n,
});

let n = 0;
const actions: Record<string, MatrixAction> = {
  readMeeting: {
    request: async (t, a) => ({
      method: "GET",
      url: `/api/v1/meetings/${(await buildMeeting(t.db, { agencyId: a.targetAgency.id, sensitivity: a.sensitivity })).id}`,
    }),
  },
  createMeeting: {
    request: async (t, a) => {
      const title = `اجتماع جديد رقم ${++n}`;
      return {
        method: "POST",
        url: "/api/v1/meetings",
        body: {
          agencyId: a.targetAgency.id,
          titleAr: title,
          startsAt: "2026-11-20T08:00:00Z",
          sensitivity: a.sensitivity,
          attendees: [{ key: "x", name: "ضيف", role: "host" }],
          commitments: [{ text: "التزام", ownerKey: "x" }],
          honours: [{ kind: "shield", title: "درع", recipientKey: "x" }],
        },
        snapshot: async () => (await t.db.select().from(meetings).where(eq(meetings.titleAr, title))).length,
      };
    },
  },
  updateMeeting: {
    request: async (t, a) => {
      const m = await buildMeeting(t.db, { agencyId: a.targetAgency.id, sensitivity: a.sensitivity });
      return {
        method: "PATCH",
        url: `/api/v1/meetings/${m.id}`,
        body: { titleAr: "عنوان معدّل", agenda: ["بند"] },
        snapshot: meetingSnapshot(t, m.id),
      };
    },
  },
  addAttendee: {
    request: async (t, a) => {
      const m = await buildMeeting(t.db, { agencyId: a.targetAgency.id, sensitivity: a.sensitivity });
      return {
        method: "POST",
        url: `/api/v1/meetings/${m.id}/attendees`,
        body: { name: "سالم", title: "آمر المنفذ" },
        snapshot: meetingSnapshot(t, m.id),
      };
    },
  },
  readHonour: {
    request: async (t, a) => ({
      method: "GET",
      url: `/api/v1/honours/${(await buildHonour(t.db, { agencyId: a.targetAgency.id, sensitivity: a.sensitivity })).id}`,
    }),
  },
  createHonour: {
    request: async (t, a) => {
      const title = `شهادة تقدير رقم ${++n}`;
      return {
        method: "POST",
        url: "/api/v1/honours",
        body: {
          agencyId: a.targetAgency.id,
          sensitivity: a.sensitivity,
          kind: "certificate",
          title,
          awardedOn: "2026-11-20",
          recipientName: "الملازم سالم",
        },
        snapshot: async () => (await t.db.select().from(honours).where(eq(honours.title, title))).length,
      };
    },
  },
  updateHonour: {
    request: async (t, a) => {
      const h = await buildHonour(t.db, { agencyId: a.targetAgency.id, sensitivity: a.sensitivity });
      return {
        method: "PATCH",
        url: `/api/v1/honours/${h.id}`,
        body: { title: "درع معدّل" },
        snapshot: async () => (await t.db.select().from(honours).where(eq(honours.id, h.id)))[0],
      };
    },
  },
};

describe("meetings and honours permission matrix (role × own/other × internal/restricted × action)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { demoMode: true } });
  });
  afterAll(() => t.close());
  permissionMatrix(() => t, spec, actions);
});

describe("lists, counts, calendar and exports hide what the reader may not see", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { demoMode: true } });
  });
  afterAll(() => t.close());

  // For each role: which of [own internal, own restricted, other internal, other restricted] it finds.
  const FOUND: Record<Role, [boolean, boolean, boolean, boolean]> = {
    admin: [true, true, true, false],
    leadership: [true, true, true, true],
    manager: [true, true, true, false],
    officer: [true, true, true, false],
    observer: [true, false, true, false],
    trainer: [true, true, true, false],
  };

  it.each(ROLES)("as %s", async (role) => {
    const own = await buildAgency(t.db);
    const other = await buildAgency(t.db);
    const tag = `وسم${++n}`;
    const made = [];
    for (const [agency, sensitivity] of [
      [own, "internal"],
      [own, "restricted"],
      [other, "internal"],
      [other, "restricted"],
    ] as const) {
      const meeting = await buildMeeting(t.db, {
        agencyId: agency.id,
        sensitivity,
        titleAr: `اجتماع ${tag}`,
        commitments: [{ text: `التزام ${tag}`, dueOn: "2026-12-01" }],
      });
      const honour = await buildHonour(t.db, { agencyId: agency.id, sensitivity, title: `درع ${tag}` });
      made.push({ meeting, honour });
    }
    const { session } = await signedIn(t.app, t.db, role, own.id);
    const get = async (url: string) => {
      const res = await call(t.app, session, "GET", url);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
      return res;
    };
    const q = encodeURIComponent(tag);
    const meetingsFound = (await get(`/api/v1/meetings?q=${q}&pageSize=100`)).json();
    const commitmentsFound = (await get(`/api/v1/commitments?q=${q}&pageSize=100`)).json();
    const honoursFound = (await get(`/api/v1/honours?q=${q}&pageSize=100`)).json();
    const ics = (await get("/api/v1/meetings.ics")).body;
    const want = FOUND[role];
    expect(meetingsFound.page.total).toBe(want.filter(Boolean).length);
    expect(commitmentsFound.page.total).toBe(want.filter(Boolean).length);
    expect(honoursFound.page.total).toBe(want.filter(Boolean).length);
    made.forEach(({ meeting, honour }, i) => {
      const ids = (list: { data: { id: string }[] }) => list.data.map((x) => x.id);
      expect(ids(meetingsFound).includes(meeting.id), `meeting ${i}`).toBe(want[i]);
      expect(ids(honoursFound).includes(honour.id), `honour ${i}`).toBe(want[i]);
      expect(ics.includes(`UID:${meeting.id}@tansiq`), `ics ${i}`).toBe(want[i]);
    });
    const counts = (await get("/api/v1/commitments/due-counts")).json().data;
    const open = counts.reduce((s: number, r: { open: number }) => s + r.open, 0);
    expect(open).toBeGreaterThanOrEqual(want.filter(Boolean).length);
    if (!want[3]) {
      const hidden = made[3]!.meeting.id;
      expect((await call(t.app, session, "GET", `/api/v1/meetings/${hidden}/minutes.xlsx`)).statusCode).toBe(
        404,
      );
    }
  });
});
