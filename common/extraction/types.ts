// What an extractor proposes from the text of a meeting report. Every item keeps its source span
// [start, end) in the original text so the review page can highlight it. Nothing here is saved: a
// person reviews, corrects and saves.

export type Span = { start: number; end: number };

export type Weekday = "sunday" | "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday";
export type PartOfDay = "morning" | "noon" | "afternoon" | "evening" | "night";

export type ProposedPerson = {
  /** Stable within one proposal: "p1", "p2" … */
  id: string;
  /** The name exactly as written in the text, or null when only a title is given. */
  name: string | null;
  /** Position as written, e.g. "وزير الداخلية", "عميد البلدية", "مدير أمن طبرق". */
  title: string | null;
  /** Military or civil rank as written without the article, e.g. "لواء". */
  rank: string | null;
  /** The body the person belongs to when written beside the title, e.g. "الحكومة الليبية". */
  body: string | null;
  role: "host" | "attendee";
  span: Span;
};

export type ProposedSentence = { text: string; span: Span };

export type ProposedStatement = {
  /** Proposal person id, or null when the speaker could not be resolved. */
  speakerId: string | null;
  /** The words that named the speaker where the statement starts, e.g. "عميد بلدية طبرق". */
  speakerText: string | null;
  sentences: ProposedSentence[];
  span: Span;
};

export type CommitmentTopic = "legislation" | "needs" | "training" | "support" | "plan" | "other";

export type ProposedCommitment = {
  text: string;
  ownerPersonId: string | null;
  /** A body named as owner inside the text ("استعداد مجلس النواب"), when there is one. */
  ownerBody: string | null;
  /** YYYY-MM-DD when the text names a deadline or a period («بحلول 31 مارس 2024», «خلال شهر»). */
  dueOn: string | null;
  topic: CommitmentTopic;
  /** The word that marked it: "استعداد", "سيتم", "ستشهد", "تقرر" … */
  marker: string;
  span: Span;
};

export type HonourKind = "shield" | "certificate" | "medal" | "other";

export type ProposedHonour = {
  kind: HonourKind;
  /** e.g. "درع التمييز كأفضل شخصية لعام 2023", or the bare kind word ("درعًا آخر"). */
  title: string;
  recipientPersonId: string | null;
  recipientText: string;
  giverPersonId: string | null;
  giverText: string | null;
  reason: string | null;
  span: Span;
};

export type ProposedDate = {
  weekday: Weekday | null;
  partOfDay: PartOfDay | null;
  /** YYYY-MM-DD when it could be resolved (explicit date, or relative words + publication date). */
  date: string | null;
  span: Span;
};

export type ProposedPlace = {
  /** As written, e.g. "طبرق". */
  text: string;
  /** Gazetteer district when the place is one (or lies in one). */
  districtPcode: string | null;
  nameEn: string | null;
  /** A venue when written ("مقر مديرية أمن طبرق"). */
  venue: string | null;
  span: Span;
};

export type MeetingProposal = {
  title: string;
  date: ProposedDate | null;
  place: ProposedPlace | null;
  host: ProposedPerson | null;
  /** Host first, then attendees in order of the text. */
  people: ProposedPerson[];
  agenda: ProposedSentence[];
  statements: ProposedStatement[];
  commitments: ProposedCommitment[];
  honours: ProposedHonour[];
};

export type ExtractionWarning =
  | "no_date"
  | "no_place"
  | "no_host"
  | "no_attendees"
  | "weekday_mismatch"
  | "unresolved_speaker"
  | "unresolved_recipient";

export type ExtractionErrorCode =
  "extraction_empty" | "extraction_not_arabic" | "extraction_too_long" | "extraction_no_meeting";

export type ExtractionResult =
  | { ok: true; proposal: MeetingProposal; warnings: ExtractionWarning[] }
  | { ok: false; error: ExtractionErrorCode };

export type ExtractOptions = {
  /** Publication date of the report, YYYY-MM-DD (Africa/Tripoli), to resolve "اليوم", "أمس" … */
  publicationDate?: string | null;
};

/** The seam: a stronger extractor (a model, a service) can replace the rule-based one. */
export type MeetingExtractor = {
  readonly name: string;
  extract(text: string, options?: ExtractOptions): ExtractionResult;
};
