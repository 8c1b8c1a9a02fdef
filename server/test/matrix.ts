import { expect, it } from "vitest";
import type { Role, Sensitivity } from "../../common/enums";
import { ROLES } from "../../common/enums";
import type { AgencyRow } from "../features/agencies";
import type { UserRow } from "../features/users";
import { call, login, type Session, type TestApp } from "./app";
import { TEST_PASSWORD, auditCount, buildAgency, buildUser } from "./factories";

/** What a cell expects: "ok" (2xx), or the refusal status. */
export type Outcome = "ok" | 403 | 404;
/** Per role: [own agency internal, own agency restricted, other agency internal, other agency restricted]. */
export type ActionSpec = Record<Role, [Outcome, Outcome, Outcome, Outcome]>;

export type Cell = { role: Role; own: boolean; sensitivity: Sensitivity };

export type Arrange = {
  actorAgency: AgencyRow;
  otherAgency: AgencyRow;
  /** The agency a target of this cell belongs to, and its sensitivity. */
  targetAgency: AgencyRow;
  sensitivity: Sensitivity;
};

export type MatrixAction = {
  /** Prepares the target and returns the request, plus a read of the target's stored state (to prove no change). */
  request(
    t: TestApp,
    a: Arrange,
  ): Promise<{
    method: "GET" | "POST" | "PATCH" | "PUT";
    url: string;
    body?: unknown;
    snapshot?: () => Promise<unknown>;
    readOnly?: boolean;
  }>;
};

const CELLS: [boolean, Sensitivity][] = [
  [true, "internal"],
  [true, "restricted"],
  [false, "internal"],
  [false, "restricted"],
];

/**
 * Runs one permission matrix: for each action, role and cell, a fresh actor (in a fresh agency) makes the request.
 * `ownAgencyCarriesSensitivity`: for agencies themselves, the "own" target is the actor's own agency, so the
 * actor's agency gets the cell's sensitivity.
 */
export function permissionMatrix(
  getApp: () => TestApp,
  spec: Record<string, ActionSpec>,
  actions: Record<string, MatrixAction>,
  options: { ownAgencyCarriesSensitivity?: boolean } = {},
) {
  for (const [actionName, byRole] of Object.entries(spec)) {
    const action = actions[actionName];
    if (!action) throw new Error(`no request for action ${actionName}`);
    for (const role of ROLES) {
      const expected = byRole[role];
      it(`${actionName} as ${role}: ${expected.join(" ")}`, async () => {
        const t = getApp();
        for (const [index, [own, sensitivity]] of CELLS.entries()) {
          const actorAgency = await buildAgency(t.db, {
            sensitivity: own && options.ownAgencyCarriesSensitivity ? sensitivity : "internal",
          });
          const otherAgency = await buildAgency(t.db, {
            sensitivity: options.ownAgencyCarriesSensitivity ? sensitivity : "internal",
          });
          const actor = await buildUser(t.db, { role, agencyId: actorAgency.id, isDemo: true });
          const session: Session = await login(t.app, actor.username, TEST_PASSWORD);
          const arrange = {
            actorAgency,
            otherAgency,
            targetAgency: own ? actorAgency : otherAgency,
            sensitivity,
          };
          const req = await action.request(t, arrange);
          const where = `${actionName} as ${role}, ${own ? "own" : "other"} agency, ${sensitivity}`;
          await checkCell(t, session, req, expected[index]!, where);
        }
      });
    }
  }
}

/** A cell outcome: "ok", 403 (forbidden), 404 (not found), or `<status>:<code>` for a named refusal. */
export type RelationOutcome = Outcome | `${number}:${string}`;

type CellRequest = {
  method: "GET" | "POST" | "PATCH" | "PUT";
  url: string;
  body?: unknown;
  snapshot?: () => Promise<unknown>;
  /** A POST that only reads (a rendering, an extraction): allowed, it changes nothing and audits nothing. */
  readOnly?: boolean;
};

/** Makes one cell's request and checks its outcome; a refusal must write no audit event and change nothing. */
async function checkCell(
  t: TestApp,
  session: Session,
  req: CellRequest,
  want: RelationOutcome,
  where: string,
) {
  const before = await req.snapshot?.();
  const audits = await auditCount(t.db);
  const response = await call(t.app, session, req.method, req.url, req.body);
  if (want === "ok") {
    expect(response.statusCode, `${where}: ${response.body}`).toBeLessThan(300);
    // An allowed write does what it says and leaves its trace: the record changed, an audit event was written.
    if (req.method !== "GET" && !req.readOnly) {
      expect(await auditCount(t.db), `${where}: an allowed write wrote no audit event`).toBeGreaterThan(
        audits,
      );
      if (req.snapshot)
        expect(await req.snapshot(), `${where}: an allowed write changed nothing`).not.toEqual(before);
    }
    return;
  }
  const [status, code] =
    typeof want === "number" ? [want, want === 403 ? "forbidden" : "not_found"] : want.split(":");
  expect(response.statusCode, `${where}: ${response.body}`).toBe(Number(status));
  expect(response.json().error.code, where).toBe(code);
  expect(await auditCount(t.db), `${where}: a denied request wrote an audit event`).toBe(audits);
  if (req.snapshot)
    expect(await req.snapshot(), `${where}: a denied request changed the record`).toEqual(before);
}

export type RelationArrange = {
  actor: UserRow;
  actorAgency: AgencyRow;
  /** Another agency (the target's, for "other"; the lead, for "supporting"). */
  otherAgency: AgencyRow;
  /** A third agency, for supporters that are neither the actor's nor the lead. */
  thirdAgency: AgencyRow;
  relation: string;
  sensitivity: Sensitivity;
};

export type RelationAction = {
  request(
    t: TestApp,
    a: RelationArrange,
  ): Promise<{
    method: "GET" | "POST" | "PATCH" | "PUT";
    url: string;
    body?: unknown;
    snapshot?: () => Promise<unknown>;
    readOnly?: boolean;
  }>;
};

/**
 * A permission matrix over relations of the actor's agency to the record (e.g. owner / supporting / other, or
 * lead / supporting / other) × internal/restricted. Per role, outcomes are listed relation by relation, internal
 * then restricted: [rel0 internal, rel0 restricted, rel1 internal, …].
 */
export function relationMatrix(
  getApp: () => TestApp,
  relations: readonly string[],
  spec: Record<string, Record<Role, RelationOutcome[]>>,
  actions: Record<string, RelationAction>,
) {
  const cells = relations.flatMap((relation) =>
    SENSITIVITY_ORDER.map((sensitivity) => ({ relation, sensitivity })),
  );
  for (const [actionName, byRole] of Object.entries(spec)) {
    const action = actions[actionName];
    if (!action) throw new Error(`no request for action ${actionName}`);
    for (const role of ROLES) {
      const expected = byRole[role];
      if (expected.length !== cells.length)
        throw new Error(`${actionName}/${role}: ${cells.length} cells expected`);
      it(`${actionName} as ${role}: ${expected.join(" ")}`, async () => {
        const t = getApp();
        for (const [index, { relation, sensitivity }] of cells.entries()) {
          const actorAgency = await buildAgency(t.db);
          const otherAgency = await buildAgency(t.db);
          const thirdAgency = await buildAgency(t.db);
          const actor = await buildUser(t.db, { role, agencyId: actorAgency.id, isDemo: true });
          const session: Session = await login(t.app, actor.username, TEST_PASSWORD);
          const req = await action.request(t, {
            actor,
            actorAgency,
            otherAgency,
            thirdAgency,
            relation,
            sensitivity,
          });
          const where = `${actionName} as ${role}, ${relation} agency, ${sensitivity}`;
          await checkCell(t, session, req, expected[index]!, where);
        }
      });
    }
  }
}

const SENSITIVITY_ORDER: Sensitivity[] = ["internal", "restricted"];
