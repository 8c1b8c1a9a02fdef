import { eq, inArray } from "drizzle-orm";
import { addDays, zonedDay } from "../../common/dates";
import type { TaskPriority, TaskStatus } from "../../common/enums";
import type { Ctx } from "../authz/actor";
import { recordEvent } from "../audit/record-event";
import type { Db } from "../db/client";
import {
  createIndicator,
  createObjective,
  createPlan,
  recordMeasurement,
  setPlanStatus,
} from "../features/plans";
import { createTask, syncSupportCopy, tasks } from "../features/tasks";
import { users } from "../features/users";

type DemoTask = {
  titleAr: string;
  titleEn: string;
  objective: number;
  lead: string;
  assignee?: string;
  supports: [string, string][];
  dueInDays: number;
  priority: TaskPriority;
  status: TaskStatus;
  progress: number;
  reason?: string;
};

const OBJECTIVES = [
  {
    titleAr: "الحد من التهريب والاتجار بالبشر عبر منفذ أمساعد",
    titleEn: "Cut smuggling and human trafficking through the Emsaed crossing",
    indicator: {
      nameAr: "عمليات الضبط الشهرية في المنفذ",
      nameEn: "Monthly seizures at the crossing",
      unit: "عملية",
      baseline: 12,
      target: 30,
      direction: "increase" as const,
      frequency: "monthly" as const,
    },
    measurements: [14, 17, 21],
  },
  {
    titleAr: "تعزيز التنسيق بين الأجهزة الأمنية",
    titleEn: "Strengthen coordination between the security agencies",
    indicator: {
      nameAr: "الاجتماعات التنسيقية المشتركة",
      nameEn: "Joint coordination meetings",
      unit: "اجتماع",
      baseline: 1,
      target: 4,
      direction: "increase" as const,
      frequency: "monthly" as const,
    },
    measurements: [2, 3],
  },
  {
    titleAr: "تكثيف الدورات التدريبية وورش العمل",
    titleEn: "Intensify training courses and workshops",
    indicator: {
      nameAr: "المتدربون من منتسبي الأجهزة",
      nameEn: "Trained staff of the agencies",
      unit: "متدرب",
      baseline: 0,
      target: 200,
      direction: "increase" as const,
      frequency: "quarterly" as const,
    },
    measurements: [45],
  },
];

const TASKS: DemoTask[] = [
  {
    titleAr: "إعداد خطة شاملة لتأمين منفذ أمساعد",
    titleEn: "Draw up a comprehensive security plan for the Emsaed crossing",
    objective: 0,
    lead: "TBK-SD",
    assignee: "director.tobruk",
    supports: [
      ["EMSAED", "بيانات الحركة اليومية ونقاط الضعف"],
      ["ISA-TBK", "تقييم المخاطر الأمنية"],
    ],
    dueInDays: -5,
    priority: "urgent",
    status: "in_progress",
    progress: 70,
  },
  {
    titleAr: "تفتيش الشاحنات العابرة بالمنفذ على مدار الساعة",
    titleEn: "Round-the-clock inspection of trucks at the crossing",
    objective: 0,
    lead: "EMSAED",
    assignee: "officer.emsaed",
    supports: [["AIIA-TBK", "فرق مشتركة في نوبات الليل"]],
    dueInDays: 10,
    priority: "high",
    status: "in_progress",
    progress: 40,
  },
  {
    titleAr: "تركيب كاميرات مراقبة عند بوابات المنفذ",
    titleEn: "Install surveillance cameras at the crossing gates",
    objective: 0,
    lead: "EMSAED",
    supports: [["MPW", "أعمال الكهرباء والأعمدة"]],
    dueInDays: -12,
    priority: "high",
    status: "blocked",
    progress: 20,
    reason: "بانتظار توريد الكاميرات من وزارة الأشغال العامة",
  },
  {
    titleAr: "تفكيك شبكات تهريب المهاجرين على الطريق الساحلي",
    titleEn: "Dismantle migrant-smuggling networks on the coastal road",
    objective: 0,
    lead: "ISA-TBK",
    assignee: "liaison.isa",
    supports: [
      ["AIIA-TBK", "إيواء الضحايا وإحالتهم للحماية"],
      ["TBK-SD", "دعم بالدوريات"],
    ],
    dueInDays: 3,
    priority: "urgent",
    status: "in_progress",
    progress: 55,
  },
  {
    titleAr: "إنشاء غرفة عمليات مشتركة للأجهزة الأمنية",
    titleEn: "Set up a joint operations room for the agencies",
    objective: 1,
    lead: "TBK-SD",
    supports: [
      ["ISA-TBK", "ضابط اتصال دائم"],
      ["EMSAED", "ضابط اتصال دائم"],
      ["TBK-MUN", "مقر الغرفة"],
    ],
    dueInDays: -2,
    priority: "high",
    status: "todo",
    progress: 0,
  },
  {
    titleAr: "اجتماع تنسيقي شهري لرؤساء الأجهزة",
    titleEn: "Monthly coordination meeting of agency heads",
    objective: 1,
    lead: "TBK-SD",
    assignee: "director.tobruk",
    supports: [["ISA-TBK", "عرض الموقف الأمني"]],
    dueInDays: 6,
    priority: "normal",
    status: "todo",
    progress: 0,
  },
  {
    titleAr: "توحيد نموذج البلاغات بين الأجهزة",
    titleEn: "One report form across the agencies",
    objective: 1,
    lead: "ISA-TBK",
    supports: [["TBK-SD", "اعتماد النموذج"]],
    dueInDays: -20,
    priority: "normal",
    status: "done",
    progress: 100,
  },
  {
    titleAr: "دورة في كشف الوثائق المزورة لعناصر المنفذ",
    titleEn: "Course on detecting forged documents for crossing staff",
    objective: 2,
    lead: "MOI",
    assignee: "trainer",
    supports: [["EMSAED", "ترشيح 25 متدرباً"]],
    dueInDays: 20,
    priority: "normal",
    status: "todo",
    progress: 0,
  },
  {
    titleAr: "ورشة عمل حول مكافحة الاتجار بالبشر وحماية الضحايا",
    titleEn: "Workshop on fighting human trafficking and protecting victims",
    objective: 2,
    lead: "AIIA-TBK",
    supports: [
      ["ISA-TBK", "محاضرون"],
      ["TBK-SD", "القاعة والتجهيزات"],
    ],
    dueInDays: -8,
    priority: "high",
    status: "blocked",
    progress: 10,
    reason: "لم يُعتمد التمويل بعد",
  },
];

/** The Tobruk security plan from the press release: three objectives, an indicator each, tasks over the agencies. */
export async function seedDemoPlans(
  tx: Db,
  ctx: Ctx,
  agencyIdsByCode: ReadonlyMap<string, string>,
): Promise<void> {
  const idOf = (code: string) => {
    const id = agencyIdsByCode.get(code);
    if (!id) throw new Error(`demo agency ${code} missing`);
    return id;
  };
  const usernames = [...new Set(TASKS.flatMap((t) => (t.assignee ? [t.assignee] : [])))];
  const userRows = await tx
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(inArray(users.username, usernames));
  const userId = (name: string) => userRows.find((u) => u.username === name)?.id ?? null;
  const today = zonedDay(ctx.now);
  const draft = await createPlan(tx, ctx, {
    titleAr: "الخطة الأمنية لمدينة طبرق 2026",
    titleEn: "Tobruk security plan 2026",
    description:
      "آلية لتنفيذ خطط أمنية محددة وتعزيز التنسيق بين الأجهزة الأمنية المختلفة لضمان سير العمل الأمني بفاعلية وتحقيق الأهداف المرجوة.",
    districtPcode: "LY0104",
    startsOn: addDays(today, -60),
    endsOn: addDays(today, 300),
    agencyId: idOf("TBK-SD"),
    sensitivity: "internal",
  });
  const plan = await setPlanStatus(tx, ctx, draft, "active");
  const objectives = [];
  for (const o of OBJECTIVES) {
    const objective = await createObjective(tx, ctx, plan, {
      titleAr: o.titleAr,
      titleEn: o.titleEn,
      description: null,
    });
    const indicator = await createIndicator(tx, ctx, objective, { ...o.indicator, source: "manual" });
    for (const [i, value] of o.measurements.entries())
      await recordMeasurement(tx, ctx, indicator, plan.id, {
        measuredOn: addDays(today, -30 * (o.measurements.length - i)),
        value,
        note: null,
      });
    objectives.push(objective);
  }
  for (const t of TASKS) {
    const task = await createTask(tx, ctx, {
      titleAr: t.titleAr,
      titleEn: t.titleEn,
      description: null,
      planId: plan.id,
      objectiveId: objectives[t.objective]!.id,
      agencyId: idOf(t.lead),
      assigneeId: t.assignee ? userId(t.assignee) : null,
      priority: t.priority,
      dueOn: addDays(today, t.dueInDays),
      sensitivity: "internal",
      supports: t.supports.map(([code, contribution]) => ({ agencyId: idOf(code), contribution })),
    });
    if (t.status !== "todo" || t.progress) {
      // The demo starts mid-way: tasks already under way, blocked or done, recorded as such in the audit log.
      const [after] = await tx
        .update(tasks)
        .set({ status: t.status, progress: t.progress, statusReason: t.reason ?? null })
        .where(eq(tasks.id, task.id))
        .returning();
      await syncSupportCopy(tx, after!);
      await recordEvent(tx, ctx, "task.update", "task", task.id, task, after);
    }
  }
}
