import { eq } from "drizzle-orm";
import { solveWork } from "../../common/community/proof-of-work";
import type { FastifyInstance } from "fastify";
import type { CommunityReportRow } from "../features/community";
import { communityReports } from "../features/community";
import { submitReport } from "../features/community/submit-report";
import type { Db } from "../db/client";
import { TEST_NOW } from "./app";

let n = 0;

/** A community report as the public page would store it, then set to the given agencies and status. */
export async function buildCommunityReport(
  db: Db,
  overrides: Partial<
    Pick<
      CommunityReportRow,
      "receivingAgencyId" | "assignedAgencyId" | "status" | "contact" | "text" | "districtPcode"
    >
  > = {},
): Promise<CommunityReportRow & { code: string }> {
  n += 1;
  const now = new Date(TEST_NOW);
  const { row, code } = await db.transaction((tx) =>
    submitReport(
      tx,
      { actor: null, now, actorLabel: "public" },
      {
        category: "smuggling",
        text: overrides.text ?? `شاحنات وقود تعبر ليلاً قرب الطريق الساحلي رقم ${n} ${Math.random()}`,
        districtPcode: overrides.districtPcode ?? "LY0104",
        townPcode: null,
        latitude: null,
        longitude: null,
        when: "today",
        contact: overrides.contact === undefined ? "+218 91 234 5678" : overrides.contact,
        language: "ar",
        challenge: "",
        nonce: "",
        website: "",
      },
    ),
  );
  const [updated] = await db
    .update(communityReports)
    .set({
      receivingAgencyId: overrides.receivingAgencyId ?? row.receivingAgencyId,
      assignedAgencyId: overrides.assignedAgencyId ?? null,
      status: overrides.status ?? (overrides.assignedAgencyId ? "assigned" : "new"),
    })
    .where(eq(communityReports.id, row.id))
    .returning();
  return { ...updated!, code };
}

/** A valid body for the public submit route: asks a challenge and does the work, as the page does. */
export async function publicReportBody(
  app: FastifyInstance,
  overrides: Record<string, unknown> = {},
  remoteAddress = "198.51.100.7",
): Promise<Record<string, unknown>> {
  const r = await app.inject({ method: "GET", url: "/api/public/community/challenge", remoteAddress });
  if (r.statusCode !== 200) throw new Error(`challenge ${r.statusCode}: ${r.body}`);
  const { challenge, bits } = r.json().data as { challenge: string; bits: number };
  return {
    category: "drugs",
    text: "رأيت سيارة بيضاء توزع حبوباً قرب المدرسة بعد العصر",
    districtPcode: "LY0104",
    when: "yesterday",
    challenge,
    nonce: solveWork(challenge, bits),
    ...overrides,
  };
}
