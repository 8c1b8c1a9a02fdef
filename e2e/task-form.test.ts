import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { logIn, useDemoBrowser } from "./browser";

type Plan = { id: string; titleAr: string; status: string; objectives?: { id: string; titleAr: string }[] };

const getJson = (page: Page, path: string) =>
  page.evaluate(async (path) => (await (await fetch(path)).json()) as { data: unknown }, path);

describe("the task board's new-task form, in Chromium: plan and objective", () => {
  const demo = useDemoBrowser();
  const STEP_MS = 60_000;

  it(
    "offers the plans the user may see and only the chosen plan's objectives, and files the task under both",
    {
      timeout: 300_000,
    },
    async () => {
      const page = await (
        await demo.browser.newContext({ viewport: { width: 1366, height: 900 } })
      ).newPage();
      page.setDefaultTimeout(STEP_MS);
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await logIn(page, demo.server.url, "officer.tobruk");
      const visible = ((await getJson(page, "/api/v1/plans?pageSize=100")).data as Plan[]).filter(
        (p) => p.status !== "archived",
      );
      const plan = visible.find((p) => p.titleAr === "الخطة الأمنية لمدينة طبرق 2026")!;
      const detail = (await getJson(page, `/api/v1/plans/${plan.id}`)).data as Plan;
      const objectives = detail.objectives!;
      expect(objectives.length).toBe(3);

      await page.goto(`${demo.server.url}/tasks`);
      await page.getByTestId("task-new").click();
      await page.getByTestId("task-title").fill("دوريات ليلية مشتركة على طريق المنفذ");
      await page.getByTestId("task-plan").click();
      const offered = await page.getByRole("option").allInnerTexts();
      expect(offered).toHaveLength(visible.length);
      for (const p of visible)
        expect(
          offered.some((o) => o.includes(p.titleAr)),
          p.titleAr,
        ).toBe(true);
      await page.getByRole("option", { name: plan.titleAr }).click();

      await page.getByTestId("task-objective").click();
      await expect
        .poll(async () => (await page.getByRole("option").allInnerTexts()).map((o) => o.trim()))
        .toEqual(objectives.map((o) => o.titleAr));
      await page.getByRole("option", { name: objectives[1]!.titleAr }).click();
      await page.getByRole("button", { name: "حفظ" }).click();
      await page.waitForURL(/\/tasks\/[0-9a-f-]{36}$/);
      const taskId = page.url().split("/").pop()!;
      const task = (await getJson(page, `/api/v1/tasks/${taskId}`)).data;
      expect(task).toMatchObject({ planId: plan.id, objectiveId: objectives[1]!.id });
      expect(errors).toEqual([]);
    },
  );
});
