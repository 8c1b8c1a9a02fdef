import { eq } from "drizzle-orm";
import type { CommitmentStatus, Sensitivity } from "../../common/enums";
import {
  MeetingCreateBody,
  type CommitmentInput,
  type MeetingExtractResponse,
} from "../../common/schemas/meetings";
import type { Ctx } from "../authz/actor";
import type { Db } from "../db/client";
import { commitments, createMeeting, createHonour, type CommitmentRow } from "../features/meetings";
import { TEST_NOW } from "./app";
import { buildAgency } from "./factories";

const factoryCtx = (): Ctx => ({ actor: null, now: new Date(TEST_NOW), actorLabel: "factory" });
let n = 0;

/** A meeting with a host guest, an attendee, a statement and the commitments asked for. */
export async function buildMeeting(
  db: Db,
  overrides: Partial<{
    agencyId: string;
    sensitivity: Sensitivity;
    titleAr: string;
    startsAt: string;
    commitments: Partial<CommitmentInput>[];
  }> = {},
) {
  const agencyId = overrides.agencyId ?? (await buildAgency(db)).id;
  const input = MeetingCreateBody.parse({
    agencyId,
    titleAr: overrides.titleAr ?? `اجتماع تنسيقي رقم ${++n}`,
    startsAt: overrides.startsAt ?? "2026-11-20T08:00:00Z",
    districtPcode: "LY0104",
    sensitivity: overrides.sensitivity ?? "internal",
    attendees: [
      { key: "h", name: "عصام أبوزريبة", title: "وزير الداخلية", role: "host" },
      { key: "a", name: "الصالحين عبد النبي", title: "عضو مجلس النواب" },
    ],
    statements: [{ speakerKey: "a", text: "أكد على أهمية التنسيق بين الأجهزة الأمنية" }],
    commitments: (overrides.commitments ?? []).map((c) => ({ text: "إعداد خطة شاملة لمنفذ أمساعد", ...c })),
  });
  return db.transaction((tx) => createMeeting(tx, factoryCtx(), input));
}

/** A meeting's commitment (the first unless told), set to a status directly: a fixture, not a workflow walk. */
export async function buildCommitment(
  db: Db,
  overrides: Partial<{
    agencyId: string;
    ownerAgencyId: string | null;
    sensitivity: Sensitivity;
    status: CommitmentStatus;
    dueOn: string | null;
  }> = {},
): Promise<CommitmentRow> {
  const meeting = await buildMeeting(db, {
    ...(overrides.agencyId ? { agencyId: overrides.agencyId } : {}),
    ...(overrides.sensitivity ? { sensitivity: overrides.sensitivity } : {}),
    commitments: [{ ownerAgencyId: overrides.ownerAgencyId ?? null, dueOn: overrides.dueOn ?? null }],
  });
  const [row] = await db
    .update(commitments)
    .set({ status: overrides.status ?? "open" })
    .where(eq(commitments.meetingId, meeting.id))
    .returning();
  return row!;
}

export async function buildHonour(
  db: Db,
  overrides: Partial<{ agencyId: string; sensitivity: Sensitivity; title: string }> = {},
) {
  const agencyId = overrides.agencyId ?? (await buildAgency(db)).id;
  return db.transaction((tx) =>
    createHonour(tx, factoryCtx(), {
      agencyId,
      kind: "shield",
      title: overrides.title ?? "درع التميز",
      reason: null,
      awardedOn: "2026-11-20",
      recipientPersonId: null,
      recipientAgencyId: null,
      recipientName: "أسامة الدرسي",
      recipientTitle: "رئيس جهاز الأمن الداخلي",
      giverPersonId: null,
      giverAgencyId: null,
      giverName: null,
      meetingId: null,
      sensitivity: overrides.sensitivity ?? "internal",
    }),
  );
}

type Proposal = MeetingExtractResponse["data"]["proposal"];

/**
 * What the import review page sends for a proposal a reviewer accepted as is: personnel where an exact match was
 * proposed, guests otherwise; every sentence a statement; the first agency match as a commitment's owner.
 */
export function reviewedProposal(
  proposal: Proposal,
  fields: { agencyId: string; sourceText?: string; startsAt?: string },
) {
  const exact = (p: Proposal["people"][number]) => p.personnelMatches.find((m) => m.exact)?.id ?? null;
  return {
    agencyId: fields.agencyId,
    titleAr: proposal.title.slice(0, 200),
    startsAt: fields.startsAt ?? `${proposal.date?.date ?? "2024-01-14"}T09:00:00+02:00`,
    districtPcode: proposal.place?.districtPcode ?? null,
    placeText: proposal.place?.venue ?? proposal.place?.text ?? null,
    sourceText: fields.sourceText ?? null,
    agenda: proposal.agenda.map((a) => a.text),
    attendees: proposal.people.map((p) => ({
      key: p.id,
      personnelId: exact(p),
      name: p.name ?? p.title,
      title: p.title,
      rank: p.rank,
      affiliation: p.body,
      role: p.role,
    })),
    statements: proposal.statements.flatMap((s) =>
      s.sentences.map((x) => ({ speakerKey: s.speakerId, text: x.text })),
    ),
    commitments: proposal.commitments.map((c) => ({
      text: c.text,
      ownerKey: c.ownerPersonId,
      ownerAgencyId: c.agencyMatches[0]?.id ?? null,
      topic: c.topic,
    })),
    honours: proposal.honours.map((h) => ({
      kind: h.kind,
      title: h.title,
      reason: h.reason,
      recipientKey: h.recipientPersonId,
      recipientName: h.recipientPersonId ? null : h.recipientText,
      giverKey: h.giverPersonId,
    })),
  };
}
