import type { NeedAction } from "../../common/enums";
import type { NeedCreateBody } from "../../common/schemas/needs";
import type { Ctx } from "../authz/actor";
import type { Db } from "../db/client";
import {
  convertProblemToNeed,
  createNeed,
  createProblem,
  recordDelivery,
  recordPledge,
  stepNeed,
  type NeedRow,
} from "../features/needs";

// What the Tobruk directorate and its agencies would list after the meeting, at different steps of the workflow.

type Step = [NeedAction, by: string, comment?: string];
const FILE: Step[] = [["submit", "officer.tobruk"]];
const ENDORSE: Step[] = [...FILE, ["endorse", "director.tobruk", "ضرورية لتأمين الطريق"]];
const APPROVE: Step[] = [
  ...ENDORSE,
  ["review", "minister"],
  ["approve", "minister", "تُدرج في ميزانية الربع الأول"],
];

const asUser = (ctx: Ctx, username: string): Ctx => ({ ...ctx, actorLabel: username });

async function walk(tx: Db, ctx: Ctx, need: NeedRow, steps: Step[]): Promise<NeedRow> {
  let row = need;
  for (const [action, by, comment] of steps)
    row = await stepNeed(tx, asUser(ctx, by), row, action, comment ?? null);
  return row;
}

export async function seedDemoNeeds(tx: Db, ctx: Ctx, agencyIdsByCode: Map<string, string>): Promise<void> {
  const id = (code: string) => {
    const value = agencyIdsByCode.get(code);
    if (!value) throw new Error(`demo agency ${code} missing`);
    return value;
  };
  const need = (
    agency: string,
    responsible: string,
    fields: Partial<NeedCreateBody> &
      Pick<NeedCreateBody, "category" | "title" | "quantity" | "unit" | "unitCost">,
  ): NeedCreateBody => ({
    agencyId: id(agency),
    responsibleAgencyId: id(responsible),
    description: null,
    currency: "LYD",
    priority: "high",
    justification: null,
    objectiveId: null,
    taskId: null,
    sensitivity: "internal",
    ...fields,
  });
  const officer = asUser(ctx, "officer.tobruk");

  // Patrol vehicles for the Emsaed road: raised as a problem, approved, pledged by the ministry, partly delivered.
  const problem = await createProblem(tx, officer, {
    agencyId: id("TBK-SD"),
    title: "نقص سيارات الدوريات على طريق طبرق - أمساعد",
    description: "لا تغطي الدوريات الحالية الطريق ليلاً، وتستغله شبكات التهريب",
    location: "الطريق الساحلي طبرق - منفذ أمساعد",
    since: "2026-06-01",
    impact: "critical",
    sensitivity: "internal",
  });
  const { need: vehicles } = await convertProblemToNeed(tx, officer, problem, {
    category: "vehicles",
    title: "سيارات دورية رباعية الدفع لطريق أمساعد",
    quantity: 12,
    unit: "سيارة",
    unitCost: 185_000,
    currency: "LYD",
    priority: "critical",
    justification:
      "تسيير دوريات على مدار الساعة على الطريق المؤدي إلى المنفذ لمكافحة التهريب والهجرة غير الشرعية",
    responsibleAgencyId: id("MOI"),
    objectiveId: null,
    taskId: null,
    sensitivity: "internal",
  });
  let row = await walk(tx, ctx, vehicles, APPROVE);
  row = await recordPledge(tx, asUser(ctx, "minister"), row, {
    pledgerAgencyId: id("MOI"),
    pledgerName: null,
    quantity: 12,
    dueOn: "2027-03-31",
    note: "تعهد الوزير بتلبية احتياجات المديرية",
  });
  await recordDelivery(tx, asUser(ctx, "minister"), row, {
    pledgeId: null,
    quantity: 4,
    deliveredOn: "2026-11-20",
    reference: "MOI-LOG-2026-118",
    receivedBy: "إدارة الإمداد - مديرية أمن طبرق",
  });

  // Radios for the crossing: filed by Emsaed, under review by the ministry.
  const radios = await createNeed(
    tx,
    asUser(ctx, "officer.emsaed"),
    need("EMSAED", "MOI", {
      category: "communications_it",
      title: "أجهزة لاسلكي محمولة لعناصر المنفذ",
      quantity: 60,
      unit: "جهاز",
      unitCost: 2_400,
      justification: "انقطاع الاتصال بين بوابات المنفذ والدوريات",
    }),
  );
  await walk(tx, ctx, radios, [
    ["submit", "officer.emsaed"],
    ["endorse", "director.tobruk"],
    ["review", "minister"],
  ]);

  // The crossing hall, for Public Works: approved, waiting for the ministry of Public Works to start.
  const building = await createNeed(
    tx,
    officer,
    need("TBK-SD", "MPW", {
      category: "buildings_infrastructure",
      title: "صيانة مبنى الجوازات في منفذ أمساعد",
      quantity: 1,
      unit: "مبنى",
      unitCost: 850_000,
      priority: "medium",
      justification: "تصدع السقف وتعطل التكييف في صالة المسافرين",
    }),
  );
  await walk(tx, ctx, building, APPROVE);

  // Training for border officers: submitted, waiting for the director.
  const training = await createNeed(
    tx,
    officer,
    need("TBK-SD", "MOI", {
      category: "training",
      title: "دورة في كشف الوثائق المزورة ومكافحة الاتجار بالبشر لعناصر المنفذ",
      quantity: 40,
      unit: "متدرب",
      unitCost: 3_500,
    }),
  );
  await walk(tx, ctx, training, FILE);

  // The law the member of parliament offered to draft: endorsed, addressed to the House of Representatives.
  const law = await createNeed(
    tx,
    officer,
    need("TBK-SD", "HOR-TBK", {
      category: "legislation",
      title: "تعديل قانون مكافحة الاتجار بالبشر لتشديد العقوبات",
      description: "رفع العقوبات على المهربين والمتاجرين بالبشر ومصادرة وسائل النقل المستخدمة",
      quantity: 1,
      unit: "قانون",
      unitCost: 0,
      priority: "high",
    }),
  );
  await walk(tx, ctx, law, ENDORSE);

  // Body armour, delivered in full last month.
  const armour = await createNeed(
    tx,
    officer,
    need("TBK-SD", "MOI", {
      category: "equipment",
      title: "سترات واقية للدوريات",
      quantity: 50,
      unit: "سترة",
      unitCost: 1_800,
    }),
  );
  const armourRow = await walk(tx, ctx, armour, APPROVE);
  await recordDelivery(tx, asUser(ctx, "minister"), armourRow, {
    pledgeId: null,
    quantity: 50,
    deliveredOn: "2026-10-15",
    reference: "MOI-LOG-2026-097",
    receivedBy: "إدارة الإمداد - مديرية أمن طبرق",
  });

  // A restricted draft of the Internal Security Agency, seen only by it and leadership.
  await createNeed(
    tx,
    asUser(ctx, "liaison.isa"),
    need("ISA-TBK", "MOI", {
      category: "equipment",
      title: "معدات رصد ومتابعة",
      quantity: 3,
      unit: "مجموعة",
      unitCost: 120_000,
      sensitivity: "restricted",
    }),
  );

  await createProblem(tx, asUser(ctx, "officer.emsaed"), {
    agencyId: id("EMSAED"),
    title: "انقطاع الكهرباء المتكرر عن مبنى المنفذ",
    description: "تتوقف أجهزة الفحص والحواسيب عند انقطاع التيار",
    location: "منفذ أمساعد البري",
    since: "2026-08-15",
    impact: "high",
    sensitivity: "internal",
  });
}
