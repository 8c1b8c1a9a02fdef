// Plain shapes of a meeting as documents see it (press release, minutes, certificate). They are not the
// API records: a route maps its records onto them, so the documents depend on nothing else.

import type { HonourKind } from "../extraction/types";

export type { HonourKind };

export type Gender = "male" | "female";

/** A person as a document names them: "وزير الداخلية بالحكومة الليبية، اللواء عصام أبوزريبة". */
export type DocumentPerson = {
  /** As written, e.g. "عصام أبوزريبة". */
  name: string;
  /** Position, e.g. "وزير الداخلية", "عضو مجلس النواب عن دائرة طبرق". */
  title?: string | null;
  /** Rank or honorific without the article, e.g. "لواء". */
  rank?: string | null;
  /** The body the title belongs to when it is not part of the title, e.g. "الحكومة الليبية". */
  body?: string | null;
  /** For the agreement of verbs and pronouns; male when not given. */
  gender?: Gender | null;
};

/** What one speaker said: each point is what they stressed, e.g. "على ضرورة تعزيز العمل الأمني". */
export type DocumentStatement = {
  speaker: DocumentPerson;
  /**
   * Complements of a speech verb ("على ضرورة …", "أن …", "إلى …"), or whole clauses that start with one
   * ("أشار إلى …", "وشدد على …"), in which case the verb is kept.
   */
  points: string[];
};

export const DOCUMENT_COMMITMENT_STATUSES = ["open", "in_progress", "done", "dropped"] as const;
export type DocumentCommitmentStatus = (typeof DOCUMENT_COMMITMENT_STATUSES)[number];

/** A decision or a pledge made at the meeting, e.g. "وضع خطة شاملة لمكافحة التهريب بمعبر أمساعد". */
export type DocumentCommitment = {
  text: string;
  /** The agency that owns it, e.g. "مديرية أمن طبرق". */
  ownerAgency?: string | null;
  /** The person who owns it (or made the pledge). */
  ownerPerson?: DocumentPerson | null;
  /** Calendar day, YYYY-MM-DD. */
  dueDate?: string | null;
  status: DocumentCommitmentStatus;
};

export type DocumentHonour = {
  kind: HonourKind;
  /** e.g. "درع التميز كأفضل شخصية لعام 2023"; may start with the kind's word or not. */
  title: string;
  recipient: DocumentPerson;
  giver?: DocumentPerson | null;
  /** e.g. "تقديرًا لجهوده في دعم العمل الأمني" or "لجهوده في دعم العمل الأمني". */
  reason?: string | null;
};

export type MeetingDocumentInput = {
  /** e.g. "MTG-2026-000007". */
  reference?: string | null;
  title: string;
  /** The instant it started (ISO string or Date); shown in Africa/Tripoli time. */
  startsAt: string | Date;
  endsAt?: string | Date | null;
  /** Town or city as written, e.g. "طبرق". */
  place?: string | null;
  /** Building or office, e.g. "مقر مديرية أمن طبرق". */
  venue?: string | null;
  host: DocumentPerson;
  /** Named attendees, in the order to cite them (the host is not repeated here). */
  attendees: DocumentPerson[];
  /** Others present without names, e.g. "عدد من مدراء الإدارات ورؤساء الأجهزة الأمنية". */
  othersPresent?: string | null;
  summary?: string | null;
  /** Topics, e.g. "الأوضاع الأمنية في مدينة طبرق وسبل تحسينها". */
  agenda?: string[];
  statements?: DocumentStatement[];
  commitments?: DocumentCommitment[];
  honours?: DocumentHonour[];
};
