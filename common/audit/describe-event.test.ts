import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import i18next from "i18next";
import { describe, expect, it } from "vitest";
import ar from "../i18n/ar.json";
import en from "../i18n/en.json";
import {
  BORDER_REPORT_STATUSES,
  COMMITMENT_STATUSES,
  COMMUNITY_STATUSES,
  COURSE_STATUSES,
  INCIDENT_STATUSES,
  NEED_STATUSES,
  NOMINATION_STATUSES,
  PLAN_STATUSES,
  PROBLEM_STATUSES,
  REFERRAL_STATUSES,
  TASK_STATUSES,
} from "../enums";
import { describeEvent, type DescribableEvent, type Translate } from "./describe-event";

const i18n = i18next.createInstance();
await i18n.init({
  resources: { ar: { translation: ar }, en: { translation: en } },
  lng: "ar",
  interpolation: { escapeValue: false },
  initAsync: false,
});
const translate =
  (language: "ar" | "en"): Translate =>
  (key, vars) =>
    i18n.exists(key, { lng: language }) ? i18n.t(key as "app.name", { ...vars, lng: language }) : undefined;

const TASK_ID = "01a236e4-cd11-724d-b19e-1614084c1db3";
const AGENCY_ID = "01a236e4-b8bf-755f-a57b-510f83f5923d";
const task = {
  id: TASK_ID,
  reference: "TSK-2026-000004",
  titleAr: "تفتيش الشاحنات العابرة",
  status: "in_progress",
  agencyId: AGENCY_ID,
  updatedAt: "2026-12-01T10:00:00.000Z",
};
const completed: DescribableEvent = {
  actorLabel: "director.tobruk",
  actorName: { ar: "مدير أمن طبرق", en: "Tobruk Security Director" },
  action: "task.complete",
  entity: "task",
  before: task,
  after: { ...task, status: "done", updatedAt: "2026-12-02T10:00:00.000Z" },
};
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-/i;

describe("audit events as sentences in the reader's language", () => {
  it("names the person, the record by its reference, and the change in words", () => {
    const ar = describeEvent(completed, translate("ar"), "ar");
    expect(ar.sentence).toBe(
      "مدير أمن طبرق: أُنجزت مهمة TSK-2026-000004 — الحالة من «قيد التنفيذ» إلى «منجزة»",
    );
    const en = describeEvent(completed, translate("en"), "en");
    expect(en.sentence).toBe(
      "Tobruk Security Director: Task done TSK-2026-000004 — Status from “In progress” to “Done”",
    );
  });

  it("tells the weekly report's e-mail in words: who sent it, and for which week", () => {
    const subscription = {
      id: TASK_ID,
      userId: AGENCY_ID,
      districtPcode: "LY0104",
      lastSentWeek: "2026-W47",
    };
    const sent = describeEvent(
      {
        actorLabel: "weekly-report",
        actorName: null,
        action: "report.send",
        entity: "report_subscriptions",
        before: subscription,
        after: { ...subscription, lastSentWeek: "2026-W48" },
      },
      translate("ar"),
      "ar",
    );
    expect(sent.sentence).toBe(
      "الإرسال الأسبوعي للتقارير: إرسال التقرير الأسبوعي بالبريد — آخر أسبوع أُرسل تقريره من «2026-W47» إلى «2026-W48»",
    );
    expect(sent.sentence).not.toMatch(UUID);
  });

  it("names automatic processes, never their internal labels", () => {
    const sweep = describeEvent(
      {
        actorLabel: "due-sweep",
        actorName: null,
        action: "commitments.sweep",
        entity: "commitments",
        before: null,
        after: { day: "2026-12-02", dueSoon: 1 },
      },
      translate("ar"),
      "ar",
    );
    expect(sweep.sentence).toBe("المتابعة الآلية للمواعيد: فحص مواعيد الالتزامات");
    const seeded = describeEvent(
      {
        ...completed,
        actorLabel: "seed-demo",
        actorName: null,
        action: "honour.create",
        entity: "honours",
        before: null,
      },
      translate("ar"),
      "ar",
    );
    expect(seeded.actor).toBe("إعداد البيانات التجريبية");
  });

  it("names agencies through the lookup and leaves other ids, bookkeeping and JSON out", () => {
    const moved = {
      ...completed,
      action: "task.update",
      after: { ...task, agencyId: "01a236e4-0000-7000-8000-000000000000" },
    };
    const named = describeEvent(moved, translate("ar"), "ar", (_field, id) =>
      id === AGENCY_ID ? "مديرية أمن طبرق" : "جهاز الأمن الداخلي - طبرق",
    );
    expect(named.sentence).toContain("من «مديرية أمن طبرق» إلى «جهاز الأمن الداخلي - طبرق»");
    const unnamed = describeEvent(moved, translate("ar"), "ar");
    expect(unnamed.changes).toEqual([]);
    const created = describeEvent(
      { ...completed, action: "task.create", before: null },
      translate("ar"),
      "ar",
    );
    expect(created.fields).toEqual([
      { field: "العنوان بالعربية", value: "تفتيش الشاحنات العابرة" },
      { field: "الحالة", value: "منجزة" },
    ]);
    for (const text of [
      named.sentence,
      created.sentence,
      ...created.fields.map((f) => `${f.field} ${f.value}`),
    ]) {
      expect(text).not.toMatch(UUID);
      expect(text).not.toMatch(/[{}]|\b[a-z]+\.[a-z_]+\b/);
    }
  });

  it("has a sentence in both languages for every action the server writes", () => {
    const actions = new Set<string>();
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const file = path.join(dir, name);
        if (statSync(file).isDirectory()) walk(file);
        else if (name.endsWith(".ts") && !name.endsWith(".test.ts"))
          for (const m of readFileSync(file, "utf8").matchAll(
            /recordEvent\(\s*\w+,\s*[\w{}.: ,]+?,\s*"([a-z_]+\.[a-z_]+)"/g,
          ))
            actions.add(m[1]!);
      }
    };
    walk(path.resolve(import.meta.dirname, "../../server"));
    expect(actions.size).toBeGreaterThan(30);
    for (const action of actions)
      for (const language of ["ar", "en"] as const)
        expect(translate(language)(`auditActions.${action}`), `${language} ${action}`).toBeTruthy();
  });

  it("shows every status of every audited record in words, never its internal value", () => {
    const lists: [string, readonly string[]][] = [
      ["plan", PLAN_STATUSES],
      ["task", TASK_STATUSES],
      ["commitments", COMMITMENT_STATUSES],
      ["needs", NEED_STATUSES],
      ["problems", PROBLEM_STATUSES],
      ["incidents", INCIDENT_STATUSES],
      ["victim_referrals", REFERRAL_STATUSES],
      ["courses", COURSE_STATUSES],
      ["nominations", NOMINATION_STATUSES],
      ["border_reports", BORDER_REPORT_STATUSES],
      ["community_reports", COMMUNITY_STATUSES],
    ];
    for (const [entity, statuses] of lists)
      for (const language of ["ar", "en"] as const)
        for (const status of statuses) {
          const event: DescribableEvent = {
            actorLabel: "director.tobruk",
            actorName: null,
            action: "task.update",
            entity,
            before: { reference: "REF-2026-000001", status: "__before__", custodyStatus: "held" },
            after: { reference: "REF-2026-000001", status, custodyStatus: "handed_over" },
          };
          const text = describeEvent(event, translate(language), language)
            .changes.map((c) => c.to)
            .join(" ");
          expect(text, `${entity} ${status} (${language}): the change is shown`).not.toBe("");
          expect(text, `${entity} ${status} (${language})`).not.toContain(status);
          expect(text, `custody (${language})`).not.toContain("handed_over");
        }
  });

  it("names the agencies a record was shared with, before and after; agencies the reader cannot see are left out", () => {
    const PARTNER = "01a236e4-b8bf-755f-a57b-510f83f59240";
    const HIDDEN = "01a236e4-b8bf-755f-a57b-510f83f59241";
    const names: Record<string, string> = { [AGENCY_ID]: "جهاز الأمن الداخلي", [PARTNER]: "منفذ امساعد" };
    const event: DescribableEvent = {
      actorLabel: "director.tobruk",
      actorName: { ar: "مدير أمن طبرق", en: "Tobruk Security Director" },
      action: "share.set",
      entity: "task",
      before: { sharedWith: [AGENCY_ID] },
      after: { sharedWith: [AGENCY_ID, PARTNER, HIDDEN] },
    };
    const shown = describeEvent(event, translate("ar"), "ar", (field, id) =>
      field === "sharedWith" ? (names[id] ?? null) : null,
    );
    expect(shown.changes).toEqual([
      { field: "المشاركة مع", from: "جهاز الأمن الداخلي", to: "جهاز الأمن الداخلي، منفذ امساعد" },
    ]);
    expect(shown.sentence).toContain("منفذ امساعد");
    expect(JSON.stringify(shown)).not.toContain(HIDDEN);
    const none = describeEvent({ ...event, before: { sharedWith: [] } }, translate("en"), "en", () => null);
    expect(none.changes).toEqual([]); // nothing the reader can name changed
  });
});
