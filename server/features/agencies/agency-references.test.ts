import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestApp, type Session, type TestApp } from "../../test/app";
import { auditCount, buildAgency, signedIn } from "../../test/factories";
import { buildCommitment } from "../../test/meetings-factories";
import type { AgencyRow } from "./agencies.table";

// A reference to an agency the caller cannot see is refused exactly like an unknown id: same status, same body,
// the field named, nothing written. Everywhere an agency is referenced.
const TOBRUK = readFileSync("common/extraction/fixtures/00-tobruk-security-meeting.ar.txt", "utf8");
const UNKNOWN = "01a2259e-b9c0-71d9-b81c-6443174ae7c3";

let t: TestApp;
let home: AgencyRow;
let hidden: AgencyRow;
let officer: Session;
let manager: Session;
let trainer: Session;
let leadership: Session;
beforeAll(async () => {
  t = await createTestApp({ config: { demoMode: true } });
  home = await buildAgency(t.db);
  // A restricted agency whose name matches the report's "مجلس النواب".
  hidden = await buildAgency(t.db, { nameAr: "مجلس النواب", kind: "parliament", sensitivity: "restricted" });
  officer = (await signedIn(t.app, t.db, "officer", home.id)).session;
  manager = (await signedIn(t.app, t.db, "manager", home.id)).session;
  trainer = (await signedIn(t.app, t.db, "trainer", home.id)).session;
  leadership = (await signedIn(t.app, t.db, "leadership", home.id)).session;
});
afterAll(() => t.close());

type Case = {
  name: string;
  session: () => Session;
  method: "POST" | "PATCH";
  url: () => Promise<string> | string;
  body: (agencyId: string) => unknown;
  field: string;
};

const cases: Case[] = [
  {
    name: "a need's responsible body",
    session: () => officer,
    method: "POST",
    url: () => "/api/v1/needs",
    body: (id) => ({
      agencyId: home.id,
      responsibleAgencyId: id,
      category: "equipment",
      title: "أجهزة",
      quantity: 1,
      unit: "جهاز",
      unitCost: 1,
      priority: "high",
    }),
    field: "responsibleAgencyId",
  },
  {
    name: "a task's supporting agency",
    session: () => officer,
    method: "POST",
    url: () => "/api/v1/tasks",
    body: (id) => ({
      titleAr: "دوريات",
      agencyId: home.id,
      supports: [{ agencyId: id, contribution: "دعم" }],
    }),
    field: "supports",
  },
  {
    name: "an attendee's agency",
    session: () => officer,
    method: "POST",
    url: () => "/api/v1/meetings",
    body: (id) => ({
      agencyId: home.id,
      titleAr: "اجتماع",
      startsAt: "2026-11-20T08:00:00Z",
      attendees: [{ name: "ضيف", agencyId: id }],
    }),
    field: "attendees.0.agencyId",
  },
  {
    name: "a commitment's owner",
    session: () => officer,
    method: "POST",
    url: () => "/api/v1/meetings",
    body: (id) => ({
      agencyId: home.id,
      titleAr: "اجتماع",
      startsAt: "2026-11-20T08:00:00Z",
      commitments: [{ text: "التزام", ownerAgencyId: id }],
    }),
    field: "commitments.0.ownerAgencyId",
  },
  {
    name: "an honour's recipient",
    session: () => officer,
    method: "POST",
    url: () => "/api/v1/honours",
    body: (id) => ({
      kind: "shield",
      title: "درع",
      awardedOn: "2026-11-20",
      agencyId: home.id,
      recipientAgencyId: id,
    }),
    field: "recipientAgencyId",
  },
  {
    name: "a commitment converted to a need addressed to it",
    session: () => manager,
    method: "POST",
    url: async () =>
      `/api/v1/commitments/${(await buildCommitment(t.db, { agencyId: home.id })).id}/convert-to-need`,
    body: (id) => ({ unit: "قانون", responsibleAgencyId: id }),
    field: "responsibleAgencyId",
  },
  {
    name: "a course's provider",
    session: () => trainer,
    method: "POST",
    url: () => "/api/v1/courses",
    body: (id) => ({
      kind: "course",
      topic: "first_aid",
      titleAr: "إسعافات",
      providerKind: "agency",
      providerAgencyId: id,
      place: "طبرق",
      startsOn: "2026-12-13",
      endsOn: "2026-12-14",
      capacity: 5,
      sensitivity: "internal",
      sessions: [],
    }),
    field: "providerAgencyId",
  },
];

describe("references to an agency the caller cannot see", () => {
  it.each(cases)("$name: refused like an unknown id, field named, nothing written", async (c) => {
    const url = await c.url();
    expect((await call(t.app, c.session(), "GET", `/api/v1/agencies/${hidden.id}`)).statusCode).toBe(404);
    const before = await auditCount(t.db);
    const toHidden = await call(t.app, c.session(), c.method, url, c.body(hidden.id));
    const toUnknown = await call(t.app, c.session(), c.method, url, c.body(UNKNOWN));
    expect(toUnknown.statusCode, toUnknown.body).toBe(400);
    expect(toHidden.statusCode, toHidden.body).toBe(400);
    expect(toHidden.json()).toEqual(toUnknown.json());
    expect(toHidden.json().error.fields.map((f: { field: string }) => f.field)).toContain(c.field);
    expect(toHidden.body).not.toContain("مجلس النواب");
    expect(await auditCount(t.db)).toBe(before);
  });

  it("leadership, who sees the agency, may reference it", async () => {
    const r = await call(t.app, leadership, "POST", "/api/v1/honours", {
      kind: "shield",
      title: "درع",
      awardedOn: "2026-11-20",
      agencyId: home.id,
      recipientAgencyId: hidden.id,
    });
    expect([r.statusCode, r.body]).toEqual([201, expect.any(String)]);
  });

  it("the meeting extractor proposes only agencies the caller may see", async () => {
    const asOfficer = await call(t.app, officer, "POST", "/api/v1/meetings/extract", {
      text: TOBRUK,
      publicationDate: "2024-01-14",
    });
    expect(asOfficer.statusCode).toBe(200);
    expect(asOfficer.body).not.toContain(hidden.id);
    const asLeadership = await call(t.app, leadership, "POST", "/api/v1/meetings/extract", {
      text: TOBRUK,
      publicationDate: "2024-01-14",
    });
    expect(asLeadership.body).toContain(hidden.id);
  });
});
