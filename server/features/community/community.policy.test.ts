import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe } from "vitest";
import type { Role } from "../../../common/enums";
import { createTestApp, type TestApp } from "../../test/app";
import { buildCommunityReport } from "../../test/community-factories";
import {
  relationMatrix,
  type RelationAction,
  type RelationArrange,
  type RelationOutcome,
} from "../../test/matrix";
import { incidentTypes } from "../incidents";
import { communityMessages, communityReports } from "./community.table";

// Relations of the actor's agency to a report: it receives it (the district's directorate), it is assigned it, or
// neither. Each relation is tried with an internal and a restricted agency (reports have no sensitivity of their
// own, so the two cells expect the same). Outside one's inbox a report does not exist (404).
const RELATIONS = ["receiving", "assigned", "other"] as const;
type Cells = RelationOutcome[];
const NONE: Cells = [403, 403, 403, 403, 403, 403];
const ALL: Cells = ["ok", "ok", "ok", "ok", "ok", "ok"];
const INBOX: Cells = ["ok", "ok", "ok", "ok", 404, 404];
const row = (leadership: Cells, manager: Cells): Record<Role, Cells> => ({
  admin: NONE,
  leadership,
  manager,
  officer: NONE,
  observer: NONE,
  trainer: NONE,
});
const spec: Record<string, Record<Role, Cells>> = {
  list: row(ALL, ALL),
  read: row(ALL, INBOX),
  assign: row(ALL, ["ok", "ok", 403, 403, 404, 404]),
  reply: row(ALL, INBOX),
  note: row(ALL, INBOX),
  duplicate: row(ALL, INBOX),
  convert: row(ALL, [403, 403, "ok", "ok", 404, 404]),
  close: row(ALL, INBOX),
};

/** A report in the given relation to the actor's agency; `assigned` status for actions that need it. */
async function reportFor(t: TestApp, a: RelationArrange, needsAssigned: boolean) {
  const receivingAgencyId = a.relation === "receiving" ? a.actorAgency.id : a.otherAgency.id;
  const assignedAgencyId =
    a.relation === "assigned" ? a.actorAgency.id : needsAssigned ? a.thirdAgency.id : undefined;
  return buildCommunityReport(t.db, { receivingAgencyId, ...(assignedAgencyId ? { assignedAgencyId } : {}) });
}
/** The report and its replies and notes (a reply or a note changes only the latter). */
const snapshot = (t: TestApp, id: string) => async () => ({
  report: (await t.db.select().from(communityReports).where(eq(communityReports.id, id)))[0],
  messages: await t.db.select().from(communityMessages).where(eq(communityMessages.reportId, id)),
});

const post = (
  action: string,
  body: (t: TestApp, a: RelationArrange) => Promise<unknown>,
  needsAssigned = false,
): RelationAction => ({
  request: async (t, a) => {
    const report = await reportFor(t, a, needsAssigned || a.relation === "assigned");
    return {
      method: "POST",
      url: `/api/v1/community-reports/${report.id}/${action}`,
      body: await body(t, a),
      snapshot: snapshot(t, report.id),
    };
  },
});

const actions: Record<string, RelationAction> = {
  list: { request: async () => ({ method: "GET", url: "/api/v1/community-reports?pageSize=5" }) },
  read: {
    request: async (t, a) => {
      const report = await reportFor(t, a, a.relation === "assigned");
      return { method: "GET", url: `/api/v1/community-reports/${report.id}` };
    },
  },
  assign: post("assign", async (_t, a) => ({ agencyId: a.thirdAgency.id })),
  reply: post("reply", async () => ({ text: "وصل بلاغك ونتابعه" })),
  note: post("note", async () => ({ text: "دورية تتحقق الليلة" })),
  duplicate: post("duplicate", async (t, a) => {
    const original = await reportFor(t, a, a.relation === "assigned");
    return { duplicateOfId: original.id };
  }),
  convert: post(
    "convert",
    async (t) => {
      const [type] = await t.db.select().from(incidentTypes).limit(1);
      return { typeId: type!.id };
    },
    true,
  ),
  close: post("close", async () => ({ outcome: "no_action" })),
};

describe("community reports permission matrix (inbox routes)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { demoMode: true } });
  });
  afterAll(() => t.close());
  relationMatrix(() => t, RELATIONS, spec, actions);
});
