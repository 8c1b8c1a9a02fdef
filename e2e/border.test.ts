import { describe, expect, it } from "vitest";
import { logIn, logOut, screenshot, useDemoBrowser } from "./browser";

const LATIN = /[A-Za-z]{3,}/;

describe("border crossings' daily reports in Chromium (Arabic, 390 px)", () => {
  const demo = useDemoBrowser();

  it(
    "officer.emsaed enters today's shift on a phone (an outlier warns), submits; director.tobruk approves and the day is locked; the minister corrects with a reason",
    { timeout: 180_000 },
    async () => {
      const context = await demo.browser.newContext({ viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      const open = async () => {
        await page.goto(`${demo.server.url}/border`);
        await expect.poll(() => page.getByTestId("page-title").innerText()).toBe("التقارير اليومية للمنافذ");
        await page.getByTestId("border-row").first().waitFor();
      };

      await logIn(page, demo.server.url, "officer.emsaed");
      await open();
      await page.getByTestId("border-new").click();
      await page.getByTestId("border-shift").selectOption("morning");
      await page.getByTestId("border-arrivalsLibyan").fill("330");
      await page.getByTestId("border-arrivalsForeign").fill("205");
      await page.getByTestId("border-departuresLibyan").fill("310");
      await page.getByTestId("border-departuresForeign").fill("250");
      await page.getByTestId("border-vehiclesIn").fill("150");
      await page.getByTestId("border-vehiclesOut").fill("145");
      await page.getByTestId("border-trucksOut").fill("38");
      await page.getByTestId("border-trucksIn").fill("40");
      await page.getByTestId("border-migrantsIntercepted").fill("70");
      await page.getByTestId("border-personsHandedOver").fill("4");
      const dialogWidth = await page.getByRole("dialog").evaluate((d) => d.scrollWidth);
      expect(dialogWidth).toBeLessThanOrEqual(390);
      await screenshot(page, "border-390-form");
      await page.getByRole("dialog").getByRole("button", { name: "حفظ" }).click();
      await page.getByTestId("border-warnings").waitFor();
      expect(await page.getByTestId("border-warnings").innerText()).toMatch(
        /المهاجرون المضبوطون: 70 مقابل وسيط/,
      );
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(390);
      await screenshot(page, "border-390-warning");
      const drafts = await page.getByTestId("border-submit").count();
      await page.getByTestId("border-submit").first().click();
      await expect.poll(() => page.getByTestId("border-saved").innerText()).toMatch(/مرسل للاعتماد/);
      await expect.poll(() => page.getByTestId("border-submit").count()).toBe(drafts - 1);

      await logOut(page);
      await logIn(page, demo.server.url, "director.tobruk");
      await open();
      await page.getByTestId("border-filter-status").selectOption("submitted");
      // The demo's reports of two days ago wait for approval, and the officer's of today.
      await expect.poll(() => page.getByTestId("border-row").count()).toBe(3);
      const submitted = 3;
      await page.getByTestId("border-approve").first().click();
      await expect.poll(() => page.getByTestId("border-saved").innerText()).toMatch(/معتمد/);
      await expect.poll(() => page.getByTestId("border-row").count()).toBe(submitted - 1);

      // The day is locked for the officer: no edit, no submit on approved reports.
      await logOut(page);
      await logIn(page, demo.server.url, "officer.emsaed");
      await open();
      await page.getByTestId("border-filter-status").selectOption("approved");
      await page.getByTestId("border-row").first().waitFor();
      expect(await page.getByTestId("border-row").first().getByRole("button").count()).toBe(0);

      await logOut(page);
      await logIn(page, demo.server.url, "minister");
      await open();
      await page.getByTestId("border-filter-status").selectOption("approved");
      await page.getByTestId("border-row").first().getByRole("button", { name: "تصحيح" }).click();
      await page.getByTestId("border-migrantsIntercepted").fill("7");
      await page.getByRole("dialog").getByRole("button", { name: "حفظ" }).click();
      await expect.poll(() => page.getByRole("dialog").innerText()).toMatch(/السبب/);
      await page.getByTestId("border-reason").fill("خطأ في إدخال العدد: سبعة لا سبعون");
      await page.getByRole("dialog").getByRole("button", { name: "حفظ" }).click();
      await expect.poll(() => page.getByTestId("border-saved").innerText()).toMatch(/BRD-\d{4}-\d{6}/);
      const text = await page.locator("main").innerText();
      expect(text.replace(/BRD-\d{4}-\d{6}/g, "")).not.toMatch(LATIN);
      await screenshot(page, "border-390-corrected");
      expect(errors).toEqual([]);
      await context.close();
    },
  );
});
