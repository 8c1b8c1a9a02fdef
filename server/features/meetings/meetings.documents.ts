import { DISTRICTS } from "../../../common/districts";
import type { Language } from "../../../common/enums";
import type { DocumentPerson, MeetingDocumentInput } from "../../../common/meetings/document-input";
import type { Attendee, Honour, MeetingDetail } from "../../../common/schemas/meetings";
import type { Db } from "../../db/client";
import type { HonourCertificateInput } from "../../documents";
import { agencyNames } from "../agencies";

// The meeting and honour records, as the documents (server/documents, common/meetings/press-release) take them:
// plain people with names, titles and bodies, agencies by name in the reader's language.

type AgencyNames = (id: string | null) => string | null;

/** Names of the agencies a meeting's documents mention, in one query. */
export async function agencyNamesFor(
  db: Db,
  ids: (string | null)[],
  language: Language,
): Promise<AgencyNames> {
  const names = await agencyNames(db, language, ids);
  return (id) => (id ? (names.get(id) ?? null) : null);
}

const personOf = (a: Attendee, agencyName: AgencyNames): DocumentPerson => ({
  name: a.name,
  title: a.title,
  rank: a.rank,
  body: a.affiliation ?? agencyName(a.agencyId),
});

export function meetingAgencyIds(m: MeetingDetail): (string | null)[] {
  return [
    m.agencyId,
    m.hostAgencyId,
    ...m.attendees.map((a) => a.agencyId),
    ...m.commitments.map((c) => c.ownerAgencyId),
    ...m.honours.flatMap((h) => [h.recipientAgencyId, h.giverAgencyId]),
  ];
}

/** A meeting record as the minutes and the press release draft take it. */
export function meetingDocumentInput(
  m: MeetingDetail,
  agencyName: AgencyNames,
  language: Language,
): MeetingDocumentInput {
  const byId = new Map(m.attendees.map((a) => [a.id, a]));
  const host = m.hostAttendeeId ? byId.get(m.hostAttendeeId) : undefined;
  const district = DISTRICTS.find((d) => d.pcode === m.districtPcode);
  const districtName = district ? (language === "en" ? district.nameEn : district.nameAr) : null;
  const statements: MeetingDocumentInput["statements"] = [];
  for (const s of m.statements) {
    const speaker = s.speakerId ? byId.get(s.speakerId) : undefined;
    if (!speaker) continue;
    const last = statements.at(-1);
    if (last && last.speaker.name === speaker.name) last.points.push(s.text);
    else statements.push({ speaker: personOf(speaker, agencyName), points: [s.text] });
  }
  return {
    reference: m.reference,
    title: language === "en" ? (m.titleEn ?? m.titleAr) : m.titleAr,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    place: districtName ?? m.placeText,
    venue: districtName ? m.placeText : null,
    host: host
      ? personOf(host, agencyName)
      : { name: m.hostName ?? agencyName(m.hostAgencyId) ?? agencyName(m.agencyId) ?? "" },
    attendees: m.attendees.filter((a) => a.id !== m.hostAttendeeId).map((a) => personOf(a, agencyName)),
    summary: m.summary,
    agenda: m.agenda.map((a) => a.text),
    statements,
    commitments: m.commitments.map((c) => {
      const owner = c.ownerAttendeeId ? byId.get(c.ownerAttendeeId) : undefined;
      return {
        text: c.text,
        ownerAgency: agencyName(c.ownerAgencyId),
        ownerPerson: owner ? personOf(owner, agencyName) : c.ownerName ? { name: c.ownerName } : null,
        dueDate: c.dueOn,
        status: c.status,
      };
    }),
    honours: m.honours.map((h) => ({
      kind: h.kind,
      title: h.title,
      recipient: honourRecipient(h, agencyName),
      giver: honourGiver(h, agencyName),
      reason: h.reason,
    })),
  };
}

const honourRecipient = (h: Honour, agencyName: AgencyNames): DocumentPerson => ({
  name: h.recipientName,
  title: h.recipientTitle,
  body: h.recipientPersonId ? agencyName(h.recipientAgencyId) : null,
});

const honourGiver = (h: Honour, agencyName: AgencyNames): DocumentPerson | null =>
  h.giverName ? { name: h.giverName, body: agencyName(h.giverAgencyId) } : null;

/** An honour as its certificate of appreciation takes it. */
export function honourCertificateInput(
  h: Honour,
  meeting: { reference: string; titleAr: string; titleEn: string | null } | null,
  agencyName: AgencyNames,
  language: Language,
): HonourCertificateInput {
  return {
    reference: h.reference,
    kind: h.kind,
    title: h.title,
    recipient: honourRecipient(h, agencyName),
    reason: h.reason,
    date: h.awardedOn,
    giver: honourGiver(h, agencyName),
    meeting: meeting
      ? {
          reference: meeting.reference,
          title: language === "en" ? (meeting.titleEn ?? meeting.titleAr) : meeting.titleAr,
        }
      : null,
  };
}
