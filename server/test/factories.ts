import { count, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { AgencyKind, Role, Sensitivity, TaskStatus } from "../../common/enums";
import type { Ctx } from "../authz/actor";
import { auditEvents } from "../audit/audit.table";
import { hashPassword } from "../auth/passwords";
import type { Db } from "../db/client";
import { createAgency, type AgencyRow } from "../features/agencies";
import { createPerson, type PersonRow } from "../features/personnel";
import { createUser, type UserRow } from "../features/users";
import { createPlan, setPlanStatus, type PlanRow } from "../features/plans";
import { createTask, syncSupportCopy, tasks } from "../features/tasks";
import { TEST_NOW, login, type Session } from "./app";

export const TEST_PASSWORD = "test-password-123";
let passwordHash: Promise<string> | undefined;
let counter = 0;
const next = () => ++counter;

const factoryCtx = (): Ctx => ({ actor: null, now: new Date(TEST_NOW), actorLabel: "factory" });

export async function buildAgency(
  db: Db,
  overrides: Partial<{
    kind: AgencyKind;
    parentId: string | null;
    code: string;
    nameAr: string;
    nameEn: string;
    sensitivity: Sensitivity;
  }> = {},
): Promise<AgencyRow> {
  const n = next();
  return db.transaction((tx) =>
    createAgency(tx, factoryCtx(), {
      kind: "agency",
      parentId: null,
      code: `AG${n}`,
      nameAr: `جهاز رقم ${n}`,
      nameEn: `Agency ${n}`,
      districtPcode: null,
      sensitivity: "internal",
      ...overrides,
    }),
  );
}

export async function buildUser(
  db: Db,
  overrides: Partial<{
    role: Role;
    agencyId: string;
    username: string;
    sensitivity: Sensitivity;
    isDemo: boolean;
    mustChangePassword: boolean;
  }> = {},
): Promise<UserRow> {
  const n = next();
  const agencyId = overrides.agencyId ?? (await buildAgency(db)).id;
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const hash = await passwordHash;
  return db.transaction((tx) =>
    createUser(
      tx,
      factoryCtx(),
      {
        username: overrides.username ?? `user${n}`,
        password: TEST_PASSWORD,
        displayNameAr: `مستخدم ${n}`,
        displayNameEn: `User ${n}`,
        email: null,
        agencyId,
        role: overrides.role ?? "officer",
        language: "ar",
        calendar: "gregorian",
        numerals: "latn",
        sensitivity: overrides.sensitivity ?? "internal",
      },
      {
        passwordHash: hash,
        isDemo: overrides.isDemo ?? false,
        mustChangePassword: overrides.mustChangePassword ?? false,
      },
    ),
  );
}

export async function buildPerson(
  db: Db,
  overrides: Partial<{
    agencyId: string;
    nameAr: string;
    sensitivity: Sensitivity;
    serviceNumber: string | null;
  }> = {},
): Promise<PersonRow> {
  const n = next();
  const agencyId = overrides.agencyId ?? (await buildAgency(db)).id;
  return db.transaction((tx) =>
    createPerson(tx, factoryCtx(), {
      nameAr: overrides.nameAr ?? `شخص ${n}`,
      nameEn: `Person ${n}`,
      rank: null,
      positionAr: null,
      positionEn: null,
      agencyId,
      serviceNumber: overrides.serviceNumber ?? null,
      sensitivity: overrides.sensitivity ?? "internal",
    }),
  );
}

/** A user of a role, signed in. Admin and leadership are demo accounts in demo mode unless enrolled. */
export async function signedIn(
  app: FastifyInstance,
  db: Db,
  role: Role,
  agencyId?: string,
): Promise<{ user: UserRow; session: Session }> {
  const user = await buildUser(db, { role, ...(agencyId ? { agencyId } : {}), isDemo: true });
  return { user, session: await login(app, user.username, TEST_PASSWORD) };
}

export async function auditCount(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(auditEvents);
  return row?.n ?? 0;
}

export async function buildPlan(
  db: Db,
  overrides: Partial<{ agencyId: string; sensitivity: Sensitivity; status: "draft" | "active" }> = {},
): Promise<PlanRow> {
  const n = next();
  const agencyId = overrides.agencyId ?? (await buildAgency(db)).id;
  return db.transaction(async (tx) => {
    const plan = await createPlan(tx, factoryCtx(), {
      titleAr: `خطة رقم ${n}`,
      titleEn: `Plan ${n}`,
      description: null,
      districtPcode: "LY0104",
      startsOn: "2026-01-01",
      endsOn: "2026-12-31",
      agencyId,
      sensitivity: overrides.sensitivity ?? "internal",
    });
    return overrides.status === "active" ? setPlanStatus(tx, factoryCtx(), plan, "active") : plan;
  });
}

export async function buildTask(
  db: Db,
  overrides: Partial<{
    agencyId: string;
    supportIds: string[];
    sensitivity: Sensitivity;
    planId: string | null;
    objectiveId: string | null;
    assigneeId: string | null;
    dueOn: string | null;
    status: TaskStatus;
    reason: string;
  }> = {},
) {
  const n = next();
  const agencyId = overrides.agencyId ?? (await buildAgency(db)).id;
  return db.transaction(async (tx) => {
    const task = await createTask(tx, factoryCtx(), {
      titleAr: `مهمة رقم ${n}`,
      titleEn: `Task ${n}`,
      description: null,
      planId: overrides.planId ?? null,
      objectiveId: overrides.objectiveId ?? null,
      agencyId,
      assigneeId: overrides.assigneeId ?? null,
      priority: "normal",
      dueOn: overrides.dueOn ?? "2026-12-20",
      sensitivity: overrides.sensitivity ?? "internal",
      supports: (overrides.supportIds ?? []).map((id) => ({ agencyId: id, contribution: "دعم بالأفراد" })),
    });
    if (!overrides.status || overrides.status === "todo") return task;
    await tx
      .update(tasks)
      .set({ status: overrides.status, statusReason: overrides.reason ?? null })
      .where(eq(tasks.id, task.id));
    await syncSupportCopy(tx, { ...task, status: overrides.status });
    return { ...task, status: overrides.status, statusReason: overrides.reason ?? null };
  });
}
