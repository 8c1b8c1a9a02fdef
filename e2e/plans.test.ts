import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { logIn, screenshot, useDemoBrowser } from "./browser";

const ISA = "جهاز الأمن الداخلي - طبرق";
const AIIA = "جهاز مكافحة الهجرة غير الشرعية - فرع طبرق";

async function apiCall(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const response = await fetch(path, {
        method,
        headers: body === undefined ? {} : { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, json: (await response.json()) as Record<string, unknown> };
    },
    { method, path, body },
  );
}

async function chooseAgency(page: Page, agency: string) {
  await page.getByTestId("task-supports").click();
  await page.getByTestId("task-supports").fill(agency.slice(0, 8));
  await page.getByRole("option", { name: agency }).click();
  await page.keyboard.press("Escape");
}

describe("security plans and coordinated tasks in Chromium, in Arabic", () => {
  const demo = useDemoBrowser();

  // A busy machine makes each step slow: wait longer than playwright's default 30 s before failing a step.
  const STEP_MS = 60_000;
  const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: STEP_MS, interval: 200 });

  it(
    "director.tobruk plans and assigns; liaison.isa updates only his contribution; the plan rolls up; officer.emsaed cannot edit",
    { timeout: 400_000 },
    async () => {
      const errors: string[] = [];
      const director = await (
        await demo.browser.newContext({ viewport: { width: 1366, height: 900 } })
      ).newPage();
      director.setDefaultTimeout(STEP_MS);
      director.on("pageerror", (e) => errors.push(e.message));
      await logIn(director, demo.server.url, "director.tobruk");
      expect(await director.getAttribute("html", "dir")).toBe("rtl");

      // Plan
      await director.getByTestId("nav-plans").click();
      await poll(() => director.getByTestId("page-title").innerText()).toMatch(/الخطط الأمنية/);
      await director.getByTestId("plan-new").click();
      await director.getByTestId("plan-title").fill("خطة تأمين منفذ أمساعد");
      await director.getByTestId("plan-starts").fill("2026-12-01");
      await director.getByTestId("plan-ends").fill("2027-05-31");
      await director.getByRole("button", { name: "حفظ" }).click();
      await poll(() => director.getByTestId("page-title").innerText()).toBe("خطة تأمين منفذ أمساعد");
      const planUrl = director.url();

      // Objective → indicator
      await director.getByTestId("objective-new").click();
      await director.getByTestId("objective-title").fill("الحد من التهريب عبر المنفذ");
      await director.getByRole("button", { name: "حفظ" }).click();
      await director.getByTestId("objective-card").waitFor();
      await director.getByTestId("indicator-new").click();
      await director.getByTestId("indicator-name").fill("عمليات الضبط الشهرية");
      // Computed from the record: smuggling incidents in Tobruk district, no one types the value.
      await director.getByTestId("indicator-source-select").selectOption("incidents");
      await director.getByTestId("indicator-measure").selectOption("count");
      await director.getByTestId("indicator-group").selectOption("smuggling");
      await director.getByTestId("indicator-district").selectOption("LY0104");
      await director.getByTestId("indicator-unit").fill("عملية");
      await director.getByTestId("indicator-target").fill("30");
      await screenshot(director, "indicator-computed-form");
      await director.getByRole("button", { name: "حفظ" }).click();
      await director.getByTestId("indicator-card").waitFor();
      expect(await director.getByTestId("indicator-source").innerText()).toBe("محسوب تلقائياً من سجل الوقائع");
      const planId = planUrl.split("/").pop()!;
      const saved = (await apiCall(director, "GET", `/api/v1/plans/${planId}`)).json.data as {
        objectives: { indicators: unknown[] }[];
      };
      expect(saved.objectives[0]!.indicators[0]).toMatchObject({
        source: "incidents",
        spec: { measure: "count", group: "smuggling", district: "LY0104" },
      });

      // Task led by his directorate, with two supporting agencies each asked for something
      await director.getByTestId("task-new").click();
      await director.getByTestId("task-title").fill("تفتيش الشاحنات العابرة");
      await director.getByTestId("task-due").fill("2026-12-20");
      await chooseAgency(director, ISA);
      await chooseAgency(director, AIIA);
      await director.getByTestId("task-ask").nth(0).fill("تقييم المخاطر الأمنية");
      await director.getByTestId("task-ask").nth(1).fill("فرق مشتركة ليلية");
      await director.getByRole("button", { name: "حفظ" }).click();
      await director.waitForURL(/\/tasks\/[0-9a-f-]{36}$/);
      const taskUrl = director.url();
      const taskId = taskUrl.split("/").pop()!;
      await poll(() => director.getByTestId("contribution-row").count()).toBe(2);
      await director.getByTestId("progress-input").fill("40");
      await director.getByTestId("progress-save").click();
      await expect
        .poll(async () => (await apiCall(director, "GET", `/api/v1/tasks/${taskId}`)).json.data)
        .toMatchObject({ progress: 40 });
      await screenshot(director, "task-ar");

      // liaison.isa: only his agency's contribution is editable; the task itself is not
      const liaison = await (
        await demo.browser.newContext({ viewport: { width: 1366, height: 900 } })
      ).newPage();
      liaison.setDefaultTimeout(STEP_MS);
      liaison.on("pageerror", (e) => errors.push(e.message));
      await logIn(liaison, demo.server.url, "liaison.isa");
      await liaison.goto(taskUrl);
      await poll(() => liaison.getByTestId("contribution-row").count()).toBe(2);
      expect(await liaison.locator('[data-testid="contribution-row"][data-editable="yes"]').count()).toBe(1);
      expect(await liaison.getByTestId("lead-controls").count()).toBe(0);
      const mine = liaison.locator('[data-testid="contribution-row"][data-editable="yes"]');
      expect(await mine.innerText()).toContain(ISA);
      await mine.getByTestId("contribution-status").click();
      await liaison.getByRole("option", { name: "قيد التنفيذ" }).click();
      await mine.getByTestId("contribution-note").fill("بدأ التقييم مع إدارة المنفذ");
      await mine.getByTestId("contribution-save").click();
      const task = async () =>
        (await apiCall(liaison, "GET", `/api/v1/tasks/${taskId}`)).json.data as {
          supports: { agencyId: string; status: string; note: string | null }[];
          progress: number;
        };
      await expect
        .poll(async () => (await task()).supports.filter((s) => s.status === "in_progress").length)
        .toBe(1);
      const after = await task();
      const other = after.supports.find((s) => s.status !== "in_progress")!;
      expect(other).toMatchObject({ status: "todo", note: null });
      // The API refuses what the page does not offer: another agency's contribution, the task's own progress.
      expect(
        (
          await apiCall(liaison, "PATCH", `/api/v1/tasks/${taskId}/contributions/${other.agencyId}`, {
            status: "done",
          })
        ).status,
      ).toBe(403);
      expect((await apiCall(liaison, "PATCH", `/api/v1/tasks/${taskId}`, { progress: 90 })).status).toBe(403);
      await liaison.getByTestId("timeline").getByText("بدأ التقييم مع إدارة المنفذ").waitFor();
      await screenshot(liaison, "task-liaison-ar");

      // The director changes what is asked of the second agency; the first keeps its own status and note
      await director.goto(taskUrl);
      await director.getByTestId("supports-manage").click();
      await director.getByTestId("support-contribution").nth(1).fill("فرق مشتركة ليلية ونهارية");
      await director.getByRole("dialog").getByRole("button", { name: "حفظ" }).click();
      await expect
        .poll(async () => (await task()).supports.map((s) => s.status).sort())
        .toEqual(["in_progress", "todo"]);
      await poll(() => director.getByTestId("contributions").innerText()).toContain(
        "فرق مشتركة ليلية ونهارية",
      );

      // The plan page shows the roll-up of its tasks; the director edits the plan's description
      await director.goto(planUrl);
      await director.getByTestId("plan-edit").click();
      await director.getByTestId("plan-description").fill("خطة مشتركة بين الأجهزة الأمنية في طبرق");
      await director.getByRole("dialog").getByRole("button", { name: "حفظ" }).click();
      await poll(() => director.getByTestId("plan-description").innerText()).toBe(
        "خطة مشتركة بين الأجهزة الأمنية في طبرق",
      );
      await poll(() => director.getByTestId("plan-rollup").innerText()).toContain("40٪ من 1 مهمة");
      await director.getByTestId("task-row").first().waitFor();
      await screenshot(director, "plan-ar");

      // officer.emsaed sees the plan but may not edit it
      const officer = await (
        await demo.browser.newContext({ viewport: { width: 1366, height: 900 } })
      ).newPage();
      officer.setDefaultTimeout(STEP_MS);
      officer.on("pageerror", (e) => errors.push(e.message));
      await logIn(officer, demo.server.url, "officer.emsaed");
      await officer.goto(planUrl);
      await poll(() => officer.getByTestId("page-title").innerText()).toBe("خطة تأمين منفذ أمساعد");
      await officer.getByTestId("plan-rollup").waitFor();
      for (const action of ["plan-edit", "objective-new", "task-new", "plan-activate", "indicator-new"])
        expect(await officer.getByTestId(action).count(), action).toBe(0);
      const refused = await apiCall(officer, "PATCH", `/api/v1/plans/${planId}`, { titleAr: "عنوان آخر" });
      expect(refused.status).toBe(403);
      expect((refused.json.error as { message: string }).message).toBe("ليست لديك صلاحية لهذا الإجراء");
      expect(errors).toEqual([]);
    },
  );
});
