import ExcelJS from "exceljs";
import { and, inArray } from "drizzle-orm";
import { DISTRICTS } from "../../../common/districts";
import type { Language } from "../../../common/enums";
import type { Actor } from "../../authz/actor";
import type { Db } from "../../db/client";
import { translate } from "../../http/i18n";
import { needs, needsVisibleTo } from "../needs";
import { tasks, tasksVisibleTo } from "../tasks";
import { agencyNamesFor } from "./meetings.documents";
import type { MeetingParts } from "./meetings.queries";
import type { MeetingRow } from "./meetings.table";

type Cell = string | number | null;

const tripoliTime = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Africa/Tripoli",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});
const localTime = (at: Date | null) => (at ? tripoliTime.format(at).replace(", ", " ") : "");

async function namesOf(db: Db, actor: Actor, parts: MeetingParts, meeting: MeetingRow, language: Language) {
  const taskIds = parts.commitments.flatMap((c) => (c.taskId ? [c.taskId] : []));
  const needIds = parts.commitments.flatMap((c) => (c.needId ? [c.needId] : []));
  const [agency, taskRows, needRows] = await Promise.all([
    agencyNamesFor(
      db,
      [
        meeting.agencyId,
        meeting.hostAgencyId,
        ...parts.attendees.map((a) => a.agencyId),
        ...parts.commitments.map((c) => c.ownerAgencyId),
      ],
      language,
    ),
    taskIds.length
      ? db
          .select({ id: tasks.id, reference: tasks.reference })
          .from(tasks)
          .where(and(inArray(tasks.id, taskIds), tasksVisibleTo(actor)))
      : [],
    needIds.length
      ? db
          .select({ id: needs.id, reference: needs.reference })
          .from(needs)
          .where(and(inArray(needs.id, needIds), needsVisibleTo(actor)))
      : [],
  ]);
  const references = new Map([...taskRows, ...needRows].map((r) => [r.id, r.reference]));
  return {
    agency: (id: string | null) => agency(id) ?? "",
    reference: (id: string | null) => (id ? (references.get(id) ?? "") : ""),
  };
}

/**
 * The minutes of a meeting as an Excel workbook: the meeting, its attendees, statements, commitments (where each
 * stands) and honours, one sheet each, right to left with Arabic headers in Arabic.
 */
export async function meetingMinutesXlsx(
  db: Db,
  actor: Actor,
  meeting: MeetingRow,
  parts: MeetingParts,
  language: Language,
): Promise<Buffer> {
  const t = (key: string) => translate(language, key);
  const names = await namesOf(db, actor, parts, meeting, language);
  const attendeeName = new Map(parts.attendees.map((a) => [a.id, a.name]));
  const host = parts.attendees.find((a) => a.role === "host");
  const district = DISTRICTS.find((d) => d.pcode === meeting.districtPcode);

  const book = new ExcelJS.Workbook();
  book.creator = "Tansiq";
  const sheet = (key: string, columns: [header: string, width: number][], rows: Cell[][]) => {
    const ws = book.addWorksheet(t(`meetings.sheets.${key}`).slice(0, 31), {
      views: [{ rightToLeft: language === "ar", state: "frozen", ySplit: 1 }],
    });
    ws.columns = columns.map(([, width]) => ({ width }));
    const head = ws.addRow(columns.map(([header]) => t(`meetings.columns.${header}`)));
    head.font = { bold: true };
    for (const row of rows) ws.addRow(row).alignment = { wrapText: true, vertical: "top" };
  };

  sheet(
    "meeting",
    [
      ["field", 24],
      ["value", 80],
    ],
    [
      [t("meetings.reference"), meeting.reference],
      [
        t("meetings.meetingTitle"),
        language === "en" ? (meeting.titleEn ?? meeting.titleAr) : meeting.titleAr,
      ],
      [t("meetings.startsAt"), localTime(meeting.startsAt)],
      [t("meetings.endsAt"), localTime(meeting.endsAt)],
      [
        t("fields.placeText"),
        [meeting.placeText, district ? (language === "en" ? district.nameEn : district.nameAr) : null]
          .filter(Boolean)
          .join("، "),
      ],
      [t("meetings.host"), host ? [host.title, host.name].filter(Boolean).join(" ") : ""],
      [t("meetings.hostAgency"), names.agency(meeting.hostAgencyId ?? host?.agencyId ?? null)],
      [t("meetings.agency"), names.agency(meeting.agencyId)],
      [t("meetings.sensitivity"), t(`enums.sensitivity.${meeting.sensitivity}`)],
      [t("meetings.summary"), meeting.summary ?? ""],
      ...parts.agenda.map((a, i): Cell[] => [i === 0 ? t("meetings.agenda") : "", `${i + 1}. ${a.text}`]),
    ],
  );
  sheet(
    "attendees",
    [
      ["position", 6],
      ["name", 28],
      ["title", 36],
      ["rank", 12],
      ["affiliation", 30],
      ["role", 12],
    ],
    parts.attendees.map((a, i) => [
      i + 1,
      a.name,
      a.title ?? "",
      a.rank ?? "",
      a.affiliation ?? names.agency(a.agencyId),
      t(`enums.attendeeRole.${a.role}`),
    ]),
  );
  sheet(
    "statements",
    [
      ["position", 6],
      ["speaker", 28],
      ["topic", 20],
      ["text", 90],
    ],
    parts.statements.map((s, i) => [
      i + 1,
      s.speakerId ? (attendeeName.get(s.speakerId) ?? "") : "",
      s.topic ?? "",
      s.text,
    ]),
  );
  sheet(
    "commitments",
    [
      ["reference", 18],
      ["text", 70],
      ["owner", 24],
      ["ownerAgency", 30],
      ["dueOn", 12],
      ["status", 14],
      ["task", 18],
      ["need", 18],
    ],
    parts.commitments.map((c) => [
      c.reference,
      c.text,
      c.ownerName ?? "",
      names.agency(c.ownerAgencyId),
      c.dueOn ?? "",
      t(`enums.commitmentStatus.${c.status}`),
      names.reference(c.taskId),
      names.reference(c.needId),
    ]),
  );
  sheet(
    "honours",
    [
      ["reference", 18],
      ["kind", 14],
      ["title", 40],
      ["recipient", 28],
      ["giver", 28],
      ["reason", 40],
      ["awardedOn", 12],
    ],
    parts.honours.map((h) => [
      h.reference,
      t(`enums.honourKind.${h.kind}`),
      h.title,
      [h.recipientTitle, h.recipientName].filter(Boolean).join(" "),
      h.giverName ?? "",
      h.reason ?? "",
      h.awardedOn,
    ]),
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}
