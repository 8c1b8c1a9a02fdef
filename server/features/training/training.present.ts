import { zonedDay } from "../../../common/dates";
import type { Certificate, Course, CourseDetail, Nomination } from "../../../common/schemas/training";
import type { Actor } from "../../authz/actor";
import { abilitiesFor } from "../../authz/engine";
import { formatCode } from "./certificate-code";
import { certificatesPolicy, coursesPolicy, nominationsPolicy } from "./training.policy";
import type { CourseWithCounts, NominationView, courseDetailParts } from "./training.queries";
import type { CertificateRow, CourseRow } from "./training.table";
import { isValidOn } from "./verify-certificate";

export function presentCourse(row: CourseWithCounts, actor: Actor): Course {
  return {
    id: row.id,
    reference: row.reference,
    agencyId: row.agencyId,
    kind: row.kind,
    topic: row.topic,
    titleAr: row.titleAr,
    titleEn: row.titleEn,
    description: row.description,
    providerKind: row.providerKind,
    providerAgencyId: row.providerAgencyId,
    providerName: row.providerName,
    place: row.place,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    capacity: row.capacity,
    targetAgencyIds: row.targetAgencyIds,
    targetRanks: row.targetRanks,
    prerequisites: row.prerequisites,
    needId: row.needId,
    certificateValidMonths: row.certificateValidMonths,
    status: row.status,
    cancelReason: row.cancelReason,
    acceptedCount: row.acceptedCount,
    waitlistedCount: row.waitlistedCount,
    sensitivity: row.sensitivity,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: abilitiesFor(actor, coursesPolicy, row),
  };
}

export function presentNomination(n: NominationView, course: CourseRow, actor: Actor): Nomination {
  return {
    id: n.id,
    courseId: n.courseId,
    personId: n.personId,
    personName: n.personName,
    personRank: n.personRank,
    agencyId: n.agencyId,
    status: n.status,
    waitlistPosition: n.waitlistPosition,
    reason: n.reason,
    outcome: n.outcome,
    score: n.score,
    remark: n.remark,
    attendance: n.attendance,
    certificateId: n.certificateId,
    createdAt: n.createdAt.toISOString(),
    abilities: abilitiesFor(actor, nominationsPolicy, { course, nomination: n }),
  };
}

export function presentCourseDetail(
  row: CourseWithCounts,
  actor: Actor,
  parts: Awaited<ReturnType<typeof courseDetailParts>>,
): CourseDetail {
  return {
    ...presentCourse(row, actor),
    sessions: parts.sessions.map((s) => ({
      id: s.id,
      seq: s.seq,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      titleAr: s.titleAr,
    })),
    quotas: parts.quotas,
    nominations: parts.nominations.map((n) => presentNomination(n, row, actor)),
    need: parts.need,
  };
}

export function presentCertificate(c: CertificateRow, actor: Actor, now: Date): Certificate {
  return {
    id: c.id,
    code: formatCode(c.code),
    courseId: c.courseId,
    courseTitleAr: c.courseTitleAr,
    courseTitleEn: c.courseTitleEn,
    personId: c.personId,
    personNameAr: c.personNameAr,
    personNameEn: c.personNameEn,
    agencyId: c.agencyId,
    topic: c.topic,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    outcome: c.outcome,
    issuedAt: c.issuedAt.toISOString(),
    expiresOn: c.expiresOn,
    revokedAt: c.revokedAt?.toISOString() ?? null,
    revokeReason: c.revokeReason,
    valid: isValidOn(c, zonedDay(now)),
    abilities: abilitiesFor(actor, certificatesPolicy, c),
  };
}
