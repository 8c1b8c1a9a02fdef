import { readFileSync } from "node:fs";
import { eq, inArray } from "drizzle-orm";
import { addDays, zonedDay } from "../../common/dates";
import type { CommitmentStatus } from "../../common/enums";
import { MeetingCreateBody } from "../../common/schemas/meetings";
import type { Ctx } from "../authz/actor";
import type { Db } from "../db/client";
import {
  commitments,
  completeLinkedCommitments,
  convertCommitmentToTask,
  createHonour,
  createMeeting,
  linkCommitmentToNeed,
  loadCommitment,
} from "../features/meetings";
import { tasks } from "../features/tasks";
import { needs } from "../features/needs";
import { personnel } from "../features/personnel";

// The Tobruk meeting of the press release, saved as the review page would save it, and two later meetings whose
// commitments are being followed up (some overdue). Run inside seedDemo's transaction, after the needs.

const TOBRUK_REPORT = readFileSync(
  new URL("../../common/extraction/fixtures/00-tobruk-security-meeting.ar.txt", import.meta.url),
  "utf8",
);

const asUser = (ctx: Ctx, username: string): Ctx => ({ ...ctx, actorLabel: username });

export async function seedDemoMeetings(tx: Db, ctx: Ctx, agencyIdsByCode: Map<string, string>) {
  const id = (code: string) => {
    const value = agencyIdsByCode.get(code);
    if (!value) throw new Error(`demo agency ${code} missing`);
    return value;
  };
  const people = new Map(
    (await tx.select({ id: personnel.id, nameAr: personnel.nameAr }).from(personnel)).map((p) => [
      p.nameAr,
      p.id,
    ]),
  );
  const person = (name: string) => {
    const value = people.get(name);
    if (!value) throw new Error(`demo person ${name} missing`);
    return value;
  };
  const needByTitle = async (title: string) => {
    const [row] = await tx.select({ id: needs.id }).from(needs).where(eq(needs.title, title));
    if (!row) throw new Error(`demo need ${title} missing`);
    return row.id;
  };
  const commitmentsOf = async (meetingId: string) =>
    tx.select().from(commitments).where(eq(commitments.meetingId, meetingId)).orderBy(commitments.position);
  const setStatus = async (ids: string[], status: CommitmentStatus, reason: string | null = null) =>
    tx.update(commitments).set({ status, statusReason: reason }).where(inArray(commitments.id, ids));

  // 1. The press release's meeting (Sunday morning, 14 January 2024, in Tobruk).
  const director = asUser(ctx, "director.tobruk");
  const tobruk = await createMeeting(
    tx,
    director,
    MeetingCreateBody.parse({
      agencyId: id("TBK-SD"),
      hostAgencyId: id("MOI"),
      titleAr: "اجتماع وزير الداخلية في طبرق",
      titleEn: "The Interior Minister's meeting in Tobruk",
      startsAt: "2024-01-14T09:00:00+02:00",
      endsAt: "2024-01-14T11:30:00+02:00",
      districtPcode: "LY0104",
      placeText: "طبرق",
      summary:
        "مناقشة الأوضاع الأمنية في مدينة طبرق وسبل تحسينها من خلال آلية لتنفيذ خطط أمنية محددة وتعزيز التنسيق بين الأجهزة الأمنية، واستعراض المشاكل والصعوبات وتحديد الاحتياجات والنواقص.",
      sourceText: TOBRUK_REPORT,
      agenda: [
        "مناقشة الأوضاع الأمنية في مدينة طبرق والتركيز على تحسينها من خلال آلية تنفيذ خطط أمنية محددة وتعزيز التنسيق بين الأجهزة الأمنية المختلفة",
        "استعراض المشاكل والصعوبات التي تواجه عمل الجهات التابعة لوزارة الداخلية وتحديد الاحتياجات والنواقص",
      ],
      attendees: [
        {
          key: "minister",
          personnelId: person("عصام أبوزريبة"),
          affiliation: "الحكومة الليبية",
          role: "host",
        },
        { key: "works", personnelId: person("ناصر شرح البال") },
        { key: "isa", personnelId: person("أسامة الدرسي") },
        { key: "mp", personnelId: person("الصالحين عبد النبي") },
        { key: "mayor", personnelId: person("فرج الخطابية") },
        { key: "director", personnelId: person("موسى البدين") },
        { key: "heads", name: "عدد من مدراء الإدارات ورؤساء الأجهزة الأمنية" },
      ],
      statements: [
        {
          speakerKey: "mayor",
          topic: "منفذ أمساعد",
          text: "أكد على ضرورة تعزيز العمل الأمني في المنطقة، خاصة فيما يتعلق بمعبر أمساعد الحدودي، ووضع خطة شاملة لمكافحة عمليات التهريب والاتجار بالبشر.",
        },
        {
          speakerKey: "mp",
          text: "أكد على ضرورة مكافحة الجريمة والهجرة غير الشرعية وعمليات التهريب.",
        },
        {
          speakerKey: "mp",
          topic: "التدريب",
          text: "أشار إلى ضرورة تكثيف الدورات التدريبية وورش العمل المختصة بالعمل الأمني.",
        },
        {
          speakerKey: "mp",
          topic: "التشريعات",
          text: "أعرب عن استعداد مجلس النواب لوضع وتشريع القوانين التي تعزز وتطور العمل الأمني.",
        },
        {
          speakerKey: "isa",
          text: "أكد أن طبرق تعتبر مدينة مهمة جدًا كمدخل للمنطقة الشرقية، وأن جهاز الأمن الداخلي يعمل بكامل طاقته بالتنسيق مع جميع الجهات المعنية للحفاظ على الأمن والاستقرار.",
        },
        {
          speakerKey: "isa",
          text: "أشار إلى أن الأيام القادمة ستشهد دعمًا غير مسبوق في العمل الأمني بالمنطقة.",
        },
        {
          speakerKey: "minister",
          text: "أكد أن الزيارة جاءت للاطلاع على الوضع الأمني في طبرق، وأن المدينة تعتبر صمام الأمان للمنطقة الشرقية، وأنها تحتاج إلى جهود جادة للقضاء على الجريمة والهجرة.",
        },
        {
          speakerKey: "minister",
          topic: "الاحتياجات",
          text: "شدد على استعداده الشخصي لتلبية احتياجات مديرية الأمن وجميع الأجهزة الأمنية في المنطقة ودعمها لتعزيز وتطوير العمل الأمني.",
        },
        {
          speakerKey: "minister",
          topic: "المجتمع",
          text: "شدد على دور أهالي المنطقة والقبيلة في رفع الغطاء الاجتماعي عن المخالفين، وأهمية وقوفهم بجانب رجال الشرطة وتقديم الدعم اللازم لهم.",
        },
      ],
      commitments: [
        {
          text: "وضع وتشريع القوانين التي تعزز وتطور العمل الأمني",
          ownerKey: "mp",
          ownerAgencyId: id("HOR-TBK"),
          dueOn: "2024-12-31",
          topic: "legislation",
        },
        {
          text: "تلبية احتياجات مديرية الأمن وجميع الأجهزة الأمنية في المنطقة ودعمها لتعزيز وتطوير العمل الأمني",
          ownerKey: "minister",
          ownerAgencyId: id("MOI"),
          dueOn: "2027-03-31",
          topic: "needs",
        },
        {
          text: "وضع خطة شاملة لمكافحة عمليات التهريب والاتجار بالبشر في منفذ أمساعد الحدودي",
          ownerKey: "director",
          ownerAgencyId: id("TBK-SD"),
          dueOn: "2024-03-31",
          topic: "plan",
        },
        {
          text: "دعم غير مسبوق للعمل الأمني بالمنطقة",
          ownerKey: "isa",
          ownerAgencyId: id("ISA-TBK"),
          topic: "support",
        },
      ],
      honours: [
        {
          kind: "shield",
          title: "درع التميز كأفضل شخصية لعام 2023",
          reason: "تقديرًا لجهوده في دعم وتعزيز العمل الأمني والحفاظ على أمن واستقرار البلاد",
          recipientKey: "minister",
          giverKey: "mayor",
          giverAgencyId: id("TBK-MUN"),
        },
        {
          kind: "shield",
          title: "درع تقدير",
          reason: "تقديرًا لجهوده في دعم وتعزيز العمل الأمني والحفاظ على أمن واستقرار البلاد",
          recipientKey: "isa",
          giverKey: "mayor",
          giverAgencyId: id("TBK-MUN"),
        },
      ],
    }),
  );
  const [law, pledge, plan] = await commitmentsOf(tobruk.id);
  // The law the MP offered is the legislation need in the register; the minister's pledge, the patrol vehicles.
  await linkCommitmentToNeed(
    tx,
    director,
    await loadCommitment(tx, law!.id),
    await needByTitle("تعديل قانون مكافحة الاتجار بالبشر لتشديد العقوبات"),
  );
  await linkCommitmentToNeed(
    tx,
    asUser(ctx, "minister"),
    await loadCommitment(tx, pledge!.id),
    await needByTitle("سيارات دورية رباعية الدفع لطريق أمساعد"),
  );
  // The Emsaed plan became a task of the directorate, since done: done with it, the commitment is done.
  const { task } = await convertCommitmentToTask(tx, director, await loadCommitment(tx, plan!.id), {
    titleEn: "Comprehensive anti-smuggling plan for the Emsaed crossing",
    description: null,
    assigneeId: null,
    priority: "high",
  });
  await tx.update(tasks).set({ status: "done", progress: 100 }).where(eq(tasks.id, task.id));
  await completeLinkedCommitments(tx, director, "task", task.id);

  // 2. The crossing's security committee, three weeks ago: one commitment overdue, one due soon, one done.
  const today = zonedDay(ctx.now);
  const committee = await createMeeting(
    tx,
    director,
    MeetingCreateBody.parse({
      agencyId: id("TBK-SD"),
      titleAr: "اجتماع لجنة تأمين منفذ أمساعد",
      titleEn: "Emsaed crossing security committee",
      startsAt: `${addDays(today, -21)}T10:00:00+02:00`,
      districtPcode: "LY0104",
      placeText: "مقر منفذ أمساعد البري",
      agenda: ["حركة العبور والمضبوطات خلال الشهر", "الدوريات المشتركة على الشريط الحدودي"],
      attendees: [
        { key: "director", personnelId: person("موسى البدين"), role: "host" },
        { key: "crossing", name: "آمر منفذ أمساعد", agencyId: id("EMSAED") },
        { key: "aiia", name: "مدير فرع جهاز مكافحة الهجرة غير الشرعية", agencyId: id("AIIA-TBK") },
      ],
      statements: [
        {
          speakerKey: "crossing",
          text: "أوضح أن حركة الشاحنات ارتفعت خلال الشهر، وأن نقص أجهزة الاتصال يعيق التنسيق بين البوابات.",
        },
        {
          speakerKey: "aiia",
          text: "دعا إلى تسيير دوريات مشتركة ليلية على الشريط الحدودي جنوب المنفذ.",
        },
      ],
      commitments: [
        {
          text: "رفع تقرير أسبوعي بحركة العبور والمضبوطات إلى مديرية الأمن",
          ownerKey: "crossing",
          ownerAgencyId: id("EMSAED"),
          dueOn: addDays(today, -7),
        },
        {
          text: "تسيير دوريات مشتركة ليلية على الشريط الحدودي جنوب المنفذ",
          ownerKey: "aiia",
          ownerAgencyId: id("AIIA-TBK"),
          dueOn: addDays(today, 2),
        },
        {
          text: "صيانة كاميرات المراقبة في بوابة الشاحنات",
          ownerAgencyId: id("EMSAED"),
          dueOn: addDays(today, -10),
        },
      ],
    }),
  );
  const [, patrols, cameras] = await commitmentsOf(committee.id);
  await setStatus([patrols!.id], "in_progress");
  await setStatus([cameras!.id], "done");

  // 3. A restricted meeting of the Internal Security Agency: seen by it and leadership only.
  await createMeeting(
    tx,
    asUser(ctx, "liaison.isa"),
    MeetingCreateBody.parse({
      agencyId: id("ISA-TBK"),
      titleAr: "اجتماع تقييم التهديدات في المنطقة الشرقية",
      titleEn: "Threat assessment, eastern region",
      startsAt: `${addDays(today, -12)}T09:00:00+02:00`,
      districtPcode: "LY0104",
      sensitivity: "restricted",
      attendees: [{ key: "head", personnelId: person("أسامة الدرسي"), role: "host" }],
      commitments: [
        {
          text: "تحديث قائمة شبكات التهريب النشطة ومشاركتها مع الجهات المختصة",
          ownerKey: "head",
          ownerAgencyId: id("ISA-TBK"),
          dueOn: addDays(today, -3),
        },
      ],
    }),
  );

  // An honour outside a meeting: a certificate of appreciation to the crossing's staff.
  await createHonour(tx, director, {
    agencyId: id("TBK-SD"),
    sensitivity: "internal",
    kind: "certificate",
    title: "شهادة تقدير لعناصر منفذ أمساعد",
    reason: "لجهودهم في ضبط شحنة تهريب وقود على الطريق الساحلي",
    awardedOn: addDays(today, -30),
    recipientPersonId: null,
    recipientAgencyId: id("EMSAED"),
    recipientName: null,
    recipientTitle: null,
    giverPersonId: person("موسى البدين"),
    giverAgencyId: id("TBK-SD"),
    giverName: null,
    meetingId: null,
  });
}
