// What an audit event says, as a sentence in the reader's language: who did what to which record, and which
// fields changed from what to what. Internal names (actions, tables, ids, raw JSON) never reach the reader.

/** The catalogue lookup of the caller (i18next's `t` on the web); returns undefined for a missing key. */
export type Translate = (key: string, vars?: Record<string, string>) => string | undefined;

export type DescribableEvent = {
  actorLabel: string;
  actorName?: { ar: string; en: string } | null;
  action: string;
  entity: string;
  before: unknown;
  after: unknown;
};

export type EventDescription = {
  actor: string;
  sentence: string;
  changes: { field: string; from: string; to: string }[];
  /** For a new record: its fields as first written. */
  fields: { field: string; value: string }[];
};

/** Every kind of record the audit log names, as `recordEvent` writes it; the entity filter offers these. */
export const AUDIT_ENTITIES = [
  "plan",
  "objective",
  "indicator",
  "task",
  "needs",
  "need_pledges",
  "need_deliveries",
  "problems",
  "meetings",
  "commitments",
  "honours",
  "agencies",
  "users",
  "personnel",
  "crossings",
  "border_reports",
  "report_subscriptions",
] as const;

// Fields whose value is one of a closed list: field → catalogue of its values (per entity where they differ).
const STATUS_LISTS: Record<string, string> = {
  plan: "enums.planStatus",
  task: "enums.taskStatus",
  commitments: "enums.commitmentStatus",
  needs: "needs.status",
  problems: "problems.status",
  incidents: "incidents.status",
  victim_referrals: "incidents.referralStatus",
  courses: "enums.courseStatus",
  nominations: "enums.nominationStatus",
  border_reports: "enums.borderReportStatus",
  community_reports: "enums.communityStatus",
};
const VALUE_LISTS: Record<string, string> = {
  priority: "enums.priority",
  sensitivity: "enums.sensitivity",
  role: "enums.role",
  language: "enums.language",
  calendar: "enums.calendar",
  numerals: "enums.numerals",
  kind: "enums.honourKind",
  category: "needs.category",
  direction: "enums.direction",
  frequency: "enums.frequency",
  custodyStatus: "incidents.custody",
};
// Bookkeeping every row carries; never a change a reader needs to see.
const SKIPPED = new Set(["id", "createdAt", "updatedAt", "createdBy", "updatedBy", "searchKey", "version"]);

/** The record's readable reference (TSK-2026-000004) or, failing that, its title or name. */
function recordName(snapshot: unknown, language: "ar" | "en"): string | null {
  if (!snapshot || typeof snapshot !== "object") return null;
  const s = snapshot as Record<string, unknown>;
  if (typeof s.reference === "string") return s.reference;
  const title = language === "ar" ? (s.titleAr ?? s.nameAr ?? s.displayNameAr) : (s.titleEn ?? s.nameEn);
  const any = title ?? s.titleAr ?? s.nameAr ?? s.name ?? s.username;
  return typeof any === "string" && any !== "" ? `«${any}»` : null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One field's value for a reader: catalogue values translated, ids named through `nameOf` (or left out),
 * no JSON. Returns null for a value a reader cannot use.
 */
function showValue(
  field: string,
  value: unknown,
  entity: string,
  t: Translate,
  nameOf: (field: string, id: string) => string | null,
): string | null {
  if (value === null || value === undefined || value === "") return t("common.none") ?? "—";
  if (typeof value === "boolean") return t(value ? "common.yes" : "common.no") ?? String(value);
  if (typeof value === "number") return String(value);
  // A list (the agencies a record is shared with): each item as a value; items the reader cannot name are left out.
  if (Array.isArray(value)) {
    const items = value.map((item) =>
      typeof item === "string" ? showValue(field, item, entity, t, nameOf) : null,
    );
    const shown = items.filter((item): item is string => item !== null && item !== (t("common.none") ?? "—"));
    return shown.length > 0 ? shown.join(t("audit.listSeparator") ?? ", ") : (t("common.none") ?? "—");
  }
  if (typeof value !== "string") return null;
  if (UUID.test(value)) return nameOf(field, value);
  const list = field === "status" ? STATUS_LISTS[entity] : VALUE_LISTS[field];
  if (list) return t(`${list}.${value}`) ?? value;
  return value;
}

/** The fields that changed between two snapshots, each named and shown in the reader's language. */
function changesOf(
  event: DescribableEvent,
  t: Translate,
  nameOf: (field: string, id: string) => string | null,
): EventDescription["changes"] {
  const before = (event.before ?? {}) as Record<string, unknown>;
  const after = (event.after ?? {}) as Record<string, unknown>;
  if (typeof before !== "object" || typeof after !== "object" || !event.before || !event.after) return [];
  const changes: EventDescription["changes"] = [];
  for (const field of Object.keys(after)) {
    if (SKIPPED.has(field) || !(field in before)) continue;
    if (JSON.stringify(before[field]) === JSON.stringify(after[field])) continue;
    const label = t(`fields.${field}`);
    const from = showValue(field, before[field], event.entity, t, nameOf);
    const to = showValue(field, after[field], event.entity, t, nameOf);
    // (a change the reader cannot see, as between two agencies hidden from them, is no change to them)
    if (label && from !== null && to !== null && from !== to) changes.push({ field: label, from, to });
  }
  return changes;
}

/** The fields of a record as first written (an event with no `before`). */
function fieldsOf(
  event: DescribableEvent,
  t: Translate,
  nameOf: (field: string, id: string) => string | null,
): EventDescription["fields"] {
  if (event.before || !event.after || typeof event.after !== "object") return [];
  const fields: EventDescription["fields"] = [];
  for (const [field, raw] of Object.entries(event.after as Record<string, unknown>)) {
    if (SKIPPED.has(field) || raw === null || raw === "") continue;
    const label = t(`fields.${field}`);
    const value = showValue(field, raw, event.entity, t, nameOf);
    if (label && value !== null) fields.push({ field: label, value });
  }
  return fields;
}

/** Who did it: the person's name, a named automatic process, or the account name as a last resort. */
export function actorOf(
  event: Pick<DescribableEvent, "actorLabel" | "actorName">,
  t: Translate,
  language: "ar" | "en",
): string {
  if (event.actorName) return event.actorName[language] || event.actorName.ar;
  return t(`audit.systemActors.${event.actorLabel}`) ?? event.actorLabel;
}

export function describeEvent(
  event: DescribableEvent,
  t: Translate,
  language: "ar" | "en",
  nameOf: (field: string, id: string) => string | null = () => null,
): EventDescription {
  const actor = actorOf(event, t, language);
  const action = t(`auditActions.${event.action}`) ?? t("audit.unknownAction") ?? "";
  const record = recordName(event.after, language) ?? recordName(event.before, language);
  const changes = changesOf(event, t, nameOf);
  let what = record ? `${action} ${record}` : action;
  // A few changes read as part of the sentence; more are listed under it.
  if (changes.length > 0 && changes.length <= 2)
    what += ` — ${changes.map((c) => t("audit.change", c) ?? `${c.field}: ${c.from} → ${c.to}`).join("، ")}`;
  const sentence = t("audit.sentence", { actor, what }) ?? `${actor}: ${what}`;
  return { actor, sentence, changes, fields: fieldsOf(event, t, nameOf) };
}
