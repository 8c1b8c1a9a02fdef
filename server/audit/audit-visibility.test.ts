import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AgencyRow } from "../features/agencies";
import { call, createTestApp, type Session, type TestApp } from "../test/app";
import { buildAgency, signedIn } from "../test/factories";
import { buildIncident, buildReferral, buildSeizure } from "../test/incidents-factories";
import { buildMeeting } from "../test/meetings-factories";
import { buildNeed } from "../test/needs-factories";

// The audit log shows before/after only of records the reader may read: admin reads the log, but admin is not
// leadership, and a restricted record's content reaches it through no door.
let t: TestApp;
let owner: AgencyRow;
let elsewhere: AgencyRow;
let ownerOfficer: Session;
let admin: Session;
let ownAdmin: Session;
let leadership: Session;
const SECRET = "علامة-سرية-7Q";
const OPEN = "علامة-عامة-4K";

beforeAll(async () => {
  t = await createTestApp({ config: { demoMode: true } });
  owner = await buildAgency(t.db);
  elsewhere = await buildAgency(t.db);
  ownerOfficer = (await signedIn(t.app, t.db, "officer", owner.id)).session;
  admin = (await signedIn(t.app, t.db, "admin", elsewhere.id)).session;
  ownAdmin = (await signedIn(t.app, t.db, "admin", owner.id)).session;
  leadership = (await signedIn(t.app, t.db, "leadership", elsewhere.id)).session;

  // Restricted records of every kind, written through the API and the factories, each carrying the marker.
  const task = await call(t.app, ownerOfficer, "POST", "/api/v1/tasks", {
    titleAr: `مهمة ${SECRET}`,
    agencyId: owner.id,
    sensitivity: "restricted",
  });
  expect(task.statusCode, task.body).toBe(201);
  const problem = await call(t.app, ownerOfficer, "POST", "/api/v1/problems", {
    agencyId: owner.id,
    title: `مشكلة ${SECRET}`,
    sensitivity: "restricted",
  });
  expect(problem.statusCode, problem.body).toBe(201);
  await buildNeed(t.db, {
    agencyId: owner.id,
    responsibleAgencyId: owner.id,
    sensitivity: "restricted",
    title: `احتياج ${SECRET}`,
  });
  await buildMeeting(t.db, {
    agencyId: owner.id,
    sensitivity: "restricted",
    titleAr: `اجتماع ${SECRET}`,
    commitments: [{ text: `التزام ${SECRET}` }],
  });
  const incident = await buildIncident(t.db, {
    agencyId: owner.id,
    sensitivity: "restricted",
    narrative: `واقعة ${SECRET}`,
  });
  await buildSeizure(t.db, incident);
  await buildReferral(t.db, incident);
  // And one internal record, which every reader of the log sees in full.
  await buildNeed(t.db, { agencyId: owner.id, responsibleAgencyId: owner.id, title: `احتياج ${OPEN}` });
});
afterAll(() => t.close());

/** Every page of the log as one text, and its events. */
async function readLog(session: Session) {
  const events: { redacted: boolean; entity: string; before: unknown; after: unknown }[] = [];
  let body = "";
  for (let page = 1; ; page++) {
    const r = await call(t.app, session, "GET", `/api/v1/audit?pageSize=100&page=${page}`);
    expect(r.statusCode, r.body).toBe(200);
    body += r.body;
    events.push(...r.json().data);
    if (page * 100 >= r.json().page.total) break;
  }
  return { body, events };
}

describe("audit snapshots follow the visibility of the record they describe", () => {
  it("admin of another agency reads no restricted content; the events are there, redacted", async () => {
    const { body, events } = await readLog(admin);
    expect(body).not.toContain(SECRET);
    expect(body).toContain(OPEN);
    const redacted = events.filter((e) => e.redacted);
    // task, problem, need, meeting (+ its commitment and honours, if any), incident, seizure, referral
    expect(redacted.length).toBeGreaterThanOrEqual(8);
    for (const e of redacted) expect([e.before, e.after]).toEqual([null, null]);
    expect(new Set(redacted.map((e) => e.entity))).toEqual(
      new Set([
        "task",
        "problems",
        "needs",
        "meetings",
        "commitments",
        "incidents",
        "seizures",
        "victim_referrals",
      ]),
    );
  });

  it("leadership reads everything; an admin of the owning agency reads its agency's restricted records", async () => {
    const lead = await readLog(leadership);
    expect(lead.body).toContain(SECRET);
    expect(lead.events.filter((e) => e.redacted)).toHaveLength(0);
    const own = await readLog(ownAdmin);
    expect(own.body).toContain(`مهمة ${SECRET}`);
    expect(own.body).toContain(`واقعة ${SECRET}`);
  });
});
