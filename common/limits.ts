// Limits shared by forms and API schemas: one place to change a maximum.

export const LIMITS = {
  name: 200,
  code: 32,
  username: 64,
  usernamePattern: /^[a-z0-9][a-z0-9._-]*$/,
  email: 254,
  text: 2000,
  passwordMin: 10,
  passwordMax: 256,
  pageSizeDefault: 25,
  pageSizeMax: 100,
  search: 100,
  /** Largest accepted request body, in bytes. */
  bodyBytes: 256 * 1024,
  totpCode: 6,
  /** Supporting agencies on one task. */
  supportsMax: 20,
  /** Days ahead that count as "due soon" in lists, and for the due-soon notification. */
  dueSoonDays: 7,
  dueSoonNotifyDays: 3,
  /** Largest quantity of one need, and largest unit cost (numeric(14,2) holds them and their products). */
  needQuantityMax: 1_000_000,
  needMoneyMax: 1_000_000_000,
  /** Rows read per batch when an export streams a list. */
  exportBatch: 1000,
  /** Parts of one meeting saved in one request. */
  meetingAgendaMax: 50,
  meetingAttendeesMax: 200,
  meetingStatementsMax: 500,
  meetingCommitmentsMax: 200,
  meetingHonoursMax: 50,
  /** Meetings (and commitments) in one calendar feed; the newest first. */
  calendarMax: 2000,
  /** People counted in one incident's outcome (arrests, rescued, intercepted, dead, missing). */
  incidentCountMax: 100_000,
  /** Nationalities listed in one interception's breakdown. */
  nationalitiesMax: 60,
  /** Largest quantity of one seized item, and largest estimated value in LYD. */
  seizureQuantityMax: 1_000_000_000,
  seizureValueMax: 100_000_000_000,
  /** Narratives may be long (a report's full text). */
  narrative: 10_000,
  /**
   * Coordinates accepted for an incident: Libya's land and the sea off its coast (its search-and-rescue region),
   * with a margin across the land borders.
   */
  incidentArea: { south: 18.5, north: 35.5, west: 8.5, east: 26.5 },
  /** Places on one course, sessions of one course, and marks or results sent in one request. */
  courseCapacityMax: 500,
  courseSessionsMax: 60,
  courseBatchMax: 500,
  /** Days a course may last. */
  courseDaysMax: 366,
  /** Highest score of a result (a percentage). */
  scoreMax: 100,
  /** Public certificate look-ups per address per minute (counted in the database, across instances). */
  verifyPerMinute: 20,
  /** A community report's text, a staff reply or note. */
  communityText: 4000,
  communityContact: 120,
  /** Community reports per client address per hour, and from everyone per minute (all instances). */
  communitySubmitPerHour: 10,
  communitySubmitGlobalPerMinute: 600,
  /** Tracking-code look-ups and challenges per address per minute, and from everyone per minute. */
  communityTrackPerMinute: 20,
  communityTrackGlobalPerMinute: 3000,
  communityChallengePerMinute: 30,
  /** Leading zero bits the proof of work needs (≈ 2^bits hashes: well under a second in a phone's browser). */
  communityWorkBits: 14,
  /** How long a challenge may be answered, in ms. */
  communityChallengeMs: 10 * 60_000,
  /** Rate-limit window of client addresses, in ms: the salt of their hashes lives no longer than two of these. */
  communityAddressWindowMs: 60 * 60_000,
} as const;
