// Closed lists shared by the database schema, the API schemas and the web forms.

export const AGENCY_KINDS = [
  "ministry",
  "directorate",
  "agency",
  "municipality",
  "parliament",
  "border_crossing",
  "partner",
] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

export const ROLES = ["admin", "leadership", "manager", "officer", "observer", "trainer"] as const;
export type Role = (typeof ROLES)[number];

/** Roles that must use a second factor (TOTP). */
export const ROLES_REQUIRING_TOTP: readonly Role[] = ["admin", "leadership"];

export const SENSITIVITIES = ["internal", "restricted"] as const;

/**
 * The records a restricted record's agency may share with other agencies, by one name each (the table's): the
 * visibility rule reads `record_shares` under these names. Victim referrals are never shared.
 */
export const SHARE_ENTITIES = [
  "plans",
  "tasks",
  "needs",
  "problems",
  "meetings",
  "honours",
  "incidents",
  "courses",
] as const;
export type ShareEntity = (typeof SHARE_ENTITIES)[number];
export type Sensitivity = (typeof SENSITIVITIES)[number];

export const LANGUAGES = ["ar", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

export const CALENDARS = ["gregorian", "hijri"] as const;
export type Calendar = (typeof CALENDARS)[number];

export const NUMERALS = ["latn", "arab"] as const;
export type Numerals = (typeof NUMERALS)[number];

export const TIME_ZONE = "Africa/Tripoli";

export const PLAN_STATUSES = ["draft", "active", "completed", "archived"] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const INDICATOR_DIRECTIONS = ["increase", "decrease"] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];

export const INDICATOR_FREQUENCIES = ["daily", "weekly", "monthly", "quarterly", "yearly"] as const;
export type IndicatorFrequency = (typeof INDICATOR_FREQUENCIES)[number];

/**
 * Where an indicator's values come from: `manual` measurements typed in, or computed per period of its frequency
 * from the incidents (a count or a sum of an outcome) or from a crossing's daily border reports (a sum of a figure).
 */
export const INDICATOR_SOURCES = ["manual", "incidents", "border"] as const;
export type IndicatorSource = (typeof INDICATOR_SOURCES)[number];
/** What an incidents-computed indicator adds up: the incidents themselves, or one outcome of each. */
export const INCIDENT_MEASURES = [
  "count",
  "arrests",
  "rescued",
  "intercepted",
  "dead",
  "missing",
  "withSeizures",
] as const;
export type IncidentMeasure = (typeof INCIDENT_MEASURES)[number];

export const TASK_STATUSES = ["todo", "in_progress", "blocked", "done", "cancelled"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
/** Statuses of work still to be done: the ones that can fall due. */
export const OPEN_TASK_STATUSES = ["todo", "in_progress", "blocked"] as const;

export const TASK_PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

export const CONTRIBUTION_STATUSES = ["todo", "in_progress", "blocked", "done"] as const;
export type ContributionStatus = (typeof CONTRIBUTION_STATUSES)[number];

export const TASK_UPDATE_KINDS = [
  "created",
  "comment",
  "status",
  "reassign",
  "contribution",
  "progress",
  "edit",
] as const;
export type TaskUpdateKind = (typeof TASK_UPDATE_KINDS)[number];

export const NOTIFICATION_KINDS = [
  "task_assigned",
  "contribution_asked",
  "task_due_soon",
  "task_overdue",
  "task_status",
  "commitment_assigned",
  "commitment_due_soon",
  "commitment_overdue",
  "commitment_status",
  "nomination_accepted",
  "nomination_waitlisted",
  "nomination_declined",
  "nomination_promoted",
  "course_cancelled",
  "community_report_new",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
// Needs and shortfalls register.
export const NEED_CATEGORIES = [
  "personnel",
  "vehicles",
  "equipment",
  "communications_it",
  "buildings_infrastructure",
  "training",
  "legislation",
  "other",
] as const;
export type NeedCategory = (typeof NEED_CATEGORIES)[number];

export const NEED_PRIORITIES = ["critical", "high", "medium", "low"] as const;
export type NeedPriority = (typeof NEED_PRIORITIES)[number];

export const NEED_STATUSES = [
  "draft",
  "submitted",
  "endorsed",
  "under_review",
  "approved",
  "rejected",
  "in_progress",
  "fulfilled",
  "partially_fulfilled",
] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];

/** The workflow steps a person takes (fulfilment by deliveries is automatic). */
export const NEED_ACTIONS = [
  "submit",
  "endorse",
  "review",
  "approve",
  "reject",
  "start",
  "close_partial",
  "reopen",
] as const;
export type NeedAction = (typeof NEED_ACTIONS)[number];

export const CURRENCIES = ["LYD", "USD", "EUR"] as const;
export type Currency = (typeof CURRENCIES)[number];

export const PROBLEM_IMPACTS = ["critical", "high", "medium", "low"] as const;
export type ProblemImpact = (typeof PROBLEM_IMPACTS)[number];

export const PROBLEM_STATUSES = ["open", "converted", "closed"] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];

// Meetings, commitments and honours.
export const ATTENDEE_ROLES = ["host", "attendee"] as const;
export type AttendeeRole = (typeof ATTENDEE_ROLES)[number];

/** open → in_progress → done | dropped (dropping needs a reason; reopening goes back to open). */
export const COMMITMENT_STATUSES = ["open", "in_progress", "done", "dropped"] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];
/** Statuses of a commitment still to be kept: the ones that can fall due. */
export const OPEN_COMMITMENT_STATUSES = ["open", "in_progress"] as const;

export const COMMITMENT_ACTIONS = ["start", "complete", "drop", "reopen"] as const;
export type CommitmentAction = (typeof COMMITMENT_ACTIONS)[number];

/** What a commitment is about (the extractor proposes one; converting to a need takes its category from it). */
export const COMMITMENT_TOPICS = ["legislation", "needs", "training", "support", "plan", "other"] as const;
export type CommitmentTopic = (typeof COMMITMENT_TOPICS)[number];

export const HONOUR_KINDS = ["shield", "certificate", "medal", "other"] as const;
export type HonourKind = (typeof HONOUR_KINDS)[number];

// Incidents, seizures and victim referrals.
/** The groups incident types fall into (types themselves are records: seeded, admin-editable). */
export const INCIDENT_TYPE_GROUPS = [
  "smuggling",
  "human_trafficking",
  "migrant_smuggling",
  "irregular_migration",
  "crime",
  "border_violation",
  "other",
] as const;
export type IncidentTypeGroup = (typeof INCIDENT_TYPE_GROUPS)[number];
/** Groups whose incidents may carry a victim protection referral. */
export const REFERRAL_TYPE_GROUPS: readonly IncidentTypeGroup[] = [
  "human_trafficking",
  "migrant_smuggling",
  "irregular_migration",
];

/** open → under investigation → referred to prosecution → closed (closing and reopening need a reason). */
export const INCIDENT_STATUSES = [
  "open",
  "under_investigation",
  "referred_to_prosecution",
  "closed",
] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export const INCIDENT_ACTIONS = ["investigate", "refer", "close", "reopen"] as const;
export type IncidentAction = (typeof INCIDENT_ACTIONS)[number];

/** Where an incident came from: typed in Tansiq, or imported from a source file (kept with the source's id). */
export const INCIDENT_SOURCES = ["tansiq", "acled", "iom", "community"] as const;
export type IncidentSource = (typeof INCIDENT_SOURCES)[number];

export const INCIDENT_SORTS = ["occurred_desc", "occurred_asc", "reported_desc"] as const;
export type IncidentSort = (typeof INCIDENT_SORTS)[number];

export const SEIZURE_ITEMS = ["fuel", "vehicles", "weapons", "ammunition", "drugs", "cash", "goods"] as const;
export type SeizureItem = (typeof SEIZURE_ITEMS)[number];
export const SEIZURE_UNITS = [
  "litre",
  "vehicle",
  "piece",
  "round",
  "kg",
  "gram",
  "tablet",
  "tonne",
  "carton",
  "amount",
] as const;
export type SeizureUnit = (typeof SEIZURE_UNITS)[number];
/** The units each item is counted in (cash is an amount in the currency named as its kind). */
export const SEIZURE_ITEM_UNITS: Record<SeizureItem, readonly SeizureUnit[]> = {
  fuel: ["litre"],
  vehicles: ["vehicle"],
  weapons: ["piece"],
  ammunition: ["round"],
  drugs: ["kg", "gram", "tablet"],
  cash: ["amount"],
  goods: ["piece", "kg", "tonne", "carton"],
};
export const DRUG_KINDS = ["cannabis", "tramadol", "captagon", "cocaine", "heroin", "other"] as const;
export type DrugKind = (typeof DRUG_KINDS)[number];
export const CASH_CURRENCIES = ["LYD", "USD", "EUR", "EGP", "TND", "DZD", "SDG"] as const;
export type CashCurrency = (typeof CASH_CURRENCIES)[number];
export const CUSTODY_STATUSES = ["held", "handed_over", "returned", "destroyed"] as const;
export type CustodyStatus = (typeof CUSTODY_STATUSES)[number];

export const REFERRAL_STATUSES = ["in_progress", "accepted", "declined", "done"] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
// Training courses and workshops.
export const TRAINING_KINDS = ["course", "workshop"] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];

/** The specialised topics the ministry trains in (labels in `enums.trainingTopic`). */
export const TRAINING_TOPICS = [
  "anti_smuggling",
  "trafficking_victims",
  "border_documents",
  "criminal_investigation",
  "crime_scene",
  "human_rights",
  "community_policing",
  "first_aid",
  "driving",
  "weapons",
] as const;
export type TrainingTopic = (typeof TRAINING_TOPICS)[number];

/** Who gives the course: the ministry's training department, another agency, or a partner. */
export const TRAINING_PROVIDERS = ["ministry", "agency", "partner"] as const;
export type TrainingProvider = (typeof TRAINING_PROVIDERS)[number];

/** planned → open (for nominations) → in_progress → completed; any but completed → cancelled (with a reason). */
export const COURSE_STATUSES = ["planned", "open", "in_progress", "completed", "cancelled"] as const;
export type CourseStatus = (typeof COURSE_STATUSES)[number];
export const COURSE_ACTIONS = ["open", "start", "complete", "cancel"] as const;
export type CourseAction = (typeof COURSE_ACTIONS)[number];

/** A nomination: nominated → accepted | waitlisted | declined; withdrawn by the agency; a freed place promotes. */
export const NOMINATION_STATUSES = ["nominated", "accepted", "waitlisted", "declined", "withdrawn"] as const;
export type NominationStatus = (typeof NOMINATION_STATUSES)[number];
export const NOMINATION_DECISIONS = ["accept", "waitlist", "decline"] as const;
export type NominationDecision = (typeof NOMINATION_DECISIONS)[number];

export const ATTENDANCE_MARKS = ["present", "late", "absent", "excused"] as const;
export type AttendanceMark = (typeof ATTENDANCE_MARKS)[number];

export const TRAINING_OUTCOMES = ["pass", "fail"] as const;
export type TrainingOutcome = (typeof TRAINING_OUTCOMES)[number];

/** A border crossing's daily report covers one shift; three a day at most. */
export const BORDER_SHIFTS = ["morning", "evening", "night"] as const;
export type BorderShift = (typeof BORDER_SHIFTS)[number];
/** draft → submitted → approved (the day is locked); a submitted report may be returned to draft with a reason. */
export const BORDER_REPORT_STATUSES = ["draft", "submitted", "approved"] as const;
export type BorderReportStatus = (typeof BORDER_REPORT_STATUSES)[number];
export const BORDER_REPORT_ACTIONS = ["submit", "approve", "return"] as const;
export type BorderReportAction = (typeof BORDER_REPORT_ACTIONS)[number];
/**
 * The figures of a shift. People are counted once each, by nationality (Libyan or foreign) and direction;
 * trucks are vehicles too (trucks in ≤ vehicles in); persons handed over come from those intercepted.
 */
export const BORDER_FIGURES = [
  "arrivalsLibyan",
  "arrivalsForeign",
  "departuresLibyan",
  "departuresForeign",
  "vehiclesIn",
  "vehiclesOut",
  "trucksIn",
  "trucksOut",
  "refusedEntries",
  "migrantsIntercepted",
  "personsHandedOver",
] as const;
export type BorderFigure = (typeof BORDER_FIGURES)[number];

// Community reports (the public page at /report): what a resident may report, and the life of a report in the inbox.
export const COMMUNITY_CATEGORIES = [
  "smuggling",
  "trafficking",
  "weapons",
  "drugs",
  "missing_person",
  "threat",
  "other",
] as const;
export type CommunityCategory = (typeof COMMUNITY_CATEGORIES)[number];
/** new → assigned (to an agency) → converted (to an incident) or closed (with an outcome); duplicates close. */
export const COMMUNITY_STATUSES = ["new", "assigned", "converted", "closed"] as const;
export type CommunityStatus = (typeof COMMUNITY_STATUSES)[number];
export const COMMUNITY_OUTCOMES = [
  "action_taken",
  "referred",
  "no_action",
  "insufficient_information",
  "duplicate",
  "false_report",
] as const;
export type CommunityOutcome = (typeof COMMUNITY_OUTCOMES)[number];
/** When it happened, as a resident can say it. */
export const COMMUNITY_WHEN = ["now", "today", "yesterday", "this_week", "earlier"] as const;
export type CommunityWhen = (typeof COMMUNITY_WHEN)[number];
export const COMMUNITY_MESSAGE_KINDS = ["reply", "note"] as const;
export type CommunityMessageKind = (typeof COMMUNITY_MESSAGE_KINDS)[number];
export const COMMUNITY_ACTIONS = [
  "assign",
  "reply",
  "note",
  "markDuplicate",
  "convert",
  "close",
  "seeContact",
] as const;
export type CommunityAction = (typeof COMMUNITY_ACTIONS)[number];
