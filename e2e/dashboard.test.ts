import { describe, expect, it } from "vitest";
import { logIn, screenshot, useDemoBrowser } from "./browser";

const digits = (text: string) => Number(text.replace(/[^\d]/g, ""));

describe("the region dashboard in Chromium (Arabic, 390 px)", () => {
  const demo = useDemoBrowser("year");

  it(
    "the minister's dashboard fits a phone, its figures open their lists with the same total, a report entered at Emsaed moves the crossing's figure without a reload, and the plan page charts its two computed indicators",
    { timeout: 180_000 },
    async () => {
      const context = await demo.browser.newContext({ viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await logIn(page, demo.server.url, "minister");
      await page.goto(`${demo.server.url}/dashboard`);
      await expect.poll(() => page.getByTestId("page-title").innerText()).toBe("لوحة المتابعة الإقليمية");
      await page.getByTestId("dashboard-incidents-chart").locator("svg").waitFor();
      await page.getByTestId("dashboard-crossing-chart").locator("svg").waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await screenshot(page, "dashboard-390");

      // The weekly report of a chosen week and district downloads as a PDF (the minister's own figures).
      const card = page.getByTestId("weekly-report");
      await card.scrollIntoViewIfNeeded();
      await page.getByTestId("weekly-report-district").selectOption("LY0104");
      await screenshot(page, "weekly-report-390", { fullPage: false });
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByTestId("weekly-report-pdf").click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^tansiq-weekly-\d{4}-W\d{2}-LY0104\.pdf$/);
      // Every week by e-mail, for Tobruk.
      await page.getByTestId("weekly-report-email").click();
      await expect.poll(() => page.getByTestId("weekly-report-email").isChecked()).toBe(true);
      await expect.poll(() => card.innerText()).toMatch(/يصل صباح كل اثنين/);
      await screenshot(page, "weekly-report-email-390", { fullPage: false });
      // The link an e-mail carries opens the card on its week and district.
      const week = await page
        .getByTestId("weekly-report-week")
        .locator("option")
        .nth(2)
        .getAttribute("value");
      await page.goto(`${demo.server.url}/dashboard?week=${week}&district=LY0101`);
      await expect.poll(() => page.getByTestId("weekly-report-week").inputValue()).toBe(week);
      expect(await page.getByTestId("weekly-report-district").inputValue()).toBe("LY0101");
      expect(await page.getByTestId("weekly-report-email").isChecked()).toBe(true);
      await page.goto(`${demo.server.url}/dashboard`);

      // A figure opens the list it summarises, with the same filters: the list's total is the figure.
      const reports = page.getByTestId("dashboard-crossing-reports");
      const before = digits(await reports.innerText());
      expect(before).toBeGreaterThan(0);
      await reports.click();
      await expect.poll(async () => digits(await page.getByTestId("list-total").innerText())).toBe(before);
      await page.goBack();
      await reports.waitFor();

      // officer.emsaed enters tonight's report in another browser; the minister's page follows without a reload.
      const officer = await (await demo.browser.newContext()).newPage();
      await logIn(officer, demo.server.url, "officer.emsaed");
      const status = await officer.evaluate(async () => {
        const crossings = (await (await fetch("/api/v1/crossings")).json()) as {
          data: { id: string; code: string }[];
        };
        const crossing = crossings.data.find((c) => c.code === "EMSAED")!;
        const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Africa/Tripoli" }).format(new Date());
        const res = await fetch("/api/v1/border-reports", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ crossingId: crossing.id, day, shift: "night", migrantsIntercepted: 12 }),
        });
        return res.status;
      });
      expect(status).toBe(201);
      await expect.poll(async () => digits(await reports.innerText()), { timeout: 15_000 }).toBe(before + 1);

      // The district choropleth: Tobruk's count follows a new incident there without a reload, and opens the list
      // of the span's incidents in Tobruk with that total.
      const tobruk = page.locator(
        '[data-testid="dashboard-districts"] [data-testid="map-cluster"][data-district="LY0104"]',
      );
      await tobruk.scrollIntoViewIfNeeded();
      const counted = Number(await tobruk.getAttribute("data-count"));
      expect(counted).toBeGreaterThan(0);
      await screenshot(page, "dashboard-districts-390", { fullPage: false });
      const recorded = await officer.evaluate(async () => {
        const types = (await (await fetch("/api/v1/incident-types")).json()) as {
          data: { id: string; code: string }[];
        };
        const me = (await (await fetch("/api/auth/me")).json()) as { data: { agencyId: string } };
        const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Africa/Tripoli" }).format(new Date());
        const res = await fetch("/api/v1/incidents", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            agencyId: me.data.agencyId,
            typeId: types.data.find((t) => t.code === "smuggling_fuel")!.id,
            occurredOn: day,
            occurredTime: null,
            districtPcode: "LY0104",
            placeName: "منفذ امساعد البري",
            latitude: 31.59,
            longitude: 25.05,
            narrative: null,
            sensitivity: "internal",
            arrests: 0,
            rescued: 0,
            intercepted: 0,
            nationalities: [],
            dead: 0,
            missing: 0,
          }),
        });
        return res.status;
      });
      expect(recorded).toBe(201);
      await expect
        .poll(async () => Number(await tobruk.getAttribute("data-count")), { timeout: 15_000 })
        .toBe(counted + 1);
      await tobruk.click();
      await expect
        .poll(async () => digits(await page.getByTestId("list-total").innerText()))
        .toBe(counted + 1);
      await page.goBack();

      // The Tobruk plan charts its two indicators computed from the record.
      const planId = await page.evaluate(async () => {
        const plans = (await (await fetch("/api/v1/plans?status=active")).json()) as {
          data: { id: string }[];
        };
        return plans.data[0]!.id;
      });
      await page.goto(`${demo.server.url}/plans/${planId}`);
      const sources = page.getByTestId("indicator-source");
      await expect.poll(() => sources.count()).toBe(2);
      await screenshot(page, "plan-computed-indicators-390");
      expect(errors).toEqual([]);
    },
  );
});
