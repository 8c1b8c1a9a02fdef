import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { logIn, logOut, screenshot, useDemoBrowser } from "./browser";

type Totals = {
  count: number;
  quantity: number;
  costs: { currency: string; estimatedCost: number; remainingValue: number }[];
};

/** The register's totals as the API gives them to the signed-in user of the page. */
const apiTotals = (page: Page, query: string) =>
  page.evaluate(
    async (q) => ((await (await fetch(`/api/v1/needs?${q}`)).json()) as { totals: Totals }).totals,
    query,
  );

const digits = async (page: Page, testId: string) =>
  (await page.getByTestId(testId).innerText()).replace(/\D/g, "");

/** Takes a workflow step on the open need page: the button, then the confirmation in its dialog. */
async function step(page: Page, action: string, label: string, status: string) {
  await page.getByTestId(`need-step-${action}`).click();
  await page.getByRole("dialog").getByRole("button", { name: label, exact: true }).click();
  await expect.poll(() => page.getByTestId("need-status").getAttribute("data-status")).toBe(status);
}

async function switchUser(page: Page, url: string, username: string, needUrl: string) {
  await logOut(page);
  await logIn(page, url, username);
  await page.goto(needUrl);
  await page.getByTestId("need-status").waitFor();
}

describe("needs register in Chromium (Arabic)", () => {
  const demo = useDemoBrowser();

  it(
    "an officer files a need, the director endorses it, the minister approves it, a pledge and two deliveries fulfil it; the totals follow",
    { timeout: 150_000 },
    async () => {
      const context = await demo.browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));

      // officer.tobruk (officer of the Tobruk Security Directorate) files the need.
      await logIn(page, demo.server.url, "officer.tobruk");
      await page.getByTestId("nav-needs").click();
      await expect.poll(() => page.getByTestId("page-title").innerText()).toBe("الاحتياجات والنواقص");
      const before = await apiTotals(page, "");
      await expect.poll(() => digits(page, "needs-total-count")).toBe(String(before.count));

      await page.getByTestId("need-new").click();
      await page.getByTestId("need-title").fill("أجهزة رؤية ليلية لدوريات طريق أمساعد");
      await page.getByTestId("need-category").selectOption("equipment");
      await page.getByTestId("need-priority").selectOption("critical");
      await page.getByTestId("need-quantity").fill("10");
      await page.getByTestId("need-unit").fill("جهاز");
      await page.getByTestId("need-unitCost").fill("12500");
      await page.getByTestId("need-responsible").selectOption({ label: "وزارة الداخلية" });
      await page.getByRole("dialog").getByRole("button", { name: "حفظ" }).click();
      await expect.poll(() => page.getByTestId("need-status").getAttribute("data-status")).toBe("draft");
      const needUrl = page.url();
      expect(needUrl).toMatch(/\/needs\/[0-9a-f-]{36}$/);
      // An officer sees no endorse or approve button.
      expect(await page.getByTestId("need-step-endorse").count()).toBe(0);
      expect(await page.getByTestId("need-step-approve").count()).toBe(0);
      await step(page, "submit", "تقديم", "submitted");
      expect(await page.getByTestId("need-step-endorse").count()).toBe(0);
      await screenshot(page, "need-submitted-ar");

      await page.goto(`${demo.server.url}/needs`);
      await expect.poll(() => digits(page, "needs-total-count")).toBe(String(before.count + 1));

      // director.tobruk, the directorate's manager, endorses.
      await switchUser(page, demo.server.url, "director.tobruk", needUrl);
      expect(await page.getByTestId("need-step-approve").count()).toBe(0);
      await step(page, "endorse", "اعتماد", "endorsed");

      // The minister takes it under review and approves it, pledges, and records two partial deliveries.
      await switchUser(page, demo.server.url, "minister", needUrl);
      await step(page, "review", "إحالة للدراسة", "under_review");
      await step(page, "approve", "موافقة", "approved");
      const approved = await apiTotals(page, "status=approved&category=equipment");

      await page.getByTestId("need-pledge").click();
      await page.getByTestId("supply-due").fill("2027-02-28");
      await page.getByRole("dialog").getByRole("button", { name: "حفظ" }).click();
      await expect
        .poll(() => page.getByTestId("need-status").getAttribute("data-status"))
        .toBe("in_progress");

      await page.getByTestId("need-deliver").click();
      await page.getByTestId("supply-quantity").fill("4");
      await page.getByTestId("supply-reference").fill("MOI-LOG-2026-131");
      await page.getByTestId("supply-received-by").fill("إدارة الإمداد - مديرية أمن طبرق");
      await page.getByRole("dialog").getByRole("button", { name: "حفظ" }).click();
      await expect.poll(() => digits(page, "need-remaining")).toBe("6");
      expect(await page.getByTestId("need-status").getAttribute("data-status")).toBe("in_progress");

      await page.getByTestId("need-deliver").click();
      expect(await page.getByTestId("supply-quantity").inputValue()).toBe("6");
      await page.getByTestId("supply-received-by").fill("إدارة الإمداد - مديرية أمن طبرق");
      await page.getByRole("dialog").getByRole("button", { name: "حفظ" }).click();
      await expect.poll(() => page.getByTestId("need-status").getAttribute("data-status")).toBe("fulfilled");
      expect(await digits(page, "need-remaining")).toBe("0");
      expect(await page.getByTestId("need-delivery").count()).toBe(2);
      expect(await page.getByTestId("need-history").innerText()).toContain("مدير أمن طبرق");
      expect(await page.getByTestId("need-deliver").count()).toBe(0);
      await screenshot(page, "need-fulfilled-ar");

      // The register's totals follow: the need left "approved" and counts among the fulfilled.
      const after = await apiTotals(page, "status=approved&category=equipment");
      expect(after.count).toBe(approved.count - 1);
      await page.goto(`${demo.server.url}/needs`);
      await page.getByTestId("needs-filter-status").selectOption("fulfilled");
      await page.getByTestId("needs-filter-category").selectOption("equipment");
      const fulfilled = await apiTotals(page, "status=fulfilled&category=equipment");
      expect(fulfilled.costs[0]?.estimatedCost).toBe(50 * 1800 + 10 * 12500); // body armour (demo) + this need
      expect(fulfilled.costs[0]?.remainingValue).toBe(0);
      await expect.poll(() => digits(page, "needs-total-count")).toBe("2");
      await expect
        .poll(() => digits(page, "needs-total-cost"))
        .toBe(String(fulfilled.costs[0]?.estimatedCost));
      expect(await page.getAttribute("html", "dir")).toBe("rtl");
      await screenshot(page, "needs-register-ar");
      expect(errors).toEqual([]);
      await context.close();
    },
  );
});
